package io.attune.models.profile;

import io.attune.models.math.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Online clustering of one source's signals (one linked account) into a few interests, so a person who
 * likes both trail running and jazz keeps two directions instead of one blurred average.
 *
 * <p>A positive signal joins the most similar interest when it is close enough, else starts a new one;
 * when that would exceed the budget, the two most similar interests (the new one included) merge. A
 * negative signal (a hide) is subtracted from the most similar interest, which disappears if that leaves
 * next to nothing along its direction. Interests whose weight has faded below {@code minWeight} are forgotten.
 *
 * <p>Every operation is a pure function of its inputs (arrays are never modified), and stochastic rounding
 * is seeded from the signal, so the same events always rebuild the same interests. The seed hashes the signal's
 * bits, so an embedding that differs in its last digit (another CPU's kernels) rounds differently throughout; a
 * {@code roundingSalt} does the same on purpose, to measure how much a quality figure owes to rounding.
 */
public final class InterestClusters {

    private final int maxCentroids;
    private final float mergeSimilarity;
    private final float minWeight;
    private final long salt;

    /**
     * @param maxCentroids interests kept per source
     * @param mergeSimilarity cosine at or above which a signal joins an existing interest
     * @param minWeight weight below which a faded interest is forgotten
     */
    public InterestClusters(int maxCentroids, float mergeSimilarity, float minWeight) {
        this(maxCentroids, mergeSimilarity, minWeight, 0L);
    }

    /**
     * @param roundingSalt mixed into every stochastic rounding's seed; 0 rounds as without it
     */
    public InterestClusters(int maxCentroids, float mergeSimilarity, float minWeight, long roundingSalt) {
        if (maxCentroids < 1) {
            throw new IllegalArgumentException("maxCentroids must be at least 1, was " + maxCentroids);
        }
        this.maxCentroids = maxCentroids;
        this.mergeSimilarity = mergeSimilarity;
        this.minWeight = minWeight;
        this.salt = roundingSalt * 0x9E3779B97F4A7C15L;
    }

    /** Fades every interest by {@code factor} and forgets those that fall below the minimum weight. */
    public Centroid[] fade(Centroid[] centroids, float factor) {
        if (factor == 1f) {
            return centroids;
        }
        return Arrays.stream(centroids)
                .map(c -> c.scaled(factor))
                .filter(c -> c.norm() >= minWeight)
                .toArray(Centroid[]::new);
    }

    /**
     * Adds one signal.
     *
     * @param signal unit-length embedding
     * @param weight positive pulls toward the signal, negative pushes away
     */
    public Centroid[] add(Centroid[] centroids, float[] signal, float weight) {
        return add(centroids, signal, weight, maxCentroids);
    }

    /**
     * Adds one signal to interests that may keep at most {@code budget} (at least 1) of this clustering's
     * {@code maxCentroids}, for a source whose interests share the budget with another's. Interests already
     * beyond the budget stay as many; {@link #limit} brings them down.
     */
    public Centroid[] add(Centroid[] centroids, float[] signal, float weight, int budget) {
        int max = Math.max(1, Math.min(budget, maxCentroids));
        if (weight == 0f) {
            return centroids;
        }
        long seed = seed(signal, weight) ^ salt;
        List<float[]> directions = new ArrayList<>(centroids.length);
        int best = -1;
        float bestSimilarity = -2f;
        for (int i = 0; i < centroids.length; i++) {
            float[] direction = centroids[i].direction(signal.length);
            directions.add(direction);
            float similarity = Vectors.dot(direction, signal);
            if (similarity > bestSimilarity) {
                bestSimilarity = similarity;
                best = i;
            }
        }
        if (weight < 0) {
            return pushAway(centroids, directions, best, bestSimilarity, signal, weight, seed);
        }
        if (best >= 0 && bestSimilarity >= mergeSimilarity) {
            Centroid[] out = centroids.clone();
            out[best] = join(centroids[best], directions.get(best), signal, weight, seed);
            return out;
        }
        float[] fresh = signal.clone();
        Vectors.scale(fresh, weight);
        if (centroids.length < max) {
            Centroid[] out = Arrays.copyOf(centroids, centroids.length + 1);
            out[centroids.length] = Centroid.encode(fresh, seed);
            return out;
        }
        return mergeClosestPair(centroids, directions, fresh, signal, seed);
    }

    /**
     * The same interests, the two most similar merged into one until at most {@code max} (at least 1) are left: for
     * a source that must give up part of its budget to another's.
     */
    public Centroid[] limit(Centroid[] centroids, int max, int dimension) {
        int keep = Math.max(1, max);
        Centroid[] out = centroids;
        while (out.length > keep) {
            int a = -1;
            int b = -1;
            float closest = -2f;
            List<float[]> directions = new ArrayList<>(out.length);
            for (Centroid centroid : out) {
                directions.add(centroid.direction(dimension));
            }
            for (int i = 0; i < out.length; i++) {
                for (int j = i + 1; j < out.length; j++) {
                    float similarity = Vectors.dot(directions.get(i), directions.get(j));
                    if (similarity > closest) {
                        closest = similarity;
                        a = i;
                        b = j;
                    }
                }
            }
            float[] merged = out[a].sum(dimension);
            Vectors.addScaled(merged, out[b].sum(dimension), 1f);
            List<Centroid> next = new ArrayList<>(out.length - 1);
            for (int i = 0; i < out.length; i++) {
                if (i != a && i != b) {
                    next.add(out[i]);
                }
            }
            next.add(Centroid.encode(merged, seed(merged, 1f) ^ salt));
            out = next.toArray(Centroid[]::new);
        }
        return out;
    }

    private Centroid[] pushAway(Centroid[] centroids, List<float[]> directions, int best, float similarity,
            float[] signal, float weight, long seed) {
        if (best < 0 || similarity <= 0f) {
            return centroids;
        }
        float[] before = directions.get(best);
        float[] sum = before.clone();
        Vectors.scale(sum, centroids[best].norm());
        Vectors.addScaled(sum, signal, weight);
        // What is left along the interest's own direction: near zero when the hide undid what was liked.
        if (Vectors.dot(sum, before) < minWeight) {
            return remove(centroids, best);
        }
        Centroid[] out = centroids.clone();
        out[best] = Centroid.encode(sum, seed);
        return out;
    }

    private static Centroid join(Centroid centroid, float[] direction, float[] signal, float weight, long seed) {
        float[] sum = direction.clone();
        Vectors.scale(sum, centroid.norm());
        Vectors.addScaled(sum, signal, weight);
        return Centroid.encode(sum, seed);
    }

    /** At the budget: the two closest of the existing interests and the new signal become one. */
    private Centroid[] mergeClosestPair(Centroid[] centroids, List<float[]> directions, float[] fresh,
            float[] signal, long seed) {
        List<float[]> all = new ArrayList<>(directions);
        all.add(signal);
        int a = -1;
        int b = -1;
        float closest = -2f;
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                float similarity = Vectors.dot(all.get(i), all.get(j));
                if (similarity > closest) {
                    closest = similarity;
                    a = i;
                    b = j;
                }
            }
        }
        float[] merged = sumOf(centroids, directions, fresh, a);
        Vectors.addScaled(merged, sumOf(centroids, directions, fresh, b), 1f);
        List<Centroid> out = new ArrayList<>(maxCentroids);
        for (int i = 0; i < centroids.length; i++) {
            if (i != a && i != b) {
                out.add(centroids[i]);
            }
        }
        out.add(Centroid.encode(merged, seed));
        if (b != centroids.length) {
            // The new signal was not in the merged pair: it starts its own interest in the freed slot.
            out.add(Centroid.encode(fresh, seed ^ 0x9E3779B97F4A7C15L));
        }
        return out.toArray(Centroid[]::new);
    }

    private static float[] sumOf(Centroid[] centroids, List<float[]> directions, float[] fresh, int index) {
        if (index == centroids.length) {
            return fresh.clone();
        }
        float[] sum = directions.get(index).clone();
        Vectors.scale(sum, centroids[index].norm());
        return sum;
    }

    private static Centroid[] remove(Centroid[] centroids, int index) {
        Centroid[] out = new Centroid[centroids.length - 1];
        System.arraycopy(centroids, 0, out, 0, index);
        System.arraycopy(centroids, index + 1, out, index, centroids.length - index - 1);
        return out;
    }

    private static long seed(float[] signal, float weight) {
        long h = Float.floatToIntBits(weight);
        for (float v : signal) {
            h = h * 0x100000001B3L ^ Float.floatToIntBits(v);
        }
        return h;
    }
}
