package io.attune.models.guard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The first words of a list of phrases, to tell cheaply that a normalized text contains none of them before a
 * {@link TermPatterns} pattern of hundreds of phrases is run over it: most messages contain no such phrase, and
 * looking their words up in a set costs a fraction of the pattern's scan.
 */
final class PhraseStarts {

    private final Set<String> words;
    private final List<String> prefixes;

    private PhraseStarts(Set<String> words, List<String> prefixes) {
        this.words = Set.copyOf(words);
        this.prefixes = List.copyOf(prefixes);
    }

    /**
     * @return the phrases' starts, or {@code null} when one of them starts with a wildcard or with no letter or
     *     digit, so that no first word says it is absent
     */
    static PhraseStarts of(List<String> phrases) {
        Set<String> words = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String phrase : phrases) {
            String normalized = CharNgrams.normalize(phrase.trim());
            int end = 0;
            while (end < normalized.length() && Character.isLetterOrDigit(normalized.charAt(end))) {
                end++;
            }
            if (end == 0) {
                return null;
            }
            if (end < normalized.length() && normalized.charAt(end) == '*') {
                prefixes.add(normalized.substring(0, end));
            } else {
                words.add(normalized.substring(0, end));
            }
        }
        return new PhraseStarts(words, prefixes);
    }

    /** Whether a run of letters and digits of the normalized text is, or begins as, one of the first words. */
    boolean mayContain(String normalized) {
        int i = 0;
        int length = normalized.length();
        while (i < length) {
            while (i < length && !Character.isLetterOrDigit(normalized.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < length && Character.isLetterOrDigit(normalized.charAt(i))) {
                i++;
            }
            if (i > start && starts(normalized.substring(start, i))) {
                return true;
            }
        }
        return false;
    }

    private boolean starts(String word) {
        if (words.contains(word)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
