package io.attune.models.language;

import io.attune.models.math.Vectors;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-by-word English gloss of text in one other language: each word replaced by its dictionary translation,
 * words the dictionaries do not list (names, numbers, brands) kept as written. No grammar, no word order: the
 * English sentence encoder reads a gloss like "which camera suits for landscape photography in the mountains" far
 * better than the German it came from, and that is all a gloss is for.
 *
 * <p>Thread-safe: dictionaries are immutable.
 */
public final class Glosser {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:['’][\\p{L}\\p{M}]+)*|[^\\s]");

    /**
     * Inflection endings tried, longest first, when a word as written is not listed: plural and feminine forms,
     * German case endings. Crude, but a gloss only needs the stem's meaning.
     */
    private static final Map<String, List<String>> ENDINGS = Map.of(
            "fr", List.of("ées", "ée", "és", "es", "s", "x", "e"),
            "de", List.of("ern", "nen", "en", "er", "em", "es", "e", "n", "s"),
            "es", List.of("es", "as", "os", "s", "a"),
            "pt", List.of("es", "as", "os", "s", "a"),
            "it", List.of("i", "e", "a", "o"),
            "nl", List.of("en", "s", "e", "n"));

    /** Articles and pronouns joined by an apostrophe ("l'hôpital", "dell'arte"): the word is what follows. */
    private static final Map<String, Pattern> ELISION = Map.of(
            "fr", Pattern.compile("^(?:l|d|j|m|t|s|n|c|qu|jusqu|lorsqu|puisqu)['’]", Pattern.CASE_INSENSITIVE),
            "it", Pattern.compile("^(?:l|d|un|dell|all|dall|nell|sull|quest|quell)['’]", Pattern.CASE_INSENSITIVE));

    private static final int MIN_STEM = 3;

    /** Languages that write compounds as one word ("Landschaftsfotografie"), and the letters that join their parts. */
    private static final Map<String, List<String>> COMPOUND_JOINS = Map.of(
            "de", List.of("", "s", "es", "n", "en"),
            "nl", List.of("", "s", "en"));

    private static final int MIN_PART = 4;

    private final String language;
    private final GlossDictionary toEnglish;
    private final GlossDictionary fromEnglish;

    /**
     * @param language ISO 639-1 code of the text's language
     * @param toEnglish the dictionary into English
     * @param fromEnglish a dictionary from English read backwards, {@code null} for none
     */
    public Glosser(String language, GlossDictionary toEnglish, GlossDictionary fromEnglish) {
        this.language = language;
        this.toEnglish = toEnglish;
        this.fromEnglish = fromEnglish;
    }

    /** The text glossed into English, and how many of its words were translated. */
    public Gloss gloss(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int words = 0;
        int translated = 0;
        Matcher tokens = TOKEN.matcher(text);
        while (tokens.find()) {
            String token = tokens.group();
            if (!Character.isLetterOrDigit(token.codePointAt(0))) {
                append(out, token);
                continue;
            }
            String word = withoutElision(token);
            words++;
            String english = translate(word);
            if (english != null) {
                translated++;
                append(out, english);
            } else {
                append(out, word);
            }
        }
        return new Gloss(out.toString(), words, translated);
    }

    /**
     * What a profile learns from a glossed message: the unit mean of the message's own embedding and its gloss's.
     * On the same help paragraphs in six languages (bench/quality/cross-lingual) the blend finds the English
     * paragraph as often as the gloss alone in German, a little less often in Portuguese and Dutch, and more often
     * in French, Spanish and Italian, whose small dictionaries leave more words as written: the original keeps the
     * names and cognates a gloss mangles.
     */
    public static float[] blend(float[] written, float[] gloss) {
        float[] out = new float[written.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = written[i] + gloss[i];
        }
        return Vectors.normalized(out);
    }

    /** A word's English, trying the word as written, then without each inflection ending; {@code null} if unknown. */
    String translate(String word) {
        String english = lookup(word);
        if (english != null) {
            return english;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        for (String ending : ENDINGS.getOrDefault(language, List.of())) {
            if (lower.endsWith(ending) && lower.length() - ending.length() >= MIN_STEM) {
                String stem = lower.substring(0, lower.length() - ending.length());
                english = lookup(stem);
                if (english == null) {
                    // German nouns are listed capitalised: "Bergen" → "Berg".
                    english = lookup(Character.toUpperCase(stem.charAt(0)) + stem.substring(1));
                }
                if (english != null) {
                    return english;
                }
            }
        }
        return compound(lower);
    }

    /**
     * A compound's English as its two parts' ("Landschaftsfotografie" → "landscape photography"): the split with
     * the longest known head that leaves a known tail, the tail inflected or not.
     */
    private String compound(String lower) {
        List<String> joins = COMPOUND_JOINS.get(language);
        if (joins == null || lower.length() < 2 * MIN_PART) {
            return null;
        }
        for (int split = lower.length() - MIN_PART; split >= MIN_PART; split--) {
            String tail = lower.substring(split);
            String tailEnglish = lookupNoun(tail);
            if (tailEnglish == null) {
                continue;
            }
            for (String join : joins) {
                if (split - join.length() < MIN_PART || !lower.startsWith(join, split - join.length())) {
                    continue;
                }
                String headEnglish = lookupNoun(lower.substring(0, split - join.length()));
                if (headEnglish != null) {
                    return headEnglish + " " + tailEnglish;
                }
            }
        }
        return null;
    }

    private String lookupNoun(String lower) {
        String english = lookup(Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        return english != null ? english : lookup(lower);
    }

    private String lookup(String word) {
        String english = toEnglish.translate(word);
        if (english == null && fromEnglish != null) {
            english = fromEnglish.translate(word);
        }
        return english;
    }

    private String withoutElision(String token) {
        Pattern elision = ELISION.get(language);
        if (elision == null) {
            return token;
        }
        String word = elision.matcher(token).replaceFirst("");
        return word.isEmpty() ? token : word;
    }

    private static void append(StringBuilder out, String token) {
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(token);
    }

    /**
     * @param text the English gloss
     * @param words how many words the original had
     * @param translated how many of them a dictionary translated
     */
    public record Gloss(String text, int words, int translated) {

        /** Whether the gloss says anything the original did not: at least one word translated. */
        public boolean changed() {
            return translated > 0;
        }
    }
}
