package io.attune.models.guard;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds {@code topic-vocabulary-cognates.tsv}: the learned words of the English topic vocabulary as French,
 * German, Spanish, Italian, Portuguese and Dutch spell them ("dialysis": dialyse, Dialyse, diálisis, dialisi,
 * diálise; "scoliosis": Skoliose). Medicine, theology and political theory name their concepts with the same
 * Greek and Latin words across these languages, changed by a few regular rules: an ending ("-osis" is "-ose"
 * in French and German, "-osi" in Italian; "-y" and "-ia" are "-ie" or "-ia"; "-ism" is "-isme", "-ismus" or
 * "-ismo") and a few spellings ("ph" is "f" in Spanish, Italian and Portuguese, "c" is "k" in German). The
 * rules over-generate on purpose; a spelling is kept only when it is a word of that language's word list (the
 * Debian packages wfrench, wngerman, wspanish, witalian, wportuguese and wdutch), so the output holds real
 * words only. Deterministic.
 *
 * <p>Only single words of seven letters or more are carried over: shorter ones and phrases are where languages
 * part ways. A spelling that is already an English vocabulary term or a common English word is skipped, and in
 * every language but German (which capitalises nouns) so is a word the list spells with a capital (a name:
 * "Gabriele" from "gabriel").
 *
 * <pre>bin/attune cognate-vocabulary [--dict-dir /usr/share/dict] [--vocabulary FILE] [--output FILE]</pre>
 */
public final class CognateVocabularyBuilder {

    static final String RESOURCE = "topic-vocabulary-cognates.tsv";

    /** Language code to its word list's file name under the dictionary directory. */
    static final Map<String, String> WORD_LISTS = new LinkedHashMap<>();

    static {
        WORD_LISTS.put("fr", "french");
        WORD_LISTS.put("de", "ngerman");
        WORD_LISTS.put("es", "spanish");
        WORD_LISTS.put("it", "italian");
        WORD_LISTS.put("pt", "portuguese");
        WORD_LISTS.put("nl", "dutch");
    }

    private static final int MIN_LETTERS = 7;

    /** An English ending and what it becomes per language (in the order of {@link #WORD_LISTS}). */
    private record Ending(String english, List<List<String>> perLanguage) {
        Ending(String english, String fr, String de, String es, String it, String pt, String nl) {
            this(english, List.of(List.of(fr.split("\\|")), List.of(de.split("\\|")), List.of(es.split("\\|")),
                    List.of(it.split("\\|")), List.of(pt.split("\\|")), List.of(nl.split("\\|"))));
        }
    }

    /** Longest first: the first ending a word has is the one used. Accents are left out (matching ignores them). */
    private static final List<Ending> ENDINGS = List.of(
            new Ending("aemia", "emie", "amie", "emia", "emia", "emia", "emie"),
            new Ending("iasis", "iase", "iasis|iase", "iasis", "iasi", "iase", "iasis|iase"),
            new Ending("emia", "emie", "amie", "emia", "emia", "emia", "emie"),
            new Ending("ysis", "yse", "yse", "isis", "isi", "ise", "yse"),
            new Ending("osis", "ose", "ose", "osis", "osi", "ose", "ose"),
            new Ending("esis", "ese", "ese", "esis", "esi", "ese", "ese"),
            new Ending("itis", "ite", "itis", "itis", "ite", "ite", "itis"),
            new Ending("tion", "tion", "tion", "cion", "zione", "cao", "tie"),
            new Ending("oma", "ome", "om", "oma", "oma", "oma", "oom"),
            new Ending("ism", "isme", "ismus", "ismo", "ismo", "ismo", "isme"),
            new Ending("ine", "ine", "in", "ina", "ina", "ina", "ine"),
            new Ending("ia", "ie", "ie", "ia", "ia", "ia", "ie"),
            new Ending("in", "ine", "in", "ina", "ina", "ina", "ine"),
            new Ending("ol", "ol", "ol", "ol", "olo", "ol", "ol"),
            new Ending("um", "um", "um", "io", "io", "io", "um"),
            new Ending("y", "ie", "ie", "ia", "ia", "ia", "ie"),
            new Ending("", "", "", "", "", "", ""));

    /** Spelling changes per language, each applied to every variant so far (all of a letter group at once). */
    private static final Map<String, List<String[]>> SPELLINGS = Map.of(
            "fr", List.of(pair("ae", "e"), pair("oe", "e"), pair("chemo", "chimio")),
            "de", List.of(pair("c", "k"), pair("c", "z"), pair("ae", "a"), pair("oe", "o")),
            "es", List.of(pair("ph", "f"), pair("th", "t"), pair("y", "i"), pair("chr", "cr"), pair("ch", "qu"),
                    pair("ch", "c"), pair("ae", "e"), pair("oe", "e"), pair("ll", "l"), pair("mm", "m"),
                    pair("pp", "p"), pair("tt", "t"), pair("ss", "s")),
            "it", List.of(pair("ph", "f"), pair("th", "t"), pair("y", "i"), pair("ch", "chi"), pair("ch", "c"),
                    pair("ae", "e"), pair("oe", "e"), pair("pt", "tt"), pair("ct", "tt"), pair("x", "ss")),
            "pt", List.of(pair("ph", "f"), pair("th", "t"), pair("y", "i"), pair("chr", "cr"), pair("ch", "qu"),
                    pair("ch", "c"), pair("ae", "e"), pair("oe", "e"), pair("ll", "l"), pair("mm", "m"),
                    pair("pp", "p"), pair("tt", "t"), pair("ss", "s"), pair("ct", "t")),
            "nl", List.of(pair("c", "k"), pair("ph", "f"), pair("th", "t"), pair("ae", "e"), pair("oe", "e"),
                    pair("y", "i")));

    private static final int MAX_VARIANTS = 64;

    /**
     * Spellings the word lists hold with another, everyday sense in their language, read one by one in the first
     * output (session 22): Spanish "elección" (any choice) and "lechería" (a dairy), German "Kongress" (any
     * conference), Italian "vaccina" (of cows: "carne vaccina") and "scritture" (writings), French "pédologie"
     * (soil science), "synoptique" (a summary table) and "monochromie" (monochrome art), Dutch "rationalisatie"
     * (of a business).
     */
    static final Set<String> EVERYDAY_ELSEWHERE = Set.of("eleccion", "electie", "lecheria", "kongress", "vaccina",
            "scritture", "pedologie", "pedologia", "synoptique", "monochromie", "monocromia", "monocromatismo",
            "rationalisatie", "sterilisatie", "decoccion", "melanisme", "percusor", "klister", "clister",
            "pregnancia", "formularia", "intelectualizacao", "academicismo", "academisme", "academismo",
            "conventionalisme", "traditionalisme", "traditionalismus", "priores", "errancia", "romanismo",
            "penitenta");

    private CognateVocabularyBuilder() {}

    private static String[] pair(String from, String to) {
        return new String[] {from, to};
    }

    public static void main(String[] args) throws IOException {
        Path dictDir = Path.of("/usr/share/dict");
        Path resources = Path.of("models/src/main/resources/io/attune/models/guard");
        Path vocabulary = resources.resolve(TopicVocabulary.RESOURCE);
        Path output = resources.resolve(RESOURCE);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dict-dir" -> dictDir = Path.of(args[++i]);
                case "--vocabulary" -> vocabulary = Path.of(args[++i]);
                case "--output" -> output = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Map<String, Map<String, String>> wordLists = readWordLists(dictDir);
        Map<String, String> english = readVocabulary(vocabulary);
        CommonWords commonEnglish = CommonWords.bundled();
        Map<String, Map<String, Set<String>>> cognates = build(english, wordLists, commonEnglish);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            out.println("# Built by CognateVocabularyBuilder (bin/attune cognate-vocabulary) from topic-vocabulary.tsv");
            out.println("# (WordNet 3.1, Princeton University, WordNet licence) and the word lists of the Debian");
            out.println("# packages wfrench, wngerman, wspanish, witalian, wportuguese and wdutch. Do not edit by hand.");
            out.println("# category <TAB> word <TAB> language:English term it carries over (several when spelled alike)");
            cognates.forEach((category, words) -> words.forEach((word, sources) -> out.println(
                    category + "\t" + word + "\t" + String.join(" ", sources))));
        }
        cognates.forEach((category, words) -> System.out.printf("%s: %d words%n", category, words.size()));
        System.out.println("wrote " + output);
    }

    /**
     * Per category, each cognate (as its word list spells it) with the languages and English terms it came from
     * ("de:scoliosis"); categories in the English vocabulary's order.
     */
    static Map<String, Map<String, Set<String>>> build(Map<String, String> categoryOfEnglishTerm,
            Map<String, Map<String, String>> wordLists, CommonWords commonEnglish) {
        Map<String, Map<String, Set<String>>> cognates = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>(categoryOfEnglishTerm.keySet());
        categoryOfEnglishTerm.forEach((term, category) -> {
            if (term.contains(" ") || term.length() < MIN_LETTERS) {
                return;
            }
            int language = 0;
            for (Map.Entry<String, Map<String, String>> list : wordLists.entrySet()) {
                for (String word : spellingsIn(term, list.getKey(), language, list.getValue())) {
                    String key = TopicVocabulary.key(word);
                    // One entry per key (case and accents ignored): a key already taken, by an English term or another
                    // spelling, is skipped, unless it is this very spelling in this category, which gains a source.
                    if (taken.contains(key) && !cognates.getOrDefault(category, Map.of()).containsKey(word)
                            || commonEnglish.isCommon(key) || TopicVocabularyBuilder.COMMON_OUTSIDE.contains(key)
                            || EVERYDAY_ELSEWHERE.contains(key)) {
                        continue;
                    }
                    taken.add(key);
                    cognates.computeIfAbsent(category, c -> new TreeMap<>())
                            .computeIfAbsent(word, w -> new TreeSet<>()).add(list.getKey() + ":" + term);
                }
                language++;
            }
        });
        return cognates;
    }

    /** The spellings of an English term in one language that its word list holds (as the list writes them). */
    static Set<String> spellingsIn(String term, String language, int languageIndex, Map<String, String> wordList) {
        Set<String> found = new TreeSet<>();
        for (Ending ending : ENDINGS) {
            if (!term.endsWith(ending.english())) {
                continue;
            }
            String stem = term.substring(0, term.length() - ending.english().length());
            for (String variant : spellingVariants(stem, language)) {
                for (String newEnding : ending.perLanguage().get(languageIndex)) {
                    String candidate = variant + newEnding;
                    String word = wordList.get(candidate);
                    if (candidate.length() >= MIN_LETTERS && word != null && !candidate.equals(term)
                            && (language.equals("de") || !Character.isUpperCase(word.charAt(0)))) {
                        found.add(word);
                    }
                }
            }
            break;
        }
        return found;
    }

    private static Set<String> spellingVariants(String stem, String language) {
        Set<String> variants = new LinkedHashSet<>(List.of(stem));
        for (String[] change : SPELLINGS.getOrDefault(language, List.of())) {
            List<String> next = new ArrayList<>();
            for (String variant : variants) {
                if (variant.contains(change[0])) {
                    next.add(variant.replace(change[0], change[1]));
                }
            }
            variants.addAll(next);
            if (variants.size() > MAX_VARIANTS) {
                break;
            }
        }
        return variants;
    }

    /** The word lists of {@link #WORD_LISTS} under {@code dictDir}, by language code, each as {@link #readWordList}. */
    static Map<String, Map<String, String>> readWordLists(Path dictDir) throws IOException {
        Map<String, Map<String, String>> wordLists = new LinkedHashMap<>();
        for (Map.Entry<String, String> list : WORD_LISTS.entrySet()) {
            Path file = dictDir.resolve(list.getValue());
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no word list " + file + " (apt-get install wfrench wngerman "
                        + "wspanish witalian wportuguese wdutch)");
            }
            wordLists.put(list.getKey(), readWordList(file));
        }
        return wordLists;
    }

    /** Normalised form (lower case, no accents) to the word as the list spells it; the first spelling wins. */
    static Map<String, String> readWordList(Path file) throws IOException {
        Map<String, String> words = new HashMap<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE);
        String text = decoder.decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        for (String line : text.split("\n")) {
            String word = line.strip();
            if (!word.isEmpty() && word.indexOf('\'') < 0 && word.indexOf(' ') < 0) {
                words.putIfAbsent(TopicVocabulary.key(word), word);
            }
        }
        return words;
    }

    /** Term to category, in file order, from a vocabulary file written by {@link TopicVocabularyBuilder}. */
    static Map<String, String> readVocabulary(Path file) throws IOException {
        Map<String, String> categoryOfTerm = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] row = line.split("\t");
            categoryOfTerm.putIfAbsent(TopicVocabulary.key(row[1]), row[0]);
        }
        return categoryOfTerm;
    }
}
