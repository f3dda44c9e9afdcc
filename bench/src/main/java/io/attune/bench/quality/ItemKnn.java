package io.attune.bench.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The item-kNN baseline: items as binary vectors of who liked them, a user's score for an item the sum of its cosine
 * similarities to the items they liked. Scored from the items' co-occurrence counts ({@code C[j][i]}, how many users
 * liked both), counted once, so that a user costs their likes times the liked items: for an item the user has not
 * rated, {@code Σ_j C[j][i] / √(likes(j) · likes(i))} over the user's liked {@code j} is the same sum as one over every
 * other user who liked both, since the user is not among those who liked {@code i}. Going through the other users
 * instead took minutes for a log of ml-1m's size and grows with the square of the users.
 *
 * <p>The counts are ints, a column of them per liked item: for ml-1m's 3,706 liked movies the whole square is 55 MB, for
 * ml-20m's about 2.9 GB, for ml-32m's more than most heaps. So they are counted a block of columns (items) at a time,
 * as many as {@code budgetBytes} holds, and every user's top list is carried from block to block: an item's score is
 * complete within its block, and blocks go in item order, so the lists are the same, tie for tie, as with one block.
 * Each block goes through every user's likes again, which costs little beside the counting itself.
 */
final class ItemKnn {

    /** The share of the heap the counts of one block may take by default. */
    static final double HEAP_SHARE = 0.25;

    private ItemKnn() {}

    /**
     * Each listed user's best {@code k} items they have not rated, best first, ties by item id, counting a quarter of
     * the heap's worth of columns at a time.
     *
     * @param liked each user's liked items (the training likes, every user's)
     * @param likes each item's number of likers (over the same likes)
     * @param seen for each user to rank, every item they rated in training
     */
    static Map<Integer, List<Integer>> top(Map<Integer, Set<Integer>> liked, Map<Integer, Integer> likes,
            Map<Integer, Set<Integer>> seen, int k) {
        return top(liked, likes, seen, k, (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE));
    }

    /** As {@link #top(Map, Map, Map, int)}, with at most {@code budgetBytes} of counts per block (one column at least). */
    static Map<Integer, List<Integer>> top(Map<Integer, Set<Integer>> liked, Map<Integer, Integer> likes,
            Map<Integer, Set<Integer>> seen, int k, long budgetBytes) {
        int[] items = likes.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        int n = items.length;
        Map<Integer, Integer> index = new HashMap<>();
        double[] inverseRoot = new double[n];
        for (int i = 0; i < n; i++) {
            index.put(items[i], i);
            inverseRoot[i] = 1 / Math.sqrt(likes.get(items[i]));
        }
        // Each user's liked items as sorted numbers, so a block's columns among them are one range.
        List<int[]> rowsOfEveryone = new ArrayList<>(liked.size());
        for (Set<Integer> mine : liked.values()) {
            rowsOfEveryone.add(mine.stream().mapToInt(index::get).sorted().toArray());
        }
        List<Ranked> ranked = new ArrayList<>(seen.size());
        for (Map.Entry<Integer, Set<Integer>> user : seen.entrySet()) {
            Set<Integer> mine = liked.getOrDefault(user.getKey(), Set.of());
            // The user's likes in their set's order: the order the sum was always taken in.
            int[] rows = mine.stream().mapToInt(index::get).toArray();
            ranked.add(new Ranked(user.getKey(), rows, user.getValue(), k));
        }

        int width = (int) Math.max(1, Math.min(n, budgetBytes / Math.max(1L, 4L * n)));
        int[][] counts = new int[n][];
        double[] scores = new double[width];
        for (int from = 0; from < n; from += width) {
            int to = Math.min(n, from + width);
            for (int j = 0; j < n; j++) {
                if (counts[j] == null || counts[j].length != to - from) {
                    counts[j] = new int[to - from];
                } else {
                    Arrays.fill(counts[j], 0);
                }
            }
            for (int[] rows : rowsOfEveryone) {
                int first = lowerBound(rows, from);
                int end = lowerBound(rows, to);
                if (first == end) {
                    continue;
                }
                for (int j : rows) {
                    int[] row = counts[j];
                    for (int c = first; c < end; c++) {
                        row[rows[c] - from]++;
                    }
                }
            }
            for (Ranked user : ranked) {
                Arrays.fill(scores, 0, to - from, 0);
                for (int j : user.rows) {
                    int[] row = counts[j];
                    double weight = inverseRoot[j];
                    for (int c = 0; c < row.length; c++) {
                        scores[c] += row[c] * weight;
                    }
                }
                for (int i = from; i < to; i++) {
                    double score = scores[i - from];
                    if (score <= 0 || user.seen.contains(items[i])) {
                        continue;
                    }
                    user.offer(i, score * inverseRoot[i]);
                }
            }
        }
        Map<Integer, List<Integer>> out = new LinkedHashMap<>();
        for (Ranked user : ranked) {
            List<Integer> list = new ArrayList<>(user.found);
            for (int m = 0; m < user.found; m++) {
                list.add(items[user.best[m]]);
            }
            out.put(user.user, list);
        }
        return out;
    }

    private static int lowerBound(int[] sorted, int value) {
        int at = Arrays.binarySearch(sorted, value);
        return at >= 0 ? at : -at - 1;
    }

    /** One user's likes and the k best items so far, best first: a top 10 of tens of thousands, nothing sorted. */
    private static final class Ranked {
        final int user;
        final int[] rows;
        final Set<Integer> seen;
        final int[] best;
        final double[] bestScores;
        int found;

        Ranked(int user, int[] rows, Set<Integer> seen, int k) {
            this.user = user;
            this.rows = rows;
            this.seen = seen;
            this.best = new int[k];
            this.bestScores = new double[k];
        }

        /** Items are offered in id order, so among equal scores the one offered first has the lower id and stays ahead. */
        void offer(int item, double score) {
            int k = best.length;
            if (k == 0 || found == k && score <= bestScores[k - 1]) {
                return;
            }
            int at = found == k ? k - 1 : found++;
            while (at > 0 && bestScores[at - 1] < score) {
                best[at] = best[at - 1];
                bestScores[at] = bestScores[at - 1];
                at--;
            }
            best[at] = item;
            bestScores[at] = score;
        }
    }
}
