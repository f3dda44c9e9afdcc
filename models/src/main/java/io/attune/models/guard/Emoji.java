package io.attune.models.guard;

import java.util.Comparator;
import java.util.List;

/**
 * Writes after each emoji that carries a topic on its own the lexicon words it stands for ("Proud 🏳️‍🌈" reads "Proud
 * 🏳‍🌈 lgbt"), before the guard reads a message: in a profile or a post the flag or the symbol of faith is often the
 * whole of what is said. The emoji and their words are {@code emoji-words.tsv}; a variation selector and skin tones are
 * ignored, so "👩🏽‍❤‍👩🏻" is the same couple as "👩‍❤️‍👩".
 */
final class Emoji {

    static final String RESOURCE = "emoji-words.tsv";

    private record Reading(String emoji, String words) {}

    /** Longest first, so a kiss is read as a kiss and not as the couple it begins like. */
    private static final class Bundled {
        static final List<Reading> READINGS = GuardResources.rows(RESOURCE, 3).stream()
                .map(row -> new Reading(plain(row[0].strip()), row[1].strip()))
                .sorted(Comparator.comparingInt((Reading r) -> -r.emoji().length()))
                .toList();
    }

    private Emoji() {
    }

    /** {@code text} with each topic emoji followed by its words; the same string when there is none. */
    static String spelledOut(String text) {
        if (!mayHaveEmoji(text)) {
            return text;
        }
        String plain = plain(text);
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < plain.length(); i++) {
            for (Reading reading : Bundled.READINGS) {
                if (plain.startsWith(reading.emoji(), i)) {
                    if (out == null) {
                        out = new StringBuilder(plain.length() + 16);
                    }
                    int end = i + reading.emoji().length();
                    out.append(plain, copied, end).append(' ').append(reading.words());
                    if (end < plain.length() && !Character.isWhitespace(plain.charAt(end))) {
                        out.append(' '); // "🏳‍🌈❤" as "🏳‍🌈 lgbt ❤"
                    }
                    copied = end;
                    i = end - 1;
                    break;
                }
            }
        }
        return out == null ? text : out.append(plain, copied, plain.length()).toString();
    }

    /** Without variation selectors and skin-tone modifiers. */
    private static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> cp != 0xFE0F && cp != 0xFE0E && (cp < 0x1F3FB || cp > 0x1F3FF))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Whether the text has a character from the blocks the bundled emoji come from (most messages have none). */
    private static boolean mayHaveEmoji(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c) || (c >= 0x2600 && c <= 0x27BF)) {
                return true;
            }
        }
        return false;
    }
}
