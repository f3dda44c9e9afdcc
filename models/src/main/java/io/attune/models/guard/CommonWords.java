package io.attune.models.guard;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The common English words ({@code common-english-words.txt}: SCOWL's size 10–35 lists, about 52,000 words,
 * lower case without accents, and {@code newer-everyday-words.txt}: about 70 everyday words newer than those lists,
 * such as "online" and "app"), and whether a message holds a word outside them.
 *
 * <p>Why the guard needs this: it trusts a confident head without evidence terms because no list holds every
 * drug, condition or rite ("What are the uses of Clarithromycin?", "a UTI"). Such words are rare words. A
 * message made only of common words ("increase volume to 4", "do i need to get milk") gives the head no such
 * excuse, and it is exactly there that a head meeting an unfamiliar register of everyday requests is
 * confidently wrong.
 *
 * <pre>bin/attune common-words --scowl /usr/share/dict/scowl [--output FILE]</pre>
 * (Debian package {@code scowl}) rebuilds the file, with SCOWL's copyright notices at its head.
 */
public final class CommonWords {

    static final String RESOURCE = "common-english-words.txt";

    /** Everyday words newer than SCOWL's common lists ("online", "app", "fridge"), written by hand. */
    static final String NEWER_WORDS = "newer-everyday-words.txt";

    /** Shorter tokens never count as uncommon: "ms", "ok", "tv", and the leftovers of "can't". */
    static final int MIN_UNCOMMON_LENGTH = 3;

    /** SCOWL's size classes up to "common words" (35); 40 and above hold "chemotherapy", "ibuprofen". */
    static final List<String> SCOWL_LISTS = List.of("english-words", "american-words", "british-words",
            "canadian-words", "australian-words", "english-contractions", "american-contractions",
            "english-upper");

    static final List<Integer> SCOWL_SIZES = List.of(10, 20, 35);

    /** Questions about a word itself; the groups are the word asked about. */
    private static final Pattern WORD_INQUIRY = Pattern.compile("\\b(?:what (?:does|do) (?:the word )?(\\p{L}+) mean"
            + "|what the word (\\p{L}+) mean|(?:meaning|definition) of (?:the word )?(\\p{L}+)"
            + "|define (?:the word )?(\\p{L}+)|spell(?:ing)? (?:of |for )?(?:the word )?(\\p{L}+)"
            + "|use the word (\\p{L}+))");

    /**
     * Web and mail addresses: a link's host and path ("oblomovka.com/entries") are rare words that name no drug
     * or condition.
     */
    private static final Pattern ADDRESS = Pattern.compile("(?:https?|ftp)://\\S+|\\bwww\\.\\S+|\\S+@[\\w-]+\\.\\S+"
            + "|\\b[\\w-]+(?:\\.[\\w-]+)*\\.(?:com|org|net|edu|gov|info|io|co|uk|de|fr|es|it|nl|eu|ca|au)\\b(?:/\\S*)?");

    private final Set<String> words;
    private final Set<String> places;

    CommonWords(Set<String> words) {
        this(words, Set.of());
    }

    CommonWords(Set<String> words, Set<String> places) {
        this.words = Set.copyOf(words);
        this.places = Set.copyOf(places);
    }

    static CommonWords bundled() {
        Set<String> words = new HashSet<>();
        for (String resource : List.of(RESOURCE, NEWER_WORDS)) {
            for (String[] row : GuardResources.rows(resource, 1)) {
                words.add(row[0].strip());
            }
        }
        Set<String> places = new HashSet<>();
        for (String[] row : GuardResources.rows(PlaceNames.RESOURCE, 1)) {
            places.add(row[0].strip());
        }
        return new CommonWords(words, places);
    }

    /**
     * Whether the {@link CharNgrams#normalize normalized} text reads as English and has a word of at least
     * {@link #MIN_UNCOMMON_LENGTH} letters that is not a common English word. Words are runs of letters (any
     * script) with inner apostrophes; "john's" and "didn't" are common when "john" and "did" are. The text reads
     * as English when it has a single such uncommon word or at least one common word for every two uncommon ones
     * (words of {@link #MIN_UNCOMMON_LENGTH} letters or more, place names counting as neither): "What are the uses
     * of Clarithromycin?" and "Can seroquel (quetiapine) cause gerd?" do, "Die Heizung streikt, wen rufe ich an?"
     * does not. A message in another
     * language is all uncommon words to this list, so without that condition every such message passed it, and a
     * confident head reading abstractions as POLITICS ("Das Geheimnis des Erfolges liegt in der
     * Zielstrebigkeit") was trusted wholesale. More than two thirds of the words uncommon is rare in English
     * (mlma/en's tweets 6%, 20 Newsgroups' posts 0.2%, English quotes 0.4%) and usual in other languages (German,
     * Spanish, Italian and Portuguese quotes 93–98%, mlma/fr's French tweets 88%).
     */
    boolean hasUncommonWord(String normalized) {
        return hasUncommonWord(normalized, false);
    }

    /**
     * As {@link #hasUncommonWord(String)}, with the words of place names ({@code place-names.txt}) counted as
     * common: a place is no drug or condition the head may know better than the evidence lists, but it can be
     * the whole of a political message ("Free Tibet"), so only some categories ask this.
     */
    boolean hasUncommonWordBesidesPlaces(String normalized) {
        return hasUncommonWord(normalized, true);
    }

    private boolean hasUncommonWord(String text, boolean placesCommon) {
        String normalized = withoutAddresses(withoutWordsAskedAbout(text));
        int common = 0;
        int uncommon = 0;
        boolean rare = false;
        int i = 0;
        int n = normalized.length();
        while (i < n) {
            if (!Character.isLetter(normalized.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetter(normalized.charAt(i)) || innerApostrophe(normalized, i))) {
                i++;
            }
            String word = normalized.substring(start, i);
            String stem = stem(word);
            if (stem.codePointCount(0, stem.length()) < MIN_UNCOMMON_LENGTH) {
                continue;
            }
            // isCommon(word), with the stem already at hand and long enough.
            if (words.contains(word) || words.contains(stem)) {
                common++;
            } else if (isPlace(word)) {
                // A place is named alike in every language: it says nothing of the message's.
                rare |= !placesCommon;
            } else {
                uncommon++;
                rare = true;
            }
        }
        return rare && (uncommon == 1 || 2 * common >= uncommon);
    }

    /**
     * The text with each word that a question about words asks about (its meaning, its spelling, a sentence
     * with it: "what does the word ataraxy mean", "how do you spell sanguine") blanked out. Such a word is the
     * subject of a language question, not a drug or a condition the person names, so it is no rare word that
     * excuses a confident head: held out of training, the head filed 28 such everyday requests under a
     * category, most of them with no evidence at all.
     */
    static String withoutWordsAskedAbout(String normalized) {
        return blanked(normalized, WORD_INQUIRY, true);
    }

    /**
     * The text with web and mail addresses blanked out: a link's host and path are no drug or condition that the
     * head may know better than the lists. (Written for everyday mail with links; on the data measured so far it
     * changed no decision, docs/sensitive-topics.md.)
     */
    static String withoutAddresses(String normalized) {
        return blanked(normalized, ADDRESS, false);
    }

    /** The text with every match of {@code pattern} (or only its groups) replaced by spaces of the same length. */
    private static String blanked(String text, Pattern pattern, boolean groupsOnly) {
        Matcher match = pattern.matcher(text);
        if (!match.find()) {
            return text;
        }
        StringBuilder blanked = new StringBuilder(text);
        do {
            int from = groupsOnly ? 1 : 0;
            int to = groupsOnly ? match.groupCount() : 0;
            for (int group = from; group <= to; group++) {
                for (int i = Math.max(0, match.start(group)); i < match.end(group); i++) {
                    blanked.setCharAt(i, ' ');
                }
            }
        } while (match.find());
        return blanked.toString();
    }

    /** Whether a normalized word is a common English one ("john's" and "didn't" are when "john" and "did" are). */
    boolean isCommon(String word) {
        if (words.contains(word)) {
            return true;
        }
        String stem = stem(word);
        return stem.codePointCount(0, stem.length()) < MIN_UNCOMMON_LENGTH || words.contains(stem);
    }

    /** The word before its apostrophe ("john" of "john's", "did" of "didn't"). */
    private static String stem(String word) {
        int apostrophe = word.indexOf('\'');
        String stem = apostrophe < 0 ? word : word.substring(0, apostrophe);
        if (apostrophe >= 0 && word.endsWith("n't") && stem.endsWith("n")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem;
    }

    private boolean isPlace(String word) {
        int apostrophe = word.indexOf('\'');
        return places.contains(apostrophe < 0 ? word : word.substring(0, apostrophe));
    }

    private static boolean innerApostrophe(String text, int i) {
        char c = text.charAt(i);
        return c == '\'' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
    }

    /** Writes the resource from a SCOWL {@code final} directory (Debian: {@code /usr/share/dict/scowl}). */
    public static void main(String[] args) throws IOException {
        Path scowl = null;
        Path copyright = Path.of("/usr/share/doc/scowl/copyright");
        Path output = Path.of("models/src/main/resources/io/attune/models/guard", RESOURCE);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scowl" -> scowl = Path.of(args[++i]);
                case "--output" -> output = Path.of(args[++i]);
                case "--copyright" -> copyright = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (scowl == null) {
            throw new IllegalArgumentException(
                    "usage: bin/attune common-words --scowl DIR [--copyright FILE] [--output FILE]");
        }
        Set<String> words = new TreeSet<>();
        for (String list : SCOWL_LISTS) {
            for (int size : SCOWL_SIZES) {
                Path file = scowl.resolve(list + "." + size);
                if (!Files.exists(file)) {
                    continue;
                }
                try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    lines.map(String::strip).filter(w -> !w.isEmpty())
                            .map(CharNgrams::normalize)
                            .forEach(words::add);
                }
            }
        }
        if (words.isEmpty()) {
            throw new IllegalStateException("no SCOWL lists found in " + scowl);
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            out.println("# Common English words for the sensitive-topic guard: SCOWL (Spell Checker Oriented Word");
            out.println("# Lists, Kevin Atkinson), lists " + String.join(", ", SCOWL_LISTS) + " of sizes "
                    + SCOWL_SIZES + ",");
            out.println("# lower case without accents. Rebuild: bin/attune common-words --scowl /usr/share/dict/scowl");
            out.println("# SCOWL's copyright and permission notices, verbatim (" + copyright + "):");
            out.println("#");
            for (String line : Files.readAllLines(copyright, StandardCharsets.UTF_8)) {
                out.println(line.isEmpty() ? "#" : "# " + line);
            }
            words.forEach(out::println);
        }
        System.out.printf("wrote %s (%d words)%n", output, words.size());
    }
}
