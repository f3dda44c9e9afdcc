package io.attune.models.guard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a message (text and embedding) into the {@link GuardHead}'s features. */
final class GuardFeatures {

    static final int NGRAM_BUCKETS = 1 << 16;

    private final Map<String, Pattern> lexicon;
    private final List<String> lexiconCategories;
    private final TopicVocabulary vocabulary;
    private final Map<String, Pattern> evidence;
    private final CommonWords commonWords;
    private final Map<String, Pattern> everydayUses;
    private final Map<String, NonHumanAilments> nonHumanAilments;
    private final Map<String, ImpersonalPlaces> impersonalPlaces;
    private final Map<String, MembersOfAGroup> membersOfAGroup;
    private final MaskedWords maskedWords;
    private final CharNgrams ngrams = new CharNgrams(NGRAM_BUCKETS);

    GuardFeatures(Map<String, Pattern> lexicon, List<String> lexiconCategories, TopicVocabulary vocabulary) {
        this(lexicon, lexiconCategories, vocabulary, Map.of());
    }

    /**
     * @param evidence per category, the terms a text must contain (besides the category's own lexicon and
     *     vocabulary terms) before the head's score for it may flag; categories absent need none
     */
    GuardFeatures(Map<String, Pattern> lexicon, List<String> lexiconCategories, TopicVocabulary vocabulary,
            Map<String, Pattern> evidence) {
        this(lexicon, lexiconCategories, vocabulary, evidence, null, Map.of());
    }

    /**
     * @param commonWords the words that never excuse a confident head from needing evidence; {@code null}: every
     *     confident head is excused
     * @param everydayUses per category, spans of text whose evidence terms are not evidence ("mexican food",
     *     "speak in french"); see {@link #everydayUsePattern}
     */
    GuardFeatures(Map<String, Pattern> lexicon, List<String> lexiconCategories, TopicVocabulary vocabulary,
            Map<String, Pattern> evidence, CommonWords commonWords, Map<String, Pattern> everydayUses) {
        this(lexicon, lexiconCategories, vocabulary, evidence, commonWords, everydayUses, Map.of());
    }

    /**
     * @param nonHumanAilments per category, what a message naming a plant or an animal no longer counts as evidence;
     *     see {@link NonHumanAilments}
     */
    GuardFeatures(Map<String, Pattern> lexicon, List<String> lexiconCategories, TopicVocabulary vocabulary,
            Map<String, Pattern> evidence, CommonWords commonWords, Map<String, Pattern> everydayUses,
            Map<String, NonHumanAilments> nonHumanAilments) {
        this(lexicon, lexiconCategories, vocabulary, evidence, commonWords, everydayUses, nonHumanAilments,
                MaskedWords.NONE);
    }

    /** @param maskedWords reads masked and stretched words as the list words they stand for ("c@ncer", "gaaaay") */
    GuardFeatures(Map<String, Pattern> lexicon, List<String> lexiconCategories, TopicVocabulary vocabulary,
            Map<String, Pattern> evidence, CommonWords commonWords, Map<String, Pattern> everydayUses,
            Map<String, NonHumanAilments> nonHumanAilments, MaskedWords maskedWords) {
        this(lexicon, lexiconCategories, vocabulary, evidence, commonWords, everydayUses, nonHumanAilments,
                maskedWords, Map.of());
    }

    /**
     * @param impersonalPlaces per category, the message's places and jobs that are no evidence when the writer says
     *     the job is theirs ("I'm a nurse"), hires for one or asks how one works; see {@link ImpersonalPlaces}
     */
    GuardFeatures(Map<String, Pattern> lexicon, List<String> lexiconCategories, TopicVocabulary vocabulary,
            Map<String, Pattern> evidence, CommonWords commonWords, Map<String, Pattern> everydayUses,
            Map<String, NonHumanAilments> nonHumanAilments, MaskedWords maskedWords,
            Map<String, ImpersonalPlaces> impersonalPlaces) {
        this(lexicon, lexiconCategories, vocabulary, evidence, commonWords, everydayUses, nonHumanAilments,
                maskedWords, impersonalPlaces, Map.of());
    }

    /**
     * @param membersOfAGroup per category, the spans that name two members of a group in the category's words ("two
     *     dads from our school"); see {@link MembersOfAGroup}
     */
    GuardFeatures(Map<String, Pattern> lexicon, List<String> lexiconCategories, TopicVocabulary vocabulary,
            Map<String, Pattern> evidence, CommonWords commonWords, Map<String, Pattern> everydayUses,
            Map<String, NonHumanAilments> nonHumanAilments, MaskedWords maskedWords,
            Map<String, ImpersonalPlaces> impersonalPlaces, Map<String, MembersOfAGroup> membersOfAGroup) {
        this.impersonalPlaces = Map.copyOf(impersonalPlaces);
        this.membersOfAGroup = Map.copyOf(membersOfAGroup);
        this.maskedWords = maskedWords;
        this.commonWords = commonWords;
        this.everydayUses = Map.copyOf(everydayUses);
        this.nonHumanAilments = Map.copyOf(nonHumanAilments);
        this.lexicon = lexicon;
        this.lexiconCategories = List.copyOf(lexiconCategories);
        this.vocabulary = vocabulary;
        this.evidence = Map.copyOf(evidence);
    }

    int denseSize(int embeddingDimension) {
        return embeddingDimension + lexiconCategories.size() + vocabulary.size();
    }

    /**
     * What the text alone gives: lexicon hits per lexicon category, topic-vocabulary hits per category and the
     * character n-grams. Computed once per message (the lexicon's patterns are most of the guard's cost).
     *
     * @param withoutEverydayUses category to the normalized text with its everyday uses blanked out, filled as the
     *     lexicon, vocabulary and evidence checks ask for it, so each category's cut is made once per message
     * @param namingNonHuman the categories whose {@link NonHumanAilments} apply: the text names a plant or an animal
     *     (looked for once per message, though the lexicon, vocabulary and evidence checks all ask)
     * @param impersonal the categories whose {@link ImpersonalPlaces} apply: the writer says the topic is their
     *     work ("I'm a nurse"), hires for it or asks how its institutions work
     */
    record Analysis(String normalized, boolean[] lexiconHits, float[] vocabularyHits, boolean[] vocabularyFlags,
            CharNgrams.SparseVector ngrams, Map<String, String> withoutEverydayUses, Set<String> namingNonHuman,
            Set<String> impersonal) {}

    /** Lexicon terms match case- and accent-insensitively: "diabet*" finds "diabétique" and "Diabética". */
    Analysis analyze(String text) {
        String normalized = maskedWords.spelledOut(CharNgrams.normalize(Hashtags.spelledOut(Emoji.spelledOut(text))));
        Map<String, String> cut = new HashMap<>(8);
        Set<String> nonHuman = new HashSet<>(2);
        nonHumanAilments.forEach((category, rule) -> {
            if (rule.names(normalized)) {
                nonHuman.add(category);
            }
        });
        Set<String> impersonal = impersonalPlaces.isEmpty() ? Set.of() : new HashSet<>(2);
        impersonalPlaces.forEach((category, rule) -> {
            if (rule.applies(normalized)) {
                impersonal.add(category);
            }
        });
        Uses uses = new Uses(nonHuman, impersonal);
        boolean[] lexiconHits = new boolean[lexiconCategories.size()];
        for (int i = 0; i < lexiconHits.length; i++) {
            Pattern pattern = lexicon.get(lexiconCategories.get(i));
            // "Mon Dieu, quelle journée": an everyday use of a term is no more a lexicon hit than evidence. Most
            // messages have no hit at all, so the everyday uses are only cut out of those that do.
            lexiconHits[i] = pattern != null && pattern.matcher(normalized).find()
                    && (pattern.matcher(withoutEverydayUses(lexiconCategories.get(i), normalized, cut, uses)).find()
                            || holdsEverydayUsesWhole(pattern, everydayUses.get(lexiconCategories.get(i)),
                                    withoutRelationsOfTheMessage(lexiconCategories.get(i), normalized, uses)));
        }
        float[] vocabularyHits = vocabulary.hitsOfNormalized(normalized);
        boolean[] vocabularyFlags = new boolean[vocabularyHits.length];
        boolean[] flagsOfWholeText = null;
        for (int c = 0; c < vocabularyHits.length; c++) {
            // "When is the new game coming out?", "the audio keeps cutting out": a topic word inside an everyday
            // use is no more a vocabulary hit than a lexicon hit.
            String counted = normalized;
            if (vocabularyHits[c] > 0f && nonHuman.contains(vocabulary.category(c))) {
                vocabularyHits[c] = 0f;
            } else if (vocabularyHits[c] > 0f && (everydayUses.containsKey(vocabulary.category(c))
                    || impersonal.contains(vocabulary.category(c)))) {
                String withoutEveryday = withoutEverydayUses(vocabulary.category(c), normalized, cut, uses);
                // Most texts have no everyday use: counting their words again would give the same.
                if (!withoutEveryday.equals(normalized)) {
                    vocabularyHits[c] = vocabulary.hitsOfNormalized(withoutEveryday)[c];
                    counted = withoutEveryday;
                }
            }
            if (vocabularyHits[c] > 0f && counted.equals(normalized)) {
                if (flagsOfWholeText == null) {
                    flagsOfWholeText = vocabulary.flagsOfNormalized(normalized);
                }
                vocabularyFlags[c] = flagsOfWholeText[c];
            } else if (vocabularyHits[c] > 0f) {
                vocabularyFlags[c] = vocabulary.flagsOfNormalized(counted)[c];
            }
        }
        return new Analysis(normalized, lexiconHits, vocabularyHits, vocabularyFlags, ngrams.ofNormalized(normalized),
                cut, Set.copyOf(nonHuman), Set.copyOf(impersonal));
    }

    /**
     * Whether a lexicon term's match holds whole every everyday use it overlaps: "my Nigerian accent" holds "Nigerian
     * accent", which alone is the everyday accent of "read it in a Nigerian accent", and is the writer's own. The
     * longer term is the more specific, so it stands. A lexicon term only partly inside an everyday use ("I'm sick" in
     * "I'm sick and tired of it") stays cut, as does one wholly inside it.
     */
    static boolean holdsEverydayUsesWhole(Pattern lexicon, Pattern everyday, String normalized) {
        if (everyday == null) {
            return false;
        }
        Matcher term = lexicon.matcher(normalized);
        while (term.find()) {
            boolean holdsOne = false;
            boolean straddles = false;
            Matcher use = everyday.matcher(normalized);
            // From every start, not only after the last use: uses may overlap one another.
            for (int from = 0; from < term.end() && use.find(from) && use.start() < term.end();
                    from = use.start() + 1) {
                if (use.end() <= term.start()) {
                    continue;
                }
                boolean inside = use.start() >= term.start() && use.end() <= term.end();
                boolean same = use.start() == term.start() && use.end() == term.end();
                holdsOne |= inside && !same;
                straddles |= !inside || same;
            }
            if (holdsOne && !straddles) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the text gives the head's score for {@code category} something to stand on: an evidence term, or
     * a lexicon or topic-vocabulary hit of the category. Checked only when the head flags the category, so the
     * extra pattern costs nothing on most messages.
     */
    boolean hasEvidence(String category, Analysis analysis) {
        Pattern required = evidence.get(category);
        if (required == null) {
            return true;
        }
        int lexiconIndex = lexiconCategories.indexOf(category);
        if (lexiconIndex >= 0 && analysis.lexiconHits()[lexiconIndex]) {
            return true;
        }
        float[] vocabularyHits = analysis.vocabularyHits();
        for (int i = 0; i < vocabularyHits.length; i++) {
            if (vocabularyHits[i] > 0 && vocabulary.category(i).equals(category)) {
                return true;
            }
        }
        return !analysis.namingNonHuman().contains(category)
                && required.matcher(evidenceText(category, analysis)).find();
    }

    /**
     * The text evidence is looked for in: the normalized text with the category's everyday uses of its terms
     * blanked out.
     */
    private String evidenceText(String category, Analysis analysis) {
        return withoutEverydayUses(category, analysis.normalized(), analysis.withoutEverydayUses(),
                new Uses(analysis.namingNonHuman(), analysis.impersonal()));
    }

    /** The whole-message relations found in a text: what it says of whom its topic words are about. */
    private record Uses(Set<String> namingNonHuman, Set<String> impersonal) {}

    private String withoutEverydayUses(String category, String normalized, Map<String, String> cut, Uses uses) {
        Pattern everyday = everydayUses.get(category);
        NonHumanAilments ailments = uses.namingNonHuman().contains(category) ? nonHumanAilments.get(category) : null;
        ImpersonalPlaces impersonal = uses.impersonal().contains(category) ? impersonalPlaces.get(category) : null;
        MembersOfAGroup members = membersOfAGroup.get(category);
        if (everyday == null && ailments == null && impersonal == null && members == null) {
            return normalized;
        }
        return cut.computeIfAbsent(category, c -> {
            String text = everyday == null ? normalized : everyday.matcher(normalized).replaceAll(" ");
            return withoutRelationsOfTheMessage(category, normalized, text, uses);
        });
    }

    /**
     * The normalized text less what the whole-message relations cut (two members of a group, a plant's or a pet's
     * ailments, a workplace's terms), but with its everyday uses in place: where a lexicon term that holds an everyday
     * use whole is looked for, so that it stands against the everyday use only, not against those relations.
     */
    private String withoutRelationsOfTheMessage(String category, String normalized, Uses uses) {
        return withoutRelationsOfTheMessage(category, normalized, normalized, uses);
    }

    private String withoutRelationsOfTheMessage(String category, String normalized, String text, Uses uses) {
        NonHumanAilments ailments = uses.namingNonHuman().contains(category) ? nonHumanAilments.get(category) : null;
        ImpersonalPlaces impersonal = uses.impersonal().contains(category) ? impersonalPlaces.get(category) : null;
        MembersOfAGroup members = membersOfAGroup.get(category);
        text = members == null ? text : members.cut(normalized, text);
        text = ailments == null ? text : ailments.cut(text);
        return impersonal == null ? text : impersonal.cut(normalized, text, lexicon.get(category));
    }

    /**
     * Two mothers or two fathers of a group are two of its members, not a couple: "two dads from our school are
     * organising the summer fair", "siamo due mamme del comitato genitori", "zwei Väter aus der Elterngruppe". Such a
     * span ({@code members}: a couple term followed by a preposition of membership and an article or a possessive) is
     * cut out like an everyday use, unless the writer puts themselves and their partner in the pair ({@code
     * writerInPair}: "two mums from my daughter's class, me and my wife actually"), which makes it a couple again.
     *
     * @param members the spans naming two members of a group
     * @param writerInPair the phrases with which the writer and a partner are the pair; {@code null}: none
     */
    record MembersOfAGroup(Pattern members, Pattern writerInPair) {

        /** {@code text} (the normalized message less other everyday uses) less the members' spans. */
        String cut(String normalized, String text) {
            if (writerInPair != null && writerInPair.matcher(normalized).find()) {
                return text;
            }
            return members.matcher(text).replaceAll(" ");
        }
    }

    /**
     * A category's words for a plant's or an animal's illness: "my tomato plants have a disease", "mon rosier est
     * malade", "my dog is limping", "mein Kater ist krank". Such an illness is nobody's health (special categories
     * are about people), so in a message naming a plant or an animal ({@code nonHumans}) the category's broad
     * evidence terms (body parts, symptoms) and its topic vocabulary do not count, and its lexicon counts without the
     * generic words of illness and the animals' commonest symptoms ({@code ailments}): only a specific condition
     * named in the lexicon ("allergic", "an infection", "pregnant") still makes such a message sensitive. Non-human
     * subjects are matched as whole phrases where a word alone is also a person's idiom ("sick as a dog" names no
     * dog; "my dog" does). A message that also says the writer was hurt ({@code writerHurt}: "I pricked myself on a
     * rose bush", "the dog bit me") is about a person, and keeps all its evidence.
     */
    record NonHumanAilments(Pattern nonHumans, Pattern ailments, Pattern writerHurt) {

        boolean names(String normalized) {
            return nonHumans.matcher(normalized).find()
                    && (writerHurt == null || !writerHurt.matcher(normalized).find());
        }

        /** {@code text} (the normalized message less other everyday uses) less the ailments. */
        String cut(String text) {
            return ailments.matcher(text).replaceAll(" ");
        }
    }

    /**
     * A message that names a topic's places, institutions, offices and jobs ({@link TopicVocabulary#PLACES}) for a
     * reason that says nothing of the writer's own health, faith or opinion:
     * <ul>
     * <li>the job is the writer's own ("I'm a nurse", "Ich arbeite als Zahnarzthelferin", "Soy auxiliar de
     *     farmacia");
     * <li>the writer is hiring for the place ("a job ad for a receptionist at a physiotherapy clinic") or works
     *     there ("I run the front desk at a dental practice");
     * <li>the writer asks how the institution works, for a quiz, a lesson or a visit ("How many seats are there in
     *     the Senate?", "Spiega a un bambino cosa fa il sindaco", "an itinerary with the Koutoubia mosque"), or
     *     writes for one of its occasions ("a newsletter intro for our care home's families").
     * </ul>
     * In such a message the category's places and jobs, and its civics words (elections, votes, referendums, laws:
     * marked "civics"), are cut out before the lexicon, vocabulary and evidence are looked for, so a lexicon or evidence
     * term inside one ("physiotherap*" in "physiotherapist", "senator*" in "senators") counts no more than the place
     * itself, and a head confident of the category needs evidence all the same. Everything else stays: "I'm a nurse
     * and I've just been diagnosed with MS" keeps its diagnosis, "explain why the senators are all fascists" its
     * fascists.
     *
     * @param framed one of the writer's job phrases ("i'm a", "ich arbeite als"), then at most two words that
     *     are not prepositions ("a retired", "gelernte"), then one of the category's jobs; or a phrase of a job ad
     *     or of working at a place, then one of the places within a few words; {@code null} when the category has
     *     neither
     * @param asks a question of fact, a visit or a piece of writing for an occasion ("how many", "explain the
     *     difference", "for a quiz", "itinerary", "newsletter"), which applies wherever it stands when the message
     *     also names one of the places;
     *     {@code null} when the category has none
     * @param asksStarts the first words of {@code asks}' phrases, looked up before it is run; {@code null}: none
     * @param places the category's places, institutions, offices, jobs and civics words, as topic-vocabulary terms
     *     match them (a final plural "s", "es" or "ies" included)
     * @param placesAndJobs the same without the civics words; {@code null} when the category has no civics words
     */
    record ImpersonalPlaces(Pattern framed, Pattern asks, PhraseStarts asksStarts, Pattern places,
            Pattern placesAndJobs, Pattern placesWithWhatTheyPractise) {

        /**
         * An adjective of a specialty after its place, as Romance languages put it ("clínica dermatológica", "centro
         * oftalmologico", "clinique vétérinaire"): by its ending, so that an adjective of the writer's ("una
         * enfermera embarazada") is not taken for one.
         */
        private static final String SPECIALTY_ADJECTIVE = "[\\p{L}]*(?:ica|icas|ico|icos|ique|iques|aria|ario|ale|ali|al)"
                + "(?![\\p{L}\\p{N}'])";

        /**
         * Words that cannot stand between the writer's phrase and the job: "ich bin bei der Hebamme", "je suis chez
         * la sage-femme" and "I'm going to the pharmacist" are visits, "als meine Hebamme kam" someone else's job.
         */
        private static final String NOT_BETWEEN = "at|in|on|to|with|from|for|of|by|about|bei|beim|zum|zur|mit|im|am|"
                + "von|vom|zu|a|au|aux|avec|dans|en|de|du|des|par|pour|chez|al|con|del|em|no|na|nos|nas|com|do|da|"
                + "dal|dalla|dallo|nel|nella|alla|allo|bij|naar|met|van|op|voor|para|por|"
                + "my|your|his|her|our|their|mein|meine|meinem|meinen|meiner|dein|deine|sein|seine|ihr|ihre|unser|"
                + "unsere|mon|ma|mes|ton|ta|son|sa|notre|mi|mis|tu|su|nuestro|nuestra|mio|mia|suo|sua|nostro|nostra|"
                + "meu|minha|seu|nosso|nossa|mijn|jouw|zijn|haar|onze";

        /** What joins a practice to what it practises: "centro di", "cabinet d'", "clinic for", "Praxis für". */
        private static final String OF_WHAT = "(?:\\s+(?:de|di|da|do|du|des|del|della|dello|dei|of|for|fur)\\s+|\\s+d')";

        /** Articles, "is" and "was", and relatives: with {@link #NOT_BETWEEN}'s words, no specialty. */
        private static final String ARTICLES_VERBS_AND_RELATIVES = "a|an|the|un|une|le|la|les|l|der|die|das|den|dem|"
                + "ein|eine|einer|einem|einen|el|los|las|uno|una|il|lo|gli|o|os|um|uma|het|di|per|fur|e|or|oder|ou|is|"
                + "was|ist|war|est|es|that|which|where|when|whose|wo|que|quand|donde|cuando|dove|quando|onde";

        /**
         * One word that says what a practice practises, before it or after it ("dermatology clinic", "orthopädischen
         * Praxis", "clínica dermatológica", "centro di dermatologia"): any word but an article, a pronoun, a
         * preposition, a conjunction or a relative, which begin what the writer says next ("a clinic where I was
         * treated", "a clinic and my own chemo").
         */
        private static final String QUALIFIER = "(?!(?:" + NOT_BETWEEN + "|" + NOT_IN_A_THINGS_ILLNESS + "|"
                + ARTICLES_VERBS_AND_RELATIVES + ")(?![\\p{L}\\p{N}']))[\\p{L}\\p{N}][\\p{L}\\p{N}'\\-]*";

        /** At most this many words between a phrase of hiring and the place ("for a receptionist at a"). */
        private static final int WORDS_BEFORE_THE_PLACE_HIRING = 6;

        /**
         * @param worksAs the phrases with which a writer names their job ("i'm a", "ich arbeite als")
         * @param hiresFor the phrases of a job ad or of working at a place ("job posting for", "Stellenanzeige für",
         *     "front desk at"): followed within {@value #WORDS_BEFORE_THE_PLACE_HIRING} words by one of the places,
         *     they make the message the employer's or the workplace's, as a job of the writer's own does ("a job ad
         *     for a receptionist at a physiotherapy clinic")
         * @param asksAbout the phrases of a question of fact, a visit or a piece of writing for an occasion ("how
         *     many", "for a quiz", "itinerary", "newsletter")
         * @param jobs the category's jobs ("nurse", "zahnarzthelferin")
         * @param places the category's places, institutions, offices, jobs and civics words
         */
        static ImpersonalPlaces of(List<String> worksAs, List<String> hiresFor, List<String> asksAbout,
                List<String> jobs, List<String> places) {
            return of(worksAs, hiresFor, asksAbout, jobs, places, List.of(), List.of());
        }

        /**
         * As {@link #of(List, List, List, List, List)}, with two more of the category's lists:
         *
         * @param civics the civics words among {@code places}: a lexicon phrase holding one of them and no place or
         *     job survives the writer's own job ("I'm a poll worker, and I'm voting Green"), since a vote is never
         *     the job
         * @param practices the nouns that name a practice only with what it practises ("centro", "cabinet",
         *     "studio"): followed by a preposition and a word ("centro di dermatologia", "cabinet d'orthophonie")
         *     they are one more place
         */
        static ImpersonalPlaces of(List<String> worksAs, List<String> hiresFor, List<String> asksAbout,
                List<String> jobs, List<String> places, List<String> civics, List<String> practices) {
            Pattern placePattern = TermPatterns.compileEverydayUses(TopicVocabulary.withPlurals(places));
            String practiceOfWhat = practices.isEmpty() ? null
                    : "(?:" + TermPatterns.compileEverydayUses(practices).pattern() + ")" + OF_WHAT + QUALIFIER;
            if (practiceOfWhat != null) {
                placePattern = Pattern.compile(placePattern.pattern() + "|" + practiceOfWhat, placePattern.flags());
            }
            List<String> alternatives = new ArrayList<>(2);
            if (!worksAs.isEmpty() && !jobs.isEmpty()) {
                // Up to two words between ("a qualified", "gelernte"), and an apostrophe before the job ("faccio
                // l'infermiera").
                String between = "(?:\\s+(?!(?:" + NOT_BETWEEN + ")(?![\\p{L}\\p{N}]))[\\p{L}\\p{N}'\\-]+){0,2}?";
                alternatives.add("(?:" + TermPatterns.compile(worksAs).pattern() + ")" + between + "(?:\\s+|')(?:"
                        + TermPatterns.compile(TopicVocabulary.withPlurals(jobs)).pattern() + ")");
            }
            if (!hiresFor.isEmpty() && !places.isEmpty()) {
                alternatives.add("(?:" + TermPatterns.compile(hiresFor).pattern() + ")(?:\\s+[\\p{L}\\p{N}'\\-]+){0,"
                        + WORDS_BEFORE_THE_PLACE_HIRING + "}?(?:\\s+|')(?:" + placePattern.pattern() + ")");
            }
            if (alternatives.isEmpty() && (asksAbout.isEmpty() || places.isEmpty())) {
                throw new IllegalArgumentException("an impersonal use of places needs phrases and the jobs or places "
                        + "they lead to");
            }
            Pattern framed = alternatives.isEmpty() ? null : Pattern.compile(String.join("|", alternatives),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            boolean asking = !asksAbout.isEmpty() && !places.isEmpty();
            List<String> notCivics = places.stream().filter(place -> !civics.contains(place)).toList();
            Pattern placesAndJobs = civics.isEmpty() ? null : notCivics.isEmpty() ? Pattern.compile("(?!)")
                    : TermPatterns.compileEverydayUses(TopicVocabulary.withPlurals(notCivics));
            // Only a place's own word says what it practises: after a job ("a nurse diagnosed with…", "una
            // enfermera embarazada") or a civics word, the next word is the writer's.
            List<String> placesOnly = places.stream().filter(place -> !jobs.contains(place) && !civics.contains(place))
                    .toList();
            String placeOfWhat = placesOnly.isEmpty() ? practiceOfWhat
                    : "(?:" + TermPatterns.compileEverydayUses(TopicVocabulary.withPlurals(placesOnly)).pattern() + ")"
                            + (practiceOfWhat == null ? "" : "|" + practiceOfWhat);
            Pattern qualified = placeOfWhat == null ? placePattern : Pattern.compile("(?:" + QUALIFIER + "\\s+)?(?:"
                    + placeOfWhat + ")(?:" + OF_WHAT + QUALIFIER + "|\\s+" + SPECIALTY_ADJECTIVE + ")?|"
                    + placePattern.pattern(), placePattern.flags());
            return new ImpersonalPlaces(framed, asking ? TermPatterns.compile(asksAbout) : null,
                    asking ? PhraseStarts.of(asksAbout) : null, placePattern, placesAndJobs, qualified);
        }

        boolean applies(String normalized) {
            return framed(normalized) || (asks != null && (asksStarts == null || asksStarts.mayContain(normalized))
                    && asks.matcher(normalized).find() && places.matcher(normalized).find());
        }

        private boolean framed(String normalized) {
            return framed != null && framed.matcher(normalized).find();
        }

        /** {@code text} (the normalized message less other everyday uses) less the places, jobs and civics words. */
        String cut(String text) {
            return places.matcher(text).replaceAll(" ");
        }

        /**
         * As {@link #cut(String)}, with the word that says what each place practises: at work, the writer's
         * "dermatology clinic" or "clínica dermatológica" is the workplace, its specialty included.
         */
        private String cutWorkplaces(String text) {
            return placesWithWhatTheyPractise.matcher(text).replaceAll(" ");
        }

        /**
         * As {@link #cut(String)}, except that in a question or a visit, a place inside a longer phrase of the
         * category's lexicon stays: "the history of our church", "what time does my mosque open" name the writer's
         * own place of worship, whatever they ask about it. A writer's job keeps only the phrases whose words of
         * the topic are civics words ("I'm voting Green" beside "I'm a poll worker"): a nurse "in the emergency room"
         * is at work.
         *
         * @param normalized the whole normalized message, which says whether the writer's job or a question applies
         * @param lexiconTerms the category's lexicon, or {@code null} if it has none
         */
        String cut(String normalized, String text, Pattern lexiconTerms) {
            boolean atWork = framed(normalized);
            if (lexiconTerms == null || (atWork && placesAndJobs == null)) {
                return atWork ? cutWorkplaces(text) : cut(text);
            }
            List<int[]> kept = new ArrayList<>(2);
            Matcher phrase = lexiconTerms.matcher(text);
            while (phrase.find()) {
                if (!places.matcher(phrase.group()).matches()
                        && !(atWork && placesAndJobs.matcher(phrase.group()).find())) {
                    kept.add(new int[] {phrase.start(), phrase.end()});
                }
            }
            if (kept.isEmpty()) {
                return atWork ? cutWorkplaces(text) : cut(text);
            }
            StringBuilder out = new StringBuilder(text.length());
            Matcher place = (atWork ? placesWithWhatTheyPractise : places).matcher(text);
            int last = 0;
            while (place.find()) {
                if (!inside(place.start(), place.end(), kept)) {
                    out.append(text, last, place.start()).append(' ');
                    last = place.end();
                }
            }
            return out.append(text, last, text.length()).toString();
        }

        private static boolean inside(int start, int end, List<int[]> spans) {
            for (int[] span : spans) {
                if (span[0] <= start && end <= span[1]) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * One pattern for the spans where a category's evidence term is used in an everyday sense: the term
     * followed by one of {@code followedBy} ("mexican food"), preceded by one of {@code precededBy} ("in
     * french", "restaurant chinois"), or one of {@code phrases} whole ("oh my god", "Mon Dieu": a word before
     * "god" alone would also cancel "my church"). Any of the lists may be empty. Words may be joined by hyphens or
     * underscores as well as spaces ("task-arabic-desktop" is "arabic desktop").
     */
    static Pattern everydayUsePattern(Pattern evidence, List<String> followedBy, List<String> precededBy,
            List<String> phrases) {
        return everydayUsePattern(evidence, followedBy, precededBy, phrases, List.of(), List.of(), List.of());
    }

    /**
     * Words that end a thing's figure of speech before its word of illness: a person ("and so did I", "mais moi",
     * "und ich"), since "my laptop is dying and I'm sick too" says the writer is ill. Not Italian and Portuguese "e"
     * (and), which accents stripped make of "è" (is): "il nostro sito è malato"; nor "im", which is German "in the"
     * ("die Kaffeemaschine im Büro hat einen Herzinfarkt") more often than an English "I'm" without its apostrophe.
     */
    private static final String NOT_IN_A_THINGS_ILLNESS = "and|but|so|too|also|because|while|as|i|i'm|i've|ive|"
            + "me|my|mine|myself|we|us|our|you|your|he|she|his|her|him|they|them|their|who|und|aber|auch|weil|ich|"
            + "mich|mir|mein|meine|wir|uns|du|dich|dir|er|sie|ihr|wer|et|mais|aussi|car|je|j'ai|moi|mon|ma|mes|nous|"
            + "tu|toi|elle|ils|elles|lui|qui|y|pero|tambien|porque|yo|mi|mis|nosotros|ella|ellos|quien|anche|"
            + "perche|io|mio|mia|noi|lei|loro|chi|mas|tambem|eu|meu|minha|nos|ele|ela|eles|quem|maar|ook|ik|mijn|wij|"
            + "hij|zij";

    /**
     * Words that end a diagnosis's span before its thing: what a person is diagnosed with and when ("diagnosed with a
     * concussion after the car crash" is about the writer, not the car).
     */
    private static final String NOT_BETWEEN_A_DIAGNOSIS_AND_A_THING =
            "with|mit|avec|con|com|after|nach|apres|despues|dopo|depois";

    /** At most this many words between a clinic's word and its thing ("Symptome hat eine defekte Lichtmaschine"). */
    private static final int WORDS_BETWEEN_A_DIAGNOSIS_AND_A_THING = 3;

    /** At most this many words between a thing and its word of illness ("server ist seit dem Update krank"). */
    private static final int WORDS_BETWEEN_A_THING_AND_ITS_ILLNESS = 4;

    /** Up to {@code most} words, as few as will do, none of them one of {@code endingTheClause}. */
    private static String wordsOfOneClause(String endingTheClause, int most) {
        return "(?:\\s+(?!(?:" + endingTheClause + ")(?![\\p{L}\\p{N}']))[\\p{L}\\p{N}'\\-]+){0," + most + "}?";
    }

    /**
     * As {@link #everydayUsePattern(Pattern, List, List, List)}, with a thing said to be ill as one more everyday use:
     * one of {@code things} (a machine, a website, a team's defence) followed within {@value
     * #WORDS_BETWEEN_A_THING_AND_ITS_ILLNESS} words of the same clause by one of {@code thingIllnesses} ("the printer
     * is on life support", "unser Server ist seit dem Update krank", "il nostro sito è malato"). The span is cut out
     * whole, so a writer's own illness elsewhere in the message still counts ("our website caught a virus and so did
     * I, I've had shingles"); a person between the two ends the span ("my laptop is fine but I'm sick"). The other
     * way round, one of {@code thingDiagnoses} (a clinic's word for finding what is wrong) followed as closely by a
     * thing: "the symptoms of a failing alternator", "diagnostique pourquoi cette requête est lente", "welche
     * Symptome hat eine defekte Lichtmaschine" (since session 68).
     */
    static Pattern everydayUsePattern(Pattern evidence, List<String> followedBy, List<String> precededBy,
            List<String> phrases, List<String> things, List<String> thingIllnesses, List<String> thingDiagnoses) {
        String term = "(?:" + evidence.pattern() + ")";
        List<String> alternatives = new ArrayList<>();
        if (!things.isEmpty() && !thingIllnesses.isEmpty()) {
            alternatives.add("(?:" + TermPatterns.compileEverydayUses(things).pattern() + ")"
                    + wordsOfOneClause(NOT_IN_A_THINGS_ILLNESS, WORDS_BETWEEN_A_THING_AND_ITS_ILLNESS)
                    + TermPatterns.WORDS_JOINED + "(?:" + TermPatterns.compileEverydayUses(thingIllnesses).pattern()
                    + ")");
        }
        if (!things.isEmpty() && !thingDiagnoses.isEmpty()) {
            alternatives.add("(?:" + TermPatterns.compileEverydayUses(thingDiagnoses).pattern() + ")"
                    + wordsOfOneClause(NOT_IN_A_THINGS_ILLNESS + "|" + NOT_BETWEEN_A_DIAGNOSIS_AND_A_THING,
                            WORDS_BETWEEN_A_DIAGNOSIS_AND_A_THING)
                    + TermPatterns.WORDS_JOINED + "(?:" + TermPatterns.compileEverydayUses(things).pattern() + ")");
        }
        if (!precededBy.isEmpty()) {
            alternatives.add("(?:" + TermPatterns.compileEverydayUses(precededBy).pattern() + ")"
                    + TermPatterns.WORDS_JOINED + term);
        }
        if (!followedBy.isEmpty()) {
            alternatives.add(term + TermPatterns.WORDS_JOINED + "(?:"
                    + TermPatterns.compileEverydayUses(followedBy).pattern() + ")");
        }
        if (!phrases.isEmpty()) {
            alternatives.add(TermPatterns.compileEverydayUses(phrases).pattern());
        }
        if (alternatives.isEmpty()) {
            // An empty pattern matches between every two letters: blanked at each, the text would match no term.
            throw new IllegalArgumentException("no everyday use to match");
        }
        return Pattern.compile(String.join("|", alternatives), evidence.flags());
    }

    /**
     * Whether the text has a word no evidence list could be expected to hold (a drug, a condition, a foreign
     * word): only then is a confident head trusted without evidence. Always true without a common-word list.
     */
    boolean hasUncommonWord(Analysis analysis) {
        return commonWords == null || commonWords.hasUncommonWord(analysis.normalized());
    }

    /** As {@link #hasUncommonWord}, with the words of place names counted as common. */
    boolean hasUncommonWordBesidesPlaces(Analysis analysis) {
        return commonWords == null || commonWords.hasUncommonWordBesidesPlaces(analysis.normalized());
    }

    /**
     * Whether the category's evidence terms occur in the message, but only inside its everyday uses ("a baptism of
     * fire", "the printer had a heart attack"): the text shows the topic's words and none of the topic. Not a
     * message naming a pet or a plant, whose other words may still say something of the writer ("I'm the receptionist
     * at a veterinary clinic and my girlfriend and I are getting married").
     */
    boolean evidenceOnlyInEverydayUses(String category, Analysis analysis) {
        Pattern terms = evidence.get(category);
        return terms != null && !analysis.namingNonHuman().contains(category)
                && terms.matcher(analysis.normalized()).find()
                && !terms.matcher(evidenceText(category, analysis)).find();
    }

    /**
     * Whether the category has evidence terms of its own and the text contains one besides the topic's places,
     * institutions, offices and jobs ({@link TopicVocabulary#isPlace}): a cathedral or a senate named lets the head's
     * score count, but only a term about the topic itself lowers the threshold.
     */
    boolean evidenceTermsMatch(String category, Analysis analysis) {
        return distinctEvidenceTerms(category, analysis) > 0;
    }

    /**
     * How many different evidence terms of the category the text contains ("vomit", "itchy" and "throat" are
     * three; "pain" twice is one), and 0 for a category without evidence terms. The topic's places, institutions,
     * offices and jobs ({@link TopicVocabulary#isPlace}) do not count: "the Assemblée nationale and the Sénat"
     * make a civics question, not a dense political one.
     */
    int distinctEvidenceTerms(String category, Analysis analysis) {
        Pattern terms = evidence.get(category);
        if (terms == null || analysis.namingNonHuman().contains(category)) {
            return 0;
        }
        Set<String> found = new HashSet<>();
        Matcher matcher = terms.matcher(evidenceText(category, analysis));
        while (matcher.find()) {
            if (!vocabulary.isPlace(matcher.group())) {
                found.add(matcher.group());
            }
        }
        return found.size();
    }

    List<String> lexiconCategories() {
        return lexiconCategories;
    }

    String vocabularyCategory(int index) {
        return vocabulary.category(index);
    }

    /** The embedding, one 0/1 lexicon hit per category, then the topic vocabulary's hits per category. */
    float[] dense(String text, float[] embedding) {
        return dense(analyze(text), embedding);
    }

    float[] dense(Analysis analysis, float[] embedding) {
        float[] features = new float[denseSize(embedding.length)];
        System.arraycopy(embedding, 0, features, 0, embedding.length);
        for (int i = 0; i < lexiconCategories.size(); i++) {
            features[embedding.length + i] = analysis.lexiconHits()[i] ? 1f : 0f;
        }
        float[] topics = analysis.vocabularyHits();
        System.arraycopy(topics, 0, features, embedding.length + lexiconCategories.size(), topics.length);
        return features;
    }

    CharNgrams.SparseVector sparse(String text) {
        return ngrams.of(text);
    }
}
