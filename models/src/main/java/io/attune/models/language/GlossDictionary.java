package io.attune.models.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Single words of one language and an English word or phrase for each, read from a bilingual dictionary in the
 * dictd format FreeDict publishes (Debian {@code dict-freedict-XXX-eng}: {@code NAME.index} beside
 * {@code NAME.dict.dz}). Only the first translation of the first sense is kept: a gloss needs one English
 * reading per word, not a dictionary entry. Read at run time from where the operating system installed it, never
 * shipped with Attune (the dictionaries are GPL-licensed).
 *
 * <p>Immutable and thread-safe once read.
 */
public final class GlossDictionary {

    private static final Pattern ANNOTATION = Pattern.compile("<[^>]*>?|\\[[^]]*]|\\([^)]*\\)|\\{[^}]*}");
    private static final Pattern SENSE_NUMBER = Pattern.compile("^\\s*\\d+\\.\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Map<String, String> translations;

    private GlossDictionary(Map<String, String> translations) {
        this.translations = translations;
    }

    /**
     * Reads a dictionary from another language into English ({@code freedict-deu-eng}): each single-word
     * headword with its first translation, under the headword as written and lower-cased (the first spelling
     * read wins, so "Arm" and "arm" keep their own translations).
     *
     * @param base the dictionary's path without extension, e.g. {@code /usr/share/dictd/freedict-deu-eng}
     */
    public static GlossDictionary readToEnglish(Path base) {
        Map<String, String> out = new HashMap<>();
        forEachEntry(base, (headword, body) -> {
            if (!isSingleWord(headword)) {
                return;
            }
            String translation = firstTranslation(body);
            if (translation != null) {
                out.putIfAbsent(headword, translation);
                out.putIfAbsent(headword.toLowerCase(Locale.ROOT), translation);
            }
        });
        return new GlossDictionary(out);
    }

    /**
     * Reads a dictionary from English into the other language ({@code freedict-eng-fra}) backwards: every
     * single-word translation with the English headword it translates. The small FreeDict dictionaries into
     * English hold a few thousand headwords; their counterparts from English add as many again.
     */
    public static GlossDictionary readFromEnglish(Path base) {
        Map<String, String> out = new HashMap<>();
        forEachEntry(base, (headword, body) -> {
            if (!isSingleWord(headword)) {
                return;
            }
            for (String line : body) {
                if (isMeta(line)) {
                    continue;
                }
                for (String alternative : SENSE_NUMBER.matcher(line).replaceFirst("").split("[,;]")) {
                    String word = clean(alternative).toLowerCase(Locale.ROOT);
                    if (isSingleWord(word)) {
                        out.putIfAbsent(word, headword);
                    }
                }
            }
        });
        return new GlossDictionary(out);
    }

    /** A dictionary of the given words (tests). */
    public static GlossDictionary of(Map<String, String> translations) {
        return new GlossDictionary(Map.copyOf(translations));
    }

    /** The English for a word as written, else for it lower-cased; {@code null} when neither is listed. */
    public String translate(String word) {
        String english = translations.get(word);
        return english != null ? english : translations.get(word.toLowerCase(Locale.ROOT));
    }

    /** How many spellings are listed. */
    public int size() {
        return translations.size();
    }

    /** The first translation of the first sense, without grammar notes, or {@code null} when the entry has none. */
    static String firstTranslation(List<String> body) {
        for (String line : body) {
            if (isMeta(line)) {
                continue;
            }
            String first = SENSE_NUMBER.matcher(line).replaceFirst("").split("[,;]")[0];
            String cleaned = clean(first);
            return cleaned.isEmpty() ? null : cleaned;
        }
        return null;
    }

    private static String clean(String text) {
        String stripped = ANNOTATION.matcher(text).replaceAll(" ");
        return SPACES.matcher(stripped).replaceAll(" ").strip().replaceAll("^[.,;:]+|[.,;:]+$", "").strip();
    }

    /** Cross-references, synonyms, usage notes and example sentences: not translations. */
    private static boolean isMeta(String line) {
        String trimmed = line.strip();
        return trimmed.isEmpty() || trimmed.startsWith("see:") || trimmed.startsWith("Synonym")
                || trimmed.startsWith("Note:") || trimmed.startsWith("\"") || trimmed.startsWith("Example")
                || trimmed.startsWith("Usage");
    }

    private static boolean isSingleWord(String word) {
        if (word.isEmpty() || word.startsWith("00")) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    interface EntryConsumer {
        void accept(String headword, List<String> body);
    }

    /** Every headword with the lines of its entry after the first (which repeats it with its pronunciation). */
    private static void forEachEntry(Path base, EntryConsumer consumer) {
        try {
            Dictd.forEachEntry(Path.of(base + ".index"), Path.of(base + ".dict.dz"),
                    (headword, position, offset, lines) -> consumer.accept(headword,
                            Arrays.asList(lines).subList(Math.min(1, lines.length), lines.length)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dictionary " + base, e);
        }
    }
}
