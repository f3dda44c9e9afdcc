package io.attune.models.guard;

/**
 * How much the {@link SensitiveTopicGuard} asks of a text before it flags it, per kind of text.
 *
 * @param evidencedThresholdFactor with the category's evidence terms in the text, the category is flagged from
 *     this fraction of its threshold
 * @param vocabularyFlags whether a topic-vocabulary hit alone flags its category
 * @param reassignUnevidenced whether a head that flags a category without evidence flags, instead, the likeliest
 *     category the text does show evidence of
 * @param trustConfidentHead whether a confident head needs no evidence (given an uncommon word)
 */
record DecisionRules(float evidencedThresholdFactor, boolean vocabularyFlags, boolean reassignUnevidenced,
        boolean trustConfidentHead) {

    /** What people tell an assistant: every path that catches a sensitive message is open. */
    static final DecisionRules MESSAGE =
            new DecisionRules(SensitiveTopicGuard.EVIDENCED_THRESHOLD_FACTOR, true, true, true);

    /**
     * A catalog item's text (a title, a product, an event, with its tags): the head, trained on messages,
     * leans towards a category on short title-like texts with a topic word in them ("Smoke and Mirrors",
     * "The Saint of Lost Things", "Letters from the Front (Drama, War)"), and the topic vocabulary hits
     * names ("Vertigo", "Insomnia"). A publisher's sensitive item, a clinic's ad, a church service or a
     * campaign, names its topic plainly, so the catalog asks for three quarters of the threshold with evidence
     * and a lexicon, evidence or head decision rather than a vocabulary word or a reassigned guess. Of the
     * 9,066 MovieLens titles (never trained on), 10.2% are flagged under the message rules and 6.1% under
     * these; on {@code catalog-check.jsonl} recall stayed at 39 of 40 sensitive items and 11 of 40 everyday ones
     * flagged became 6 (docs/sensitive-topics.md).
     */
    static final DecisionRules CATALOG_ITEM = new DecisionRules(0.75f, false, false, false);
}
