package io.attune.models.guard;

/**
 * How much the {@link SensitiveTopicGuard} asks of a text before it flags it, per kind of text.
 *
 * @param vocabularyFlags whether a topic-vocabulary hit alone flags its category
 * @param reassignUnevidenced whether a head that flags a category without evidence flags, instead, the likeliest
 *     category the text does show evidence of
 * @param trustConfidentHead whether a confident head needs no evidence (given an uncommon word)
 * @param denseEvidenceBelowNone a text dense with a category's evidence is flagged only while the head's P(NONE)
 *     is below this (above 1: whatever the head says)
 */
record DecisionRules(boolean vocabularyFlags, boolean reassignUnevidenced, boolean trustConfidentHead,
        float denseEvidenceBelowNone) {

    /** What people tell an assistant: every path that catches a sensitive message is open. */
    static final DecisionRules MESSAGE = new DecisionRules(true, true, true, Float.POSITIVE_INFINITY);

    /**
     * A catalog item's text (a title, a product, an event, with its tags). Titles use topic words as names:
     * the topic vocabulary hits "Vertigo" and "Insomnia", a head leaning one way on a title is a guess rather
     * than a misfiled category, and a confident head on a title without a word of its category has nothing to
     * stand on. A publisher's sensitive item, a clinic's ad, a church service or a campaign, names its topic
     * plainly, so a catalog item is flagged by the head with evidence, a lexicon hit or dense evidence only.
     * With the catalog head (trained on {@code catalog-templates.tsv} too), 2.9% of the 9,066
     * MovieLens titles (never trained on) are flagged under the message rules and 1.9% under these; on
     * {@code catalog-check.jsonl} both caught 39 of 40 sensitive items (40 since the lexicon has Pride events,
     * added after that miss) and flag 5 and 2 of 40 everyday ones (docs/sensitive-topics.md).
     *
     * <p>Dense evidence flags a catalog item only when the catalog head, which has seen titles, leans towards it
     * being sensitive (P(NONE) below 0.5). Titles pile up topic words as names ("Star Wars: Episode V - The
     * Empire Strikes Back", genre "War"): of the 9,066 MovieLens titles, 39 were flagged by dense evidence alone,
     * none of them about a topic, with P(NONE) from 0.72 to 0.9996; the one sensitive item of the catalog check
     * sets caught that way (an HIV testing centre, in French) had 0.38.
     */
    static final DecisionRules CATALOG_ITEM = new DecisionRules(false, false, false, 0.5f);
}
