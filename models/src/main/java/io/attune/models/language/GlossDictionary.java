package io.attune.models.language;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

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

    /** A dictionary of the given words, for tests and for combining. */
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

    private record IndexEntry(String headword, long offset, int length) {}

    /**
     * Calls back with every entry's headword and the lines after its first (which repeats the headword with
     * its pronunciation). The entries are read in the order they lie in the compressed file, in one pass, so a
     * large dictionary (German: 100 MB uncompressed) is never held whole.
     */
    static void forEachEntry(Path base, EntryConsumer consumer) {
        Path index = Path.of(base + ".index");
        Path dict = Path.of(base + ".dict.dz");
        try {
            List<IndexEntry> entries = new ArrayList<>();
            try (BufferedReader reader = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    String[] fields = line.split("\t");
                    if (fields.length >= 3) {
                        entries.add(new IndexEntry(fields[0], base64(fields[1]), (int) base64(fields[2])));
                    }
                }
            }
            entries.sort(Comparator.comparingLong(IndexEntry::offset));
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(dict)), 1 << 16)) {
                long position = 0;
                byte[] buffer = new byte[4096];
                long lastOffset = -1;
                List<String> lastBody = List.of();
                for (IndexEntry entry : entries) {
                    if (entry.offset() == lastOffset) {
                        consumer.accept(entry.headword(), lastBody); // another headword of the entry just read
                        continue;
                    }
                    if (entry.offset() < position) {
                        continue; // inside an entry already read: not an entry of its own
                    }
                    in.skipNBytes(entry.offset() - position);
                    position = entry.offset();
                    if (buffer.length < entry.length()) {
                        buffer = new byte[entry.length()];
                    }
                    in.readNBytes(buffer, 0, entry.length());
                    position += entry.length();
                    String text = new String(buffer, 0, entry.length(), StandardCharsets.UTF_8);
                    String[] lines = text.split("\n");
                    List<String> body = new ArrayList<>(lines.length);
                    for (int i = 1; i < lines.length; i++) {
                        body.add(lines[i]);
                    }
                    lastOffset = entry.offset();
                    lastBody = body;
                    consumer.accept(entry.headword(), body);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dictionary " + base, e);
        }
    }

    /** dictd's offsets and lengths: base 64, most significant digit first. */
    static long base64(String digits) {
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int digit;
            if (c >= 'A' && c <= 'Z') {
                digit = c - 'A';
            } else if (c >= 'a' && c <= 'z') {
                digit = c - 'a' + 26;
            } else if (c >= '0' && c <= '9') {
                digit = c - '0' + 52;
            } else if (c == '+') {
                digit = 62;
            } else if (c == '/') {
                digit = 63;
            } else {
                throw new IllegalArgumentException("not a dictd number: " + digits);
            }
            value = value * 64 + digit;
        }
        return value;
    }
}
