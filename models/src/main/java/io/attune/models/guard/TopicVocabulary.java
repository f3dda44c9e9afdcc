package io.attune.models.guard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Topic vocabulary per category: in English {@code topic-vocabulary.tsv}, built from WordNet by
 * {@link TopicVocabularyBuilder} (thousands of disease, drug, procedure, rite, clergy, ideology and
 * ethnic-group names), and a hand-written {@code topic-vocabulary-languages.tsv} of everyday topic words in
 * six more languages, counted in the same features so that what the head learns from English hits carries
 * to the others, their learned words as those languages spell them ({@link CognateVocabularyBuilder}), and the
 * drugs, conditions and procedures of two medical spelling dictionaries, English and German, that no everyday
 * word list has ({@link MedicalVocabularyBuilder}: "diclofenac", "bruxism", "Tizanidin"), and German words whose every
 * sense a German-English dictionary translates into one category's English terms, with the English words it files
 * under medicine and nothing else ({@link DingVocabularyBuilder}: "Zuckerkrankheit", "Gewerkschaft", "catatonia").
 * Its hits are one
 * more view for the trained head, which learns how much a hit is worth, and evidence for the category; whether a
 * hit alone flags is up to the {@link DecisionRules} (a message's does, a catalog item's does not). Its point is
 * register independence: "metformin" or "sacrament" mean the same in a Usenet post, a patient question and an
 * assistant request, so a head that leans on them carries over to sources it was not trained on.
 */
final class TopicVocabulary {

    static final String RESOURCE = "topic-vocabulary.tsv";
    static final String OTHER_LANGUAGES = "topic-vocabulary-languages.tsv";
    static final String COGNATES = CognateVocabularyBuilder.RESOURCE;
    static final String MEDICAL = MedicalVocabularyBuilder.RESOURCE;
    static final String GERMAN = DingVocabularyBuilder.GERMAN;
    static final String ENGLISH_CLINICAL = DingVocabularyBuilder.ENGLISH_CLINICAL;
    static final String PLACES = "topic-places.tsv";

    /**
     * The kind of {@link #PLACES} row that names how the topic's institutions work (an election, a vote, a law)
     * rather than an institution.
     */
    static final String CIVICS = "civics";

    /**
     * The kind of {@link #PLACES} row that names a practice only with what it practises ("centro" in "centro di
     * dermatologia", "cabinet" in "cabinet d'orthophonie"): alone it is no place.
     */
    static final String PRACTICE = "practice";
    private static final int MAX_WORDS = 4;

    private final Map<String, Integer> categoryOfTerm;
    private final List<String> categories;
    private final Set<String> places;

    TopicVocabulary(Map<String, Integer> categoryOfTerm, List<String> categories) {
        this(categoryOfTerm, categories, Set.of());
    }

    /**
     * @param places the places, institutions, offices and jobs of a topic ({@link #PLACES}: "cathedral", "pharmacy",
     *     "parliament", "nurse"), as {@link #key keys}: naming one discloses nothing about the writer, so a hit on one
     *     counts for the head and as evidence but never {@link #flagsOfNormalized flags} a message alone
     */
    TopicVocabulary(Map<String, Integer> categoryOfTerm, List<String> categories, Set<String> places) {
        this.categoryOfTerm = categoryOfTerm;
        this.categories = List.copyOf(categories);
        this.places = Set.copyOf(places);
    }

    /**
     * The bundled vocabulary (English from WordNet, the hand-written other languages, cognates, the medical
     * dictionaries' words, then the German words the Ding dictionary translates into the English vocabulary and the
     * English words it files under medicine), for the given categories; terms of other categories are ignored, and a term keeps its
     * first category.
     */
    static TopicVocabulary bundled(List<String> categories) {
        Map<String, Integer> terms = new HashMap<>();
        for (String resource : List.of(RESOURCE, OTHER_LANGUAGES, COGNATES, MEDICAL, GERMAN, ENGLISH_CLINICAL)) {
            boolean threeColumns = !resource.equals(RESOURCE) && !resource.equals(OTHER_LANGUAGES);
            for (String[] row : GuardResources.rows(resource, threeColumns ? 3 : 2)) {
                int category = categories.indexOf(row[0]);
                if (category >= 0) {
                    terms.putIfAbsent(key(row[1]), category);
                }
            }
        }
        Set<String> places = new HashSet<>();
        for (String[] row : GuardResources.rows(PLACES, 3)) {
            // A civics word (an election, a vote) is what an opinion is about as often as a lesson: it counts as
            // any evidence term does, and is cut only where the places are (GuardFeatures.ImpersonalPlaces).
            if (!row[2].equals(CIVICS) && !row[2].equals(PRACTICE)) {
                places.add(key(row[1]));
            }
        }
        return new TopicVocabulary(terms, categories, places);
    }

    int size() {
        return categories.size();
    }

    String category(int index) {
        return categories.get(index);
    }

    /**
     * Per category, how many of the text's word sequences (up to four words) are its terms, capped at three
     * and scaled to [0, 1]. A final plural "s", "es" or "ies" is also tried.
     */
    float[] hits(String text) {
        return hitsOfNormalized(CharNgrams.normalize(text));
    }

    /** As {@link #hits}, for text already passed through {@link CharNgrams#normalize}. */
    float[] hitsOfNormalized(String normalized) {
        int[] counts = counts(normalized, true);
        float[] features = new float[categories.size()];
        for (int c = 0; c < counts.length; c++) {
            features[c] = Math.min(counts[c], 3) / 3f;
        }
        return features;
    }

    /**
     * Per category, whether the normalized text has one of its terms besides the places, institutions, offices and
     * jobs of the topic: a visit to a cathedral, a quiz on prime ministers or a job ad for a pharmacy is about no
     * one's faith, opinions or health, so only such a hit may flag a message on its own.
     */
    boolean[] flagsOfNormalized(String normalized) {
        int[] counts = counts(normalized, false);
        boolean[] flags = new boolean[counts.length];
        for (int c = 0; c < counts.length; c++) {
            flags[c] = counts[c] > 0;
        }
        return flags;
    }

    /** Whether the text (a term or a phrase) is one of the topic's places, institutions, offices or jobs. */
    boolean isPlace(String text) {
        return isPlaceKey(key(text));
    }

    private boolean isPlaceKey(String phrase) {
        return !places.isEmpty() && lookup(phrase, p -> places.contains(p) ? 0 : null) != null;
    }

    private int[] counts(String normalized, boolean placesToo) {
        String[] words = normalized.replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ");
        int[] counts = new int[categories.size()];
        for (int start = 0; start < words.length; start++) {
            if (words[start].isEmpty()) {
                continue;
            }
            StringBuilder phrase = new StringBuilder();
            for (int n = 1; n <= MAX_WORDS && start + n <= words.length; n++) {
                if (n > 1) {
                    phrase.append(' ');
                }
                phrase.append(words[start + n - 1]);
                String candidate = phrase.toString();
                Integer category = lookup(candidate, categoryOfTerm::get);
                if (category != null && (placesToo || !isPlaceKey(candidate))) {
                    counts[category]++;
                }
            }
        }
        return counts;
    }

    /**
     * Each term as it is and with the final plurals {@link #lookup} takes off ("s", "es", "ies" for "y"): for a pattern
     * that should find the terms where the vocabulary does.
     */
    static List<String> withPlurals(List<String> terms) {
        List<String> forms = new ArrayList<>();
        for (String term : terms) {
            forms.add(term);
            forms.add(term + "s");
            forms.add(term + "es");
            if (term.endsWith("y")) {
                forms.add(term.substring(0, term.length() - 1) + "ies");
            }
        }
        return forms;
    }

    /** The phrase looked up as it is, then without a final plural "ies" (as "y"), "es" or "s". */
    private static Integer lookup(String phrase, Function<String, Integer> table) {
        Integer category = table.apply(phrase);
        if (category != null || phrase.length() < 4) {
            return category;
        }
        if (phrase.endsWith("ies")) {
            category = table.apply(phrase.substring(0, phrase.length() - 3) + "y");
        }
        if (category == null && phrase.endsWith("es")) {
            category = table.apply(phrase.substring(0, phrase.length() - 2));
        }
        if (category == null && phrase.endsWith("s")) {
            category = table.apply(phrase.substring(0, phrase.length() - 1));
        }
        return category;
    }

    /** Lower case, accents stripped, every run of other characters one space: terms and text alike. */
    static String key(String text) {
        return CharNgrams.normalize(text).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
