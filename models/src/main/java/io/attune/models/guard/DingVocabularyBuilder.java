package io.attune.models.guard;

import io.attune.models.language.Dictd;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds two topic vocabularies from the Ding German-English dictionary (TU Chemnitz) as FreeDict publishes it for
 * dictd, Debian packages {@code dict-freedict-deu-eng} and {@code dict-freedict-eng-deu} (GPL-2+ Ding data, converted
 * under AGPL-3+). Each of its entries is one sense of a headword: a line of translations, with subject tags
 * ("[med.]", "[relig.]", "[astrol.]") and register or region tags ("[ugs.]", "[Ös.]"). The dictionary decides, not a
 * person reading check sets.
 *
 * <p>{@code topic-vocabulary-german.tsv}: German words whose every sense the dictionary translates into the English
 * topic vocabulary of one category ("Schlaganfall": stroke, cerebrovascular accident; "Gewerkschaft": trade union;
 * "Taufe": baptism). The hand-written German list has about 150 everyday topic words and the cognates carry over only
 * words spelled like the English ones ("Epilepsie"), so German compounds and native words were missing:
 * "Zuckerkrankheit", "Herzrasen", "Bandscheibenvorfall". A headword is kept for a category when:
 * <ul>
 *   <li>each of its senses has a translation (the words before any grammatical mark) that is a term of that category
 *       in the English topic vocabulary or the English medical words ({@code topic-vocabulary.tsv},
 *       {@code medical-vocabulary.tsv}), and no sense has one of another category;
 *   <li>no sense carries a subject tag of another field: "Krebs" is also a star sign ("[astrol.] Cancer"), "Wahl"
 *       also a choice (a sense with no topic translation); register and region tags say nothing about the topic;
 *   <li>it is a single word of {@link #MIN_LETTERS} letters or more, or a phrase of up to four nouns and adjectives
 *       (no lower-case word shorter than that: "im Magen", intragastric, is figurative as often as not), of letters
 *       only;
 *   <li>as a {@link TopicVocabulary#key key}, it is no common English word, no word of the French, Spanish,
 *       Italian, Portuguese or Dutch word lists (every list applies to every message, whatever its language), and
 *       no German word the German word list spells otherwise ("Verhalt", retention, is "verhält" without accents).
 * </ul>
 *
 * <p>{@code topic-vocabulary-english-clinical.tsv}: English headwords every sense of which the dictionary files under
 * medicine, pharmacy or anatomy and under no other field (HEALTH): "catatonia", "rheumatoid", "steroid", "heart
 * rate", "retinal". WordNet's vocabulary keeps a term only when its most frequent sense is medical and the medical
 * spelling dictionaries only rare single words, so clinical words a patient writes were missing from both. Kept
 * when a single word of {@link #MIN_LETTERS} letters or more that is no common English word, no name SCOWL lists
 * and no word of the other languages' lists, or a phrase of up to four words with no article, preposition or conjunction ("transfer
 * from" is tagged medical too), and not already an English topic term.
 *
 * <pre>bin/attune ding-vocabulary [--dictionary DIR] [--dict-dir DIR] [--scowl DIR] [--guard-dir DIR]</pre>
 */
public final class DingVocabularyBuilder {

    static final String GERMAN = "topic-vocabulary-german.tsv";
    static final String ENGLISH_CLINICAL = "topic-vocabulary-english-clinical.tsv";
    static final int MIN_LETTERS = 5;
    private static final int MAX_WORDS = 4;
    private static final String GERMAN_ENGLISH = "freedict-deu-eng";
    private static final String ENGLISH_GERMAN = "freedict-eng-deu";
    /** The subject tags of the clinical English words: medicine, pharmacy, anatomy. */
    static final Set<String> CLINICAL_SUBJECTS = Set.of("med.", "pharm.", "anat.");
    /** Words that make a phrase a fragment of a sentence rather than a name ("transfer from", "work in"). */
    static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "from", "for",
            "with", "by", "be", "is", "are", "and", "or", "as", "into", "onto", "off", "out", "up", "down", "over",
            "under");

    /** The subject tags a sense of each category may carry; any other subject tag makes it another field's word. */
    static final Map<String, Set<String>> OWN_SUBJECTS = Map.of(
            Category.HEALTH.name(), Set.of("med.", "anat.", "pharm.", "psych."),
            Category.RELIGION.name(), Set.of("relig.", "arch.", "hist."),
            Category.SEXUAL_ORIENTATION.name(), Set.of(),
            Category.RACE_ETHNICITY.name(), Set.of("soc.", "hist."),
            Category.POLITICS.name(), Set.of("pol.", "adm.", "soc.", "hist."));

    /** Ding's subject tags: fields of knowledge. Its other tags are register, region or time, and are ignored. */
    static final Set<String> SUBJECTS = Set.of("ornith.", "techn.", "med.", "chem.", "geogr.", "bot.", "zool.",
            "fin.", "comp.", "econ.", "jur.", "adm.", "cook.", "electr.", "pol.", "mil.", "soc.", "min.", "constr.",
            "sport", "auto", "anat.", "hist.", "textil.", "mus.", "phys.", "geol.", "agr.", "math.", "biol.",
            "relig.", "envir.", "mach.", "naut.", "ling.", "aviat.", "telco.", "psych.", "biochem.", "art", "phil.",
            "transp.", "pharm.", "school", "meteo.", "arch.", "astron.", "print", "statist.", "photo.", "sci.",
            "myc.", "astrol.");

    private static final Pattern TAG = Pattern.compile("\\[([^\\]]+)\\]");
    private static final Pattern LETTERS_AND_SPACES = Pattern.compile("[\\p{L} ]+");
    private static final Pattern ENGLISH_LETTERS = Pattern.compile("[A-Za-z ]+");

    private DingVocabularyBuilder() {}

    public static void main(String[] args) throws IOException {
        Path dictionaryDir = Path.of("/usr/share/dictd");
        Path dictDir = Path.of("/usr/share/dict");
        Path scowl = Path.of("/usr/share/dict/scowl");
        Path guardDir = Path.of("models/src/main/resources/io/attune/models/guard");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dictionary" -> dictionaryDir = Path.of(args[++i]);
                case "--dict-dir" -> dictDir = Path.of(args[++i]);
                case "--scowl" -> scowl = Path.of(args[++i]);
                case "--guard-dir" -> guardDir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Map<String, String> english = englishTerms(guardDir);
        Map<String, Map<String, String>> wordLists = CognateVocabularyBuilder.readWordLists(dictDir);

        Set<String> knownElsewhere = new HashSet<>();
        wordLists.forEach((language, words) -> {
            if (!language.equals("de")) {
                knownElsewhere.addAll(words.keySet());
            }
        });
        for (String[] row : GuardResources.rows(CommonWords.RESOURCE, 1)) {
            knownElsewhere.add(row[0].strip());
        }
        // A German word the word list spells otherwise once accents are folded: the noun "Verhalt" (retention) is
        // "verhält" (behaves), one of the commonest verbs, to a matcher that ignores accents.
        Map<String, Set<String>> germanSpellings = new HashMap<>();
        for (String word : Files.readAllLines(dictDir.resolve(CognateVocabularyBuilder.WORD_LISTS.get("de")))) {
            germanSpellings.computeIfAbsent(TopicVocabulary.key(word), k -> new HashSet<>()).add(word.toLowerCase());
        }
        germanSpellings.forEach((key, spellings) -> {
            if (spellings.size() > 1) {
                knownElsewhere.add(key);
            }
        });
        Map<String, String[]> german = build(readDictionary(dictionaryDir, GERMAN_ENGLISH), english, knownElsewhere);
        write(guardDir.resolve(GERMAN), german, "German word or phrase", "an English term it translates to");

        // The common English words, not SCOWL's larger sizes as for the medical words: those hold "steroid" and
        // "catatonia", whose every sense the dictionary files under medicine anyway.
        Set<String> everydayEnglish = MedicalVocabularyBuilder.readScowlNames(scowl);
        for (String[] row : GuardResources.rows(CommonWords.RESOURCE, 1)) {
            everydayEnglish.add(row[0].strip());
        }
        wordLists.values().forEach(words -> everydayEnglish.addAll(words.keySet()));
        Map<String, String[]> clinical = buildClinical(readDictionary(dictionaryDir, ENGLISH_GERMAN),
                english.keySet(), everydayEnglish);
        write(guardDir.resolve(ENGLISH_CLINICAL), clinical, "English word or phrase", "its subject tags");
    }

    private static List<Entry> readDictionary(Path dir, String name) throws IOException {
        Path index = dir.resolve(name + ".index");
        Path data = dir.resolve(name + ".dict.dz");
        if (!Files.isRegularFile(index) || !Files.isRegularFile(data)) {
            throw new IllegalArgumentException("no " + name + " under " + dir + " (apt-get install dict-" + name + ")");
        }
        return readEntries(index, data);
    }

    private static void write(Path output, Map<String, String[]> kept, String term, String note) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            out.println("# Built by DingVocabularyBuilder (bin/attune ding-vocabulary) from the Ding German-English");
            out.println("# dictionary (TU Chemnitz, GPL-2+) as FreeDict publishes it (Debian dict-freedict-deu-eng and");
            out.println("# dict-freedict-eng-deu, AGPL-3+ conversion), matched against topic-vocabulary.tsv (WordNet 3.1,");
            out.println("# WordNet licence) and the English words of medical-vocabulary.tsv. Do not edit by hand.");
            out.println("# category <TAB> " + term + " <TAB> " + note);
            kept.forEach((key, row) -> out.println(row[0] + "\t" + row[1] + "\t" + row[2]));
        }
        Map<String, Integer> perCategory = new TreeMap<>();
        kept.values().forEach(row -> perCategory.merge(row[0], 1, Integer::sum));
        System.out.println(output.getFileName() + ": " + kept.size() + " terms " + perCategory);
    }

    /** English topic terms by key: the WordNet vocabulary, then the medical dictionaries' English words (HEALTH). */
    static Map<String, String> englishTerms(Path guardDir) throws IOException {
        Map<String, String> terms = CognateVocabularyBuilder.readVocabulary(guardDir.resolve(TopicVocabulary.RESOURCE));
        for (String line : Files.readAllLines(guardDir.resolve(MedicalVocabularyBuilder.RESOURCE))) {
            String[] row = line.split("\t");
            if (!line.startsWith("#") && row.length == 3 && row[2].equals("en")) {
                terms.putIfAbsent(TopicVocabulary.key(row[1]), row[0]);
            }
        }
        return terms;
    }

    /** One dictionary entry: the headword as written and its line of translations (with its tags). */
    record Entry(String headword, String translations) {}

    /** Every entry of a dictd dictionary, in index order (an entry listed under several index words comes once). */
    static List<Entry> readEntries(Path index, Path data) throws IOException {
        Map<Integer, Entry> byPosition = new TreeMap<>();
        Set<Long> seen = new HashSet<>();
        Dictd.forEachEntry(index, data, (headword, position, offset, lines) -> {
            // An entry's index words come in index order: the first one places it.
            if (seen.add(offset) && lines.length >= 2) {
                byPosition.put(position, new Entry(headword(lines[0]), lines[1].strip()));
            }
        });
        return new ArrayList<>(byPosition.values());
    }

    /** "Schlaganfall /ʃlˈɑɡanfˌal/ &lt;masc, n, sg&gt;" is "Schlaganfall". */
    static String headword(String line) {
        int end = line.length();
        for (String mark : List.of(" /", " <", " {")) {
            int at = line.indexOf(mark);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return line.substring(0, end).strip();
    }

    /**
     * The kept terms by key, each as {category, German term, one English term it translates to}, sorted by key.
     *
     * @param english English topic terms by key, to their category
     * @param knownElsewhere keys of words that are everyday words in English or another language of the lists
     */
    static Map<String, String[]> build(List<Entry> entries, Map<String, String> english, Set<String> knownElsewhere) {
        Map<String, List<Entry>> sensesByKey = new LinkedHashMap<>();
        for (Entry entry : entries) {
            sensesByKey.computeIfAbsent(TopicVocabulary.key(entry.headword()), k -> new ArrayList<>()).add(entry);
        }
        Map<String, String[]> kept = new TreeMap<>();
        sensesByKey.forEach((key, senses) -> {
            if (!shapeKept(senses.get(0).headword(), key) || knownElsewhere.contains(key) || english.containsKey(key)) {
                return;
            }
            String category = null;
            String example = null;
            for (Entry sense : senses) {
                Set<String> categories = new HashSet<>();
                String translated = null;
                for (String translation : translations(sense.translations())) {
                    String found = english.get(TopicVocabulary.key(translation));
                    if (found != null) {
                        categories.add(found);
                        translated = translation;
                    }
                }
                if (categories.size() != 1 || (category != null && !categories.contains(category))) {
                    return;
                }
                category = categories.iterator().next();
                if (!subjectsFit(sense.translations(), category)) {
                    return;
                }
                if (example == null) {
                    example = translated;
                }
            }
            kept.put(key, new String[] {category, senses.get(0).headword(), example});
        });
        return kept;
    }

    /**
     * The clinical English words by key, each as {HEALTH, the headword, its subject tags}, sorted by key.
     *
     * @param englishTerms keys of the English topic terms already bundled
     * @param everyday keys of everyday English words, names and other languages' words
     */
    static Map<String, String[]> buildClinical(List<Entry> entries, Set<String> englishTerms, Set<String> everyday) {
        Map<String, List<Entry>> sensesByKey = new LinkedHashMap<>();
        for (Entry entry : entries) {
            sensesByKey.computeIfAbsent(TopicVocabulary.key(entry.headword()), k -> new ArrayList<>()).add(entry);
        }
        Map<String, String[]> kept = new TreeMap<>();
        sensesByKey.forEach((key, senses) -> {
            String headword = senses.get(0).headword();
            if (key.isEmpty() || englishTerms.contains(key) || !ENGLISH_LETTERS.matcher(headword).matches()) {
                return;
            }
            String[] words = key.split(" ");
            if (words.length == 1 ? key.length() < MIN_LETTERS || everyday.contains(key)
                    : words.length > MAX_WORDS || Arrays.stream(words).anyMatch(FUNCTION_WORDS::contains)) {
                return;
            }
            Set<String> tags = new TreeSet<>();
            for (Entry sense : senses) {
                Set<String> subjects = subjects(sense.translations());
                if (subjects.isEmpty() || !CLINICAL_SUBJECTS.containsAll(subjects)) {
                    return;
                }
                tags.addAll(subjects);
            }
            kept.put(key, new String[] {Category.HEALTH.name(), headword, String.join(" ", tags)});
        });
        return kept;
    }

    /** The subject tags of a line of translations (register and region tags left out). */
    static Set<String> subjects(String translations) {
        Set<String> subjects = new HashSet<>();
        Matcher tag = TAG.matcher(translations);
        while (tag.find()) {
            String name = tag.group(1).strip();
            if (SUBJECTS.contains(name)) {
                subjects.add(name);
            }
        }
        return subjects;
    }

    private static boolean shapeKept(String headword, String key) {
        if (!LETTERS_AND_SPACES.matcher(headword).matches()) {
            return false;
        }
        String[] words = headword.split(" +");
        if (words.length == 1) {
            return key.length() >= MIN_LETTERS;
        }
        if (words.length > MAX_WORDS) {
            return false;
        }
        // A phrase of nouns and adjectives ("zerebrales Anfallsleiden"), not one built on a preposition, article or
        // pronoun: "im Magen" (intragastric) is also what lies heavy on anyone's stomach.
        for (String word : words) {
            if (Character.isLowerCase(word.charAt(0)) && word.length() < MIN_LETTERS) {
                return false;
            }
        }
        return true;
    }

    /** Whether every subject tag of the sense is one its category's words may carry. */
    static boolean subjectsFit(String translations, String category) {
        return OWN_SUBJECTS.get(category).containsAll(subjects(translations));
    }

    /**
     * The English terms of a line of translations: tags dropped, split at commas, each cut at its first grammatical
     * mark or pronunciation ("cerebrovascular accident &lt;n&gt;CVA" is "cerebrovascular accident").
     */
    static List<String> translations(String line) {
        List<String> terms = new ArrayList<>();
        for (String part : TAG.matcher(line).replaceAll(" ").split(",")) {
            String term = part;
            for (String mark : List.of("<", "/", "(", "{")) {
                int at = term.indexOf(mark);
                if (at >= 0) {
                    term = term.substring(0, at);
                }
            }
            term = term.strip();
            if (!term.isEmpty()) {
                terms.add(term);
            }
        }
        return terms;
    }
}
