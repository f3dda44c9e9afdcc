package io.attune.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemKnnTest {

    @Test
    void ranksAsTheSumOverEveryOtherUserWhoLikedBoth() {
        Log log = Log.random(40, 300, 40, 0, 500, 0.6);
        Map<Integer, Set<Integer>> liked = log.liked();
        Map<Integer, Set<Integer>> seen = log.seen();
        Map<Integer, Integer> likes = log.likes();

        Map<Integer, List<Integer>> tops = ItemKnn.top(liked, likes, seen, 10);

        int compared = 0;
        int same = 0;
        for (int user : liked.keySet()) {
            Map<Integer, Double> scores = throughOtherUsers(user, liked, likes, seen.get(user));
            List<Integer> expected = best(scores, 10);
            List<Integer> actual = tops.get(user);
            assertThat(actual).as("user %d", user).hasSameSizeAs(expected);
            // Equal up to items whose scores tie but for the last bits, which the two sums round apart.
            for (int n = 0; n < expected.size(); n++) {
                assertThat(scores.get(actual.get(n))).as("user %d, rank %d", user, n)
                        .isCloseTo(scores.get(expected.get(n)), within(1e-12));
            }
            compared += expected.size();
            same += actual.equals(expected) ? 1 : 0;
        }
        assertThat(compared).isGreaterThan(2_000);
        assertThat(same).as("lists identical item for item").isGreaterThan(liked.size() * 9 / 10);
    }

    @Test
    void aUserWithoutLikesGetsNothingAndFewCandidatesGiveAShortList() {
        Map<Integer, Set<Integer>> liked = Map.of(1, Set.of(10, 11), 2, Set.of(10, 12));
        Map<Integer, List<Integer>> tops = ItemKnn.top(liked, Map.of(10, 2, 11, 1, 12, 1),
                Map.of(1, Set.of(10, 11), 3, Set.of()), 10);

        assertThat(tops.get(3)).isEmpty();
        assertThat(tops.get(1)).containsExactly(12);
    }

    @Test
    void countingABlockOfItemsAtATimeGivesTheSameListsTieForTie() {
        // Few items and few likers each: many scores tie exactly, which is what the order has to keep.
        Log log = Log.random(41, 400, 30, 1_000, 120, 0.5);
        int items = log.likes().size();

        Map<Integer, List<Integer>> whole = log.top(4L * items * items);
        // One column, seven columns (the last block short), and fewer bytes than one column needs.
        for (long budget : new long[] {4L * items, 4L * items * 7, 1}) {
            assertThat(log.top(budget)).as("budget %d bytes", budget).isEqualTo(whole);
        }
        assertThat(whole.values().stream().mapToInt(List::size).sum()).isGreaterThan(3_000);
    }

    /** What each user rated and liked, and each item's likers. */
    private record Log(Map<Integer, Set<Integer>> liked, Map<Integer, Set<Integer>> seen, Map<Integer, Integer> likes) {

        /** Every user's top 10, counting at most {@code budgetBytes} of co-occurrences per block. */
        Map<Integer, List<Integer>> top(long budgetBytes) {
            return ItemKnn.top(liked, likes, seen, 10, budgetBytes);
        }

        /** Up to {@code maxRated} ratings per user, skewed toward the low ids of {@code items} (popular ones). */
        static Log random(long seed, int users, int maxRated, int firstItem, int items, double likeShare) {
            Random random = new Random(seed);
            Map<Integer, Set<Integer>> liked = new HashMap<>();
            Map<Integer, Set<Integer>> seen = new HashMap<>();
            for (int user = 0; user < users; user++) {
                int count = 1 + random.nextInt(maxRated);
                for (int n = 0; n < count; n++) {
                    int item = firstItem + (int) Math.floor(Math.pow(random.nextDouble(), 2) * items);
                    seen.computeIfAbsent(user, u -> new HashSet<>()).add(item);
                    if (random.nextDouble() < likeShare) {
                        liked.computeIfAbsent(user, u -> new HashSet<>()).add(item);
                    }
                }
            }
            Map<Integer, Integer> likes = new HashMap<>();
            liked.values().forEach(rated -> rated.forEach(item -> likes.merge(item, 1, Integer::sum)));
            return new Log(liked, seen, likes);
        }
    }

    /** The definition, user by user, as the evaluation computed it before the co-occurrence counts. */
    private static Map<Integer, Double> throughOtherUsers(int user, Map<Integer, Set<Integer>> liked,
            Map<Integer, Integer> likes, Set<Integer> seen) {
        Set<Integer> mine = liked.getOrDefault(user, Set.of());
        Map<Integer, Double> scores = new HashMap<>();
        for (Map.Entry<Integer, Set<Integer>> other : liked.entrySet()) {
            if (other.getKey() == user) {
                continue;
            }
            double overlap = 0;
            for (Integer j : mine) {
                if (other.getValue().contains(j)) {
                    overlap += 1 / Math.sqrt(likes.get(j));
                }
            }
            if (overlap == 0) {
                continue;
            }
            for (Integer i : other.getValue()) {
                if (!seen.contains(i)) {
                    scores.merge(i, overlap / Math.sqrt(likes.get(i)), Double::sum);
                }
            }
        }
        return scores;
    }

    private static List<Integer> best(Map<Integer, Double> scores, int k) {
        return scores.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(k).map(Map.Entry::getKey).toList();
    }
}
