package io.attune.bench.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The item-kNN baseline: items as binary vectors of who liked them, a user's score for an item the sum of its cosine
 * similarities to the items they liked. Scored from the items' co-occurrence counts ({@code C[j][i]}, how many users
 * liked both), counted once, so that a user costs their likes times the liked items: for an item the user has not
 * rated, {@code Σ_j C[j][i] / √(likes(j) · likes(i))} over the user's liked {@code j} is the same sum as one over every
 * other user who liked both, since the user is not among those who liked {@code i}. Going through the other users
 * instead took minutes for a log of ml-1m's size and grows with the square of the users. The counts are a dense square
 * of ints over the liked items (ml-20m: about 2.9 GB; {@code bench/quality/movielens} gives the evaluation
 * {@code ATTUNE_JAVA_OPTS} too).
 */
final class ItemKnn {

    private final Map<Integer, Integer> index;
    private final int[] items;
    private final double[] inverseRoot;
    private final int[][] counts;

    private ItemKnn(Map<Integer, Integer> index, int[] items, double[] inverseRoot, int[][] counts) {
        this.index = index;
        this.items = items;
        this.inverseRoot = inverseRoot;
        this.counts = counts;
    }

    /**
     * @param liked each user's liked items
     * @param likes each item's number of likers (over the same likes)
     */
    static ItemKnn train(Map<Integer, Set<Integer>> liked, Map<Integer, Integer> likes) {
        int[] items = likes.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        Map<Integer, Integer> index = new HashMap<>();
        double[] inverseRoot = new double[items.length];
        for (int n = 0; n < items.length; n++) {
            index.put(items[n], n);
            inverseRoot[n] = 1 / Math.sqrt(likes.get(items[n]));
        }
        int[][] counts = new int[items.length][items.length];
        for (Set<Integer> mine : liked.values()) {
            int[] rows = mine.stream().mapToInt(index::get).toArray();
            for (int j : rows) {
                int[] row = counts[j];
                for (int i : rows) {
                    row[i]++;
                }
            }
        }
        return new ItemKnn(index, items, inverseRoot, counts);
    }

    /** The user's best {@code k} items they have not rated, best first, ties by item id. */
    List<Integer> top(Set<Integer> mine, Set<Integer> seen, int k) {
        double[] scores = new double[items.length];
        for (Integer item : mine) {
            int j = index.get(item);
            int[] row = counts[j];
            double weight = inverseRoot[j];
            for (int i = 0; i < row.length; i++) {
                scores[i] += row[i] * weight;
            }
        }
        // The k best so far, best first: a person's top 10 out of tens of thousands of items, without sorting them all.
        int[] best = new int[k];
        int found = 0;
        for (int i = 0; i < items.length; i++) {
            if (scores[i] <= 0 || seen.contains(items[i])) {
                continue;
            }
            scores[i] *= inverseRoot[i];
            // Items are numbered by id, so among equal scores the one found first has the lower id and stays ahead.
            if (found == k && scores[i] <= scores[best[k - 1]]) {
                continue;
            }
            int at = found == k ? k - 1 : found++;
            while (at > 0 && scores[best[at - 1]] < scores[i]) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = i;
        }
        List<Integer> out = new ArrayList<>(found);
        for (int n = 0; n < found; n++) {
            out.add(items[best[n]]);
        }
        return out;
    }
}
