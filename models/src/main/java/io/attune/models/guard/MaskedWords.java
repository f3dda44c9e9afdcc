package io.attune.models.guard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the words a message masks or stretches as the list words they stand for: "c@ncer", "d1abetes", "mus|ims",
 * "les*ians", "gaaaay", "depressssed". Hostile posts mask exactly the words a filter would look for, and the word lists
 * match whole words, so without this "n!ggers" and "m0slems" are no terms at all.
 *
 * <p>A word is read as masked when it has at least two letters and, between letters, a sign standing for one (the
 * common substitutions: {@code @ 4} for a, {@code 3} for e, {@code 1 ! |} for i or l, {@code 0} for o, {@code 5 $} for
 * s, {@code 7} for t; {@code *} for any one letter, at most one star for two letters), or a letter written three times
 * or more (read once or twice). Signs at a word's ends are punctuation or markup ("*do*", "latin1", "4the"), and a
 * sign written twice is no letter ("w00t", "!!").
 * It is then compared with the single-word terms of the lists it was built from, and each term it can stand for is
 * written after it ("c@ncer cancer"), as {@link Hashtags} writes a hashtag's words. Only list words are written, never a
 * guess: "p@ssword", "h3llo", "w00t", "sh*t", "mp3" and "sooo" stand for none, so they add nothing. Mentions, hashtags,
 * addresses and numbers are left alone.
 */
final class MaskedWords {

    static final MaskedWords NONE = new MaskedWords(List.of(), List.of());

    /** At most this many list words written after one masked word. */
    private static final int MOST_READINGS = 3;

    private static final Pattern CANDIDATE = Pattern.compile("[@4310!|5$7*]|(\\p{L})\\1\\1");

    private final List<String> words;
    private final List<String> stems;

    private MaskedWords(List<String> words, List<String> stems) {
        this.words = words;
        this.stems = stems;
    }

    /**
     * From list terms as the lexicon writes them: single words only ("cancer", and "diabet*" as a stem of any ending);
     * phrases, slots and terms with a leading wildcard are not words a message masks one by one.
     */
    static MaskedWords of(Collection<String> terms) {
        Set<String> words = new LinkedHashSet<>();
        Set<String> stems = new LinkedHashSet<>();
        for (String term : terms) {
            String t = CharNgrams.normalize(term.strip());
            boolean stem = t.endsWith("*");
            String body = stem ? t.substring(0, t.length() - 1) : t;
            // Short stems and words ("std", "gay*") would stand for too much once masked: "g*y" is "gay" and "guy".
            if (body.length() < (stem ? 4 : 3) || !body.chars().allMatch(Character::isLetter)) {
                continue;
            }
            (stem ? stems : words).add(body);
        }
        return new MaskedWords(List.copyOf(words), List.copyOf(stems));
    }

    /**
     * {@code normalized} (lower-cased, accents stripped) with each masked word followed by the list words it stands
     * for; the same string when there is none.
     */
    String spelledOut(String normalized) {
        if ((words.isEmpty() && stems.isEmpty()) || !CANDIDATE.matcher(normalized).find()) {
            return normalized;
        }
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        int n = normalized.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(normalized.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(normalized.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            List<String> readings = readings(normalized.substring(start, i));
            if (!readings.isEmpty()) {
                if (out == null) {
                    out = new StringBuilder(n + 16);
                }
                out.append(normalized, copied, i);
                for (String reading : readings) {
                    out.append(' ').append(reading);
                }
                copied = i;
            }
        }
        return out == null ? normalized : out.append(normalized, copied, n).toString();
    }

    /** The list words one whitespace-separated token stands for, if it is a masked word. */
    private List<String> readings(String token) {
        if (token.startsWith("@") || token.startsWith("#") || token.contains("://") || token.startsWith("www.")
                || (token.indexOf('@') > 0 && token.indexOf('.', token.indexOf('@')) > 0)) {
            return List.of();
        }
        // Punctuation around the word is not part of it, signs and stars included ("g@y!", "*do*" for emphasis).
        int from = 0;
        int to = token.length();
        while (from < to && !Character.isLetterOrDigit(token.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(token.charAt(to - 1))) {
            to--;
        }
        String word = token.substring(from, to);
        int letters = 0;
        int stars = 0;
        boolean masked = false;
        for (int k = 0; k < word.length(); ) {
            char c = word.charAt(k);
            if (Character.isLetter(c)) {
                letters++;
                k++;
                continue;
            }
            if (substitutes(c) == null) {
                return List.of(); // "b2b", "covid-19", "e-mail": not a masked word
            }
            int end = k;
            while (end < word.length() && !Character.isLetter(word.charAt(end))) {
                char d = word.charAt(end);
                // A sign stands for a letter only inside a word and alone ("n*gger", "c@ncer"); stars may run
                // ("n**gers"); "latin1", "4the", "juif!!ils", "w00t" are no masked words.
                if (substitutes(d) == null || end > k && d != '*' && d == word.charAt(end - 1)) {
                    return List.of();
                }
                stars += d == '*' ? 1 : 0;
                end++;
            }
            if (k == 0 || end == word.length()) {
                return List.of();
            }
            masked = true;
            k = end;
        }
        // Too many stars leave too many words: "f*****g" could be a dozen list words, none meant.
        if (letters < 2 || stars * 2 > letters) {
            return List.of();
        }
        StringBuilder regex = new StringBuilder();
        int minLength = 0;
        int maxLength = 0;
        // A stem must reach past the last masked letter, or it does not say what the masked letters are between
        // ("str**zo" as "stres*", stress).
        int lastMasked = 0;
        for (int k = 0; k < word.length(); ) {
            char c = word.charAt(k);
            int run = 1;
            while (k + run < word.length() && word.charAt(k + run) == c) {
                run++;
            }
            if (Character.isLetter(c) && run >= 3) {
                masked = true;
                regex.append(Pattern.quote(String.valueOf(c))).append("{1,2}");
                minLength += 1;
                maxLength += 2;
                lastMasked = minLength;
            } else {
                boolean letter = Character.isLetter(c);
                String slot = letter ? Pattern.quote(String.valueOf(c)) : substitutes(c);
                for (int r = 0; r < run; r++) {
                    regex.append(slot);
                }
                minLength += run;
                maxLength += run;
                if (!letter) {
                    lastMasked = minLength;
                }
            }
            k += run;
        }
        if (!masked) {
            return List.of();
        }
        Pattern pattern = Pattern.compile(regex.toString());
        List<String> readings = new ArrayList<>(MOST_READINGS);
        for (String w : words) {
            if (w.length() >= minLength && w.length() <= maxLength && !w.equals(word) && pattern.matcher(w).matches()) {
                readings.add(w);
                if (readings.size() == MOST_READINGS) {
                    return readings;
                }
            }
        }
        for (String stem : stems) {
            if (stem.length() <= maxLength && stem.length() > lastMasked) {
                var matcher = pattern.matcher(stem);
                // The stem is the start of some reading of the word: it matches, or the word could go on past it.
                if (matcher.matches() || matcher.hitEnd()) {
                    readings.add(stem);
                    if (readings.size() == MOST_READINGS) {
                        return readings;
                    }
                }
            }
        }
        return readings;
    }

    /** The letters a sign stands for, as a regular expression; {@code null} for a sign that stands for none. */
    private static String substitutes(char c) {
        return switch (c) {
            case '@', '4' -> "a";
            case '3' -> "e";
            case '1', '!', '|' -> "[il]";
            case '0' -> "o";
            case '5', '$' -> "s";
            case '7' -> "t";
            case '*' -> "\\p{L}";
            default -> null;
        };
    }
}
