package io.attune.models.language;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The dictd format FreeDict publishes its dictionaries in (Debian {@code dict-freedict-*}): {@code NAME.index}, a
 * line per headword with the offset and length of its entry in base 64, beside {@code NAME.dict.dz}, the entries
 * gzip-compressed. Read for glosses ({@link GlossDictionary}) and for the guard's German vocabulary
 * ({@code DingVocabularyBuilder}).
 */
public final class Dictd {

    private static final String DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Dictd() {}

    /** What {@link #forEachEntry} calls back with. */
    public interface EntryConsumer {
        /**
         * @param headword the index's headword
         * @param position the headword's line in the index, from 0
         * @param offset where its entry starts: headwords of one entry share it, and come in index order
         * @param lines the entry's lines, the first repeating the headword with its pronunciation
         */
        void accept(String headword, int position, long offset, String[] lines);
    }

    private record IndexLine(String headword, int position, long offset, int length) {}

    /**
     * Calls back with every index line's entry, in the order the entries lie in the compressed file, in one pass:
     * a large dictionary (German: 100 MB uncompressed) is never held whole. An index line whose entry would start
     * inside another's is skipped.
     */
    public static void forEachEntry(Path index, Path data, EntryConsumer consumer) throws IOException {
        List<IndexLine> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            String line;
            int position = 0;
            while ((line = reader.readLine()) != null) {
                String[] fields = line.split("\t");
                if (fields.length >= 3) {
                    lines.add(new IndexLine(fields[0], position, number(fields[1]), (int) number(fields[2])));
                }
                position++;
            }
        }
        lines.sort(Comparator.comparingLong(IndexLine::offset)); // stable: one entry's headwords stay in index order
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(data)), 1 << 16)) {
            long position = 0;
            byte[] buffer = new byte[4096];
            long lastOffset = -1;
            String[] lastEntry = new String[0];
            for (IndexLine line : lines) {
                if (line.offset() == lastOffset) {
                    consumer.accept(line.headword(), line.position(), line.offset(), lastEntry);
                    continue;
                }
                if (line.offset() < position) {
                    continue;
                }
                in.skipNBytes(line.offset() - position);
                if (buffer.length < line.length()) {
                    buffer = new byte[line.length()];
                }
                int read = in.readNBytes(buffer, 0, line.length());
                position = line.offset() + read;
                if (read < line.length()) {
                    break; // the index points past the data's end
                }
                lastOffset = line.offset();
                lastEntry = new String(buffer, 0, read, StandardCharsets.UTF_8).split("\n");
                consumer.accept(line.headword(), line.position(), line.offset(), lastEntry);
            }
        }
    }

    /** An index number: base 64 in the alphabet A-Z, a-z, 0-9, +, /, most significant digit first. */
    public static long number(String digits) {
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = DIGITS.indexOf(digits.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not a dictd number: " + digits);
            }
            value = value * 64 + digit;
        }
        return value;
    }

    /** A number as an index writes it (tests write small dictionaries). */
    public static String digits(long value) {
        StringBuilder out = new StringBuilder();
        do {
            out.insert(0, DIGITS.charAt((int) (value % 64)));
            value /= 64;
        } while (value > 0);
        return out.toString();
    }
}
