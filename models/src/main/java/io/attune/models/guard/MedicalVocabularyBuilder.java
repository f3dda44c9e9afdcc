package io.attune.models.guard;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds {@code medical-vocabulary.tsv}: the words of two medical spelling dictionaries that no everyday word list
 * has, as HEALTH topic vocabulary. WordNet, which the English topic vocabulary comes from, names diseases but few
 * drugs of the last thirty years and few words of the clinic, and those are what a patient asks about: "Is
 * diclofenac safe for a longer period?", "What does bruxism do to the teeth?", "Ich nehme seit zwei Wochen
 * Tizanidin". Deterministic.
 *
 * <p>Sources: the Hunspell medical dictionaries of the Debian packages {@code hunspell-en-med} (OpenMedSpel, R.
 * Robinson, GPL-3+) and {@code hunspell-de-med} (GPL-3+), word lists for spelling checkers, not definitions. Kept:
 * single words of letters only; English ones of six letters or more in plain ASCII and spelled in lower case by the
 * dictionary (which leaves out eponyms and brand names, since "Lemieux" or "Horner" is more often a hockey player or a
 * neighbour than a syndrome), written in lower case; German ones of seven letters or more in any case (German
 * capitalises its nouns), written as the dictionary spells them. Left out:
 * <ul>
 *   <li>any word of SCOWL's lists up to size 70, the English a large general dictionary holds (so "tumor" and
 *       "vaccine", already in everyday use, stay with the WordNet vocabulary and its everyday-context cuts);
 *   <li>any word of the French, German, Spanish, Italian, Portuguese or Dutch word lists (German "Behandlung" is any
 *       treatment, and other languages' everyday words must not flag);
 *   <li>an English word one edit away from a common English word of five letters or more: the dictionary's
 *       misspellings ("accomodation", "tumeric");
 *   <li>the words the WordNet vocabulary leaves out for their everyday sense
 *       ({@link TopicVocabularyBuilder#COMMON_OUTSIDE}: "clawfoot" is a bathtub before it is a foot);
 *   <li>a name SCOWL lists ("cochrane", "sternberg");
 *   <li>any word a Hunspell spelling dictionary of English, German, French, Spanish, Italian, Portuguese or Dutch
 *       accepts with its inflections and compounds, which the word lists lack: Spanish "acortan", Italian "frenata",
 *       Portuguese "matrizes", German "Versuchsaufbau" and "Standardfehler" (an experiment's set-up and a statistic
 *       are in the medical dictionary too).
 * </ul>
 *
 * <pre>bin/attune medical-vocabulary [--english DIC] [--german DIC] [--scowl DIR] [--dict-dir DIR] [--output FILE]</pre>
 *
 * <p>Needs the {@code hunspell} command and its dictionaries ({@link #HUNSPELL_DICTIONARIES}; Debian: hunspell
 * hunspell-en-us hunspell-de-de hunspell-fr hunspell-es hunspell-it hunspell-pt-pt hunspell-pt-br hunspell-nl).
 */
public final class MedicalVocabularyBuilder {

    static final String RESOURCE = "medical-vocabulary.tsv";

    static final int MIN_ENGLISH_LETTERS = 6;
    static final int MIN_GERMAN_LETTERS = 7;
    /** SCOWL's size classes up to this one are everyday English for this purpose; 80 and above are rare words. */
    static final int MAX_SCOWL_SIZE = 70;
    /** Common words this long or longer are what a misspelling in the medical list is checked against. */
    static final int MIN_MISSPELLED_LENGTH = 5;

    /** The spelling dictionaries whose words (inflected, compounded) are everyday somewhere. */
    static final List<String> HUNSPELL_DICTIONARIES =
            List.of("en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_PT", "pt_BR", "nl_NL");

    private static final Pattern SCOWL_FILE = Pattern.compile(".*\\.(\\d+)");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private MedicalVocabularyBuilder() {}

    public static void main(String[] args) throws IOException {
        Path english = Path.of("/usr/share/hunspell/en_med_glut.dic");
        Path german = Path.of("/usr/share/hunspell/de_med.dic");
        Path scowl = Path.of("/usr/share/dict/scowl");
        Path dictDir = Path.of("/usr/share/dict");
        Path output = Path.of("models/src/main/resources/io/attune/models/guard", RESOURCE);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--english" -> english = Path.of(args[++i]);
                case "--german" -> german = Path.of(args[++i]);
                case "--scowl" -> scowl = Path.of(args[++i]);
                case "--dict-dir" -> dictDir = Path.of(args[++i]);
                case "--output" -> output = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        for (Path file : List.of(english, german)) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no medical dictionary " + file
                        + " (apt-get install hunspell-en-med hunspell-de-med)");
            }
        }
        Set<String> everydayEnglish = readScowl(scowl);
        Set<String> knownElsewhere = new HashSet<>();
        for (Map<String, String> wordList : CognateVocabularyBuilder.readWordLists(dictDir).values()) {
            knownElsewhere.addAll(wordList.keySet());
        }
        knownElsewhere.addAll(readScowlNames(scowl));
        List<String> englishWords = readDictionary(english);
        List<String> germanWords = readDictionary(german);
        List<String> candidates = new ArrayList<>(englishWords);
        candidates.addAll(germanWords);
        for (String dictionary : HUNSPELL_DICTIONARIES) {
            // Spelled as the medical dictionary spells them: German accepts its compounds only capitalised.
            for (String accepted : acceptedByHunspell(dictionary, candidates)) {
                knownElsewhere.add(TopicVocabulary.key(accepted));
            }
        }
        Map<String, Map<String, String>> vocabulary =
                build(englishWords, germanWords, everydayEnglish, knownElsewhere);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            out.println("# Built by MedicalVocabularyBuilder (bin/attune medical-vocabulary) from the Hunspell medical");
            out.println("# dictionaries of the Debian packages hunspell-en-med (OpenMedSpel, R. Robinson, GPL-3+) and");
            out.println("# hunspell-de-med (GPL-3+), less the words of SCOWL up to size " + MAX_SCOWL_SIZE
                    + " and its names, of the Debian word lists");
            out.println("# wfrench, wngerman, wspanish, witalian, wportuguese and wdutch, and what Hunspell's dictionaries "
                    + String.join(", ", HUNSPELL_DICTIONARIES));
            out.println("# accept. Do not edit by hand.");
            out.println("# category <TAB> word <TAB> language of the dictionary it comes from");
            vocabulary.forEach((language, words) -> words.values().forEach(
                    word -> out.println(Category.HEALTH.name() + "\t" + word + "\t" + language)));
        }
        vocabulary.forEach((language, words) -> System.out.printf("%s: %d words%n", language, words.size()));
        System.out.println("wrote " + output);
    }

    /**
     * Per language ("en", then "de"), the kept words by their {@link TopicVocabulary#key key}, as they are written
     * out (English in lower case, German as the dictionary spells it); a word both dictionaries keep is English.
     *
     * @param everydayEnglish SCOWL's words as keys
     * @param knownElsewhere as keys, words known outside medicine: other languages' words, names, and whatever a
     *     spelling dictionary accepts
     */
    static Map<String, Map<String, String>> build(List<String> english, List<String> german,
            Set<String> everydayEnglish, Set<String> knownElsewhere) {
        Set<String> misspellingTargets = new HashSet<>();
        for (String word : everydayEnglish) {
            if (word.length() >= MIN_MISSPELLED_LENGTH && word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                misspellingTargets.add(word);
            }
        }
        Map<String, String> keptEnglish = new TreeMap<>();
        for (String word : english) {
            if (word.length() < MIN_ENGLISH_LETTERS || !word.chars().allMatch(c -> c < 128 && Character.isLetter(c))
                    || !Character.isLowerCase(word.charAt(0))) {
                continue;
            }
            String key = TopicVocabulary.key(word);
            if (!everydayEnglish.contains(key) && !knownElsewhere.contains(key) && !knownEveryday(key)
                    && !oneEditFrom(key, misspellingTargets)) {
                keptEnglish.putIfAbsent(key, key);
            }
        }
        Map<String, String> keptGerman = new TreeMap<>();
        for (String word : german) {
            if (word.length() < MIN_GERMAN_LETTERS || !word.chars().allMatch(Character::isLetter)) {
                continue;
            }
            String key = TopicVocabulary.key(word);
            if (!keptEnglish.containsKey(key) && !everydayEnglish.contains(key) && !knownElsewhere.contains(key)
                    && !knownEveryday(key)) {
                // The dictionary lists some nouns twice, capitalised and not: the capitalised one is the noun.
                keptGerman.merge(key, word, (first, other) -> Character.isUpperCase(other.charAt(0)) ? other : first);
            }
        }
        Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
        byLanguage.put("en", keptEnglish);
        byLanguage.put("de", keptGerman);
        return byLanguage;
    }

    /** A word the WordNet vocabulary leaves out for its everyday sense ("clawfoot" is a bathtub before a foot). */
    private static boolean knownEveryday(String key) {
        return TopicVocabularyBuilder.COMMON_OUTSIDE.contains(key);
    }

    /** Whether one insertion, deletion, substitution or swap of neighbours makes {@code word} one of {@code words}. */
    static boolean oneEditFrom(String word, Set<String> words) {
        for (int i = 0; i <= word.length(); i++) {
            String before = word.substring(0, i);
            for (int c = 0; c < LETTERS.length(); c++) {
                if (words.contains(before + LETTERS.charAt(c) + word.substring(i))) {
                    return true;
                }
            }
            if (i == word.length()) {
                break;
            }
            String after = word.substring(i + 1);
            if (words.contains(before + after)) {
                return true;
            }
            for (int c = 0; c < LETTERS.length(); c++) {
                if (LETTERS.charAt(c) != word.charAt(i) && words.contains(before + LETTERS.charAt(c) + after)) {
                    return true;
                }
            }
            if (i + 1 < word.length()
                    && words.contains(before + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The words of a Hunspell dictionary file, without their affix flags ("hematocrit/S"), in file order. The first
     * line is the count; indented lines are comments. UTF-8, or ISO-8859-1 when the file is not valid UTF-8 (the
     * German dictionary is).
     */
    static List<String> readDictionary(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        List<String> words = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty() || Character.isWhitespace(lines[i].charAt(0))) {
                continue;
            }
            int flags = lines[i].indexOf('/');
            String word = (flags >= 0 ? lines[i].substring(0, flags) : lines[i]).strip();
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * The words a Hunspell dictionary accepts ({@code hunspell -G}), of {@code words} written one per line in UTF-8.
     */
    static List<String> acceptedByHunspell(String dictionary, Collection<String> words) throws IOException {
        File input = File.createTempFile("medical-vocabulary-", ".txt");
        try {
            Files.write(input.toPath(), words, StandardCharsets.UTF_8);
            Process hunspell = new ProcessBuilder("hunspell", "-i", "utf-8", "-d", dictionary, "-G")
                    .redirectInput(input)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            List<String> accepted;
            try (var out = hunspell.inputReader(StandardCharsets.UTF_8)) {
                accepted = out.lines().map(String::strip).filter(w -> !w.isEmpty()).toList();
            }
            int status = hunspell.waitFor();
            if (status != 0) {
                throw new IOException("hunspell -d " + dictionary + " exited with " + status
                        + " (apt-get install hunspell and the dictionary's package)");
            }
            return accepted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running hunspell", e);
        } finally {
            Files.deleteIfExists(input.toPath());
        }
    }

    /** The names of SCOWL's proper-name lists, every size, as keys. */
    static Set<String> readScowlNames(Path dir) throws IOException {
        return readScowlLists(dir, name -> name.contains("proper-names"));
    }

    /** SCOWL's words of every list of size up to {@link #MAX_SCOWL_SIZE}, as keys. */
    static Set<String> readScowl(Path dir) throws IOException {
        Set<String> words = readScowlLists(dir, name -> {
            Matcher size = SCOWL_FILE.matcher(name);
            return size.matches() && Integer.parseInt(size.group(1)) <= MAX_SCOWL_SIZE;
        });
        if (words.isEmpty()) {
            throw new IllegalStateException("no SCOWL lists found in " + dir + " (apt-get install scowl)");
        }
        return words;
    }

    /** The words of the SCOWL lists whose file names {@code include} takes, as keys (SCOWL writes ISO-8859-1). */
    private static Set<String> readScowlLists(Path dir, Predicate<String> include) throws IOException {
        Set<String> words = new HashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                if (!include.test(file.getFileName().toString())) {
                    continue;
                }
                for (String line : new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\n")) {
                    if (!line.isBlank()) {
                        words.add(TopicVocabulary.key(line));
                    }
                }
            }
        }
        return words;
    }
}
