package io.attune.models.guard;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Hashed character n-grams (3 to 5 characters, inside word boundaries) of lower-cased, accent-stripped text:
 * a language-agnostic view of a message that catches inflections and spelling variants ("médecins",
 * "medecin") which a fixed word list or an English-only embedding misses. Deterministic across JVMs.
 */
public final class CharNgrams {

    private final int buckets;

    /** @param buckets hash space; a power of two */
    public CharNgrams(int buckets) {
        if (Integer.bitCount(buckets) != 1) {
            throw new IllegalArgumentException("buckets must be a power of two, was " + buckets);
        }
        this.buckets = buckets;
    }

    public int buckets() {
        return buckets;
    }

    /** Sparse, L2-normalised log term frequencies, sorted by index. */
    public SparseVector of(String text) {
        return ofNormalized(normalize(text));
    }

    /** As {@link #of}, for text already passed through {@link #normalize}. */
    SparseVector ofNormalized(String normalized) {
        Map<Integer, Float> counts = new HashMap<>();
        for (String word : normalized.split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = " " + word + " ";
            for (int n = 3; n <= 5; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    int bucket = bucket(padded, i, i + n);
                    counts.merge(bucket, 1f, Float::sum);
                }
            }
        }
        int[] indices = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        float[] values = new float[indices.length];
        double norm = 0;
        for (int i = 0; i < indices.length; i++) {
            values[i] = (float) (1 + Math.log(counts.get(indices[i])));
            norm += values[i] * values[i];
        }
        float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        return new SparseVector(indices, values);
    }

    /**
     * Accents and other combining marks, except the vowel signs of the Brahmic scripts and Thai: those are
     * letters in all but name ("मुसलमान" without them is "मसलमन", which other words share).
     */
    private static final Pattern STRIPPED_MARKS = Pattern.compile("[\\p{M}&&[^\\p{IsDevanagari}\\p{IsBengali}"
            + "\\p{IsGurmukhi}\\p{IsGujarati}\\p{IsOriya}\\p{IsTamil}\\p{IsTelugu}\\p{IsKannada}\\p{IsMalayalam}"
            + "\\p{IsSinhala}\\p{IsThai}\\p{IsLao}\\p{IsTibetan}\\p{IsMyanmar}\\p{IsKhmer}]]+");

    /**
     * Lower case without accents (and Arabic diacritics, which are marks too), every apostrophe written '. Phones
     * turn "I'm" into "I’m" (U+2019), and a term written with one must find the other (before session 57 "I’m bi"
     * and "demandeur d’asile" escaped the lexicon).
     */
    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFKD);
        return STRIPPED_MARKS.matcher(decomposed).replaceAll("")
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02BC', '\'');
    }

    private int bucket(String s, int from, int to) {
        // FNV-1a over the chars: stable, cheap, well spread.
        int hash = 0x811C9DC5;
        for (int i = from; i < to; i++) {
            hash ^= s.charAt(i);
            hash *= 0x01000193;
        }
        return hash & (buckets - 1);
    }

    /** Indices and values of the non-zero entries. */
    public record SparseVector(int[] indices, float[] values) {
        @Override
        public String toString() {
            return "SparseVector" + Arrays.toString(indices);
        }
    }
}
