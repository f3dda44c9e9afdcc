package io.attune.models.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.models.math.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InterestDotsTest {

    /** Not a multiple of any SIMD width, so every dot product has a scalar tail too. */
    private static final int DIMENSION = 100;
    private final Random random = new Random(11);

    @Test
    void rankingsFromKeptDotsAreTheScansOwnUnderCatalogChangesAndMovingInterests() {
        CatalogPartition feed = new CatalogPartition(DIMENSION);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add("item-" + i);
            feed.put("item-" + i, new String[] {"tag-" + i % 7}, unit());
        }
        List<Interest> interests = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            interests.add(new Interest(unit(), 1f + c, c % 2 == 0 ? "A" : "B"));
        }
        InterestDots kept = new InterestDots(1 << 20);
        InterestRanker cached = new InterestRanker(10, 0.3f, InterestRanker.DEFAULT_PROBES, kept);
        InterestRanker scan = new InterestRanker(10, 0.3f);
        int next = 300;
        for (int step = 0; step < 600; step++) {
            int what = random.nextInt(6);
            if (what == 0) {
                ids.add("item-" + next);
                feed.put("item-" + next, new String[] {"tag-" + next % 7}, unit());
                next++;
            } else if (what == 1) {
                feed.put(ids.get(random.nextInt(ids.size())), new String[] {"updated"}, unit());
            } else if (what == 2 && ids.size() > 20) {
                feed.remove(ids.remove(random.nextInt(ids.size())));
            } else if (what == 3) {
                // The interest an event fed moves; the others fade, their directions as they were.
                int c = random.nextInt(interests.size());
                interests.set(c, new Interest(unit(), 1f + random.nextInt(5), interests.get(c).origin()));
            } else if (what == 4) {
                List<Interest> faded = new ArrayList<>();
                for (Interest interest : interests) {
                    faded.add(new Interest(interest.direction(), interest.weight() * 0.9f, interest.origin()));
                }
                interests = faded;
            } else if (step % 50 == 0) {
                // More changes than the partition remembers, between two rankings.
                for (int i = 0; i < CatalogPartition.JOURNAL + 10; i++) {
                    feed.put(ids.get(random.nextInt(ids.size())), new String[0], unit());
                }
            }
            // A few co-engaged and popular items, so blended candidates take their similarity from the kept dots too.
            ItemScores coEngaged = new ItemScores();
            for (int i = 0; i < 5; i++) {
                coEngaged.add(ids.get(random.nextInt(ids.size())), 1f + i);
                feed.setPopularity(ids.get(random.nextInt(ids.size())), random.nextInt(100));
            }
            Evidence evidence = new Evidence(coEngaged, 0.4f, 0.1f, 20, 10);
            String left = ids.get(random.nextInt(ids.size()));
            List<Recommendation> expected = scan.rank(feed, interests, left::equals, evidence);
            List<Recommendation> actual = cached.rank(feed, interests, left::equals, evidence);
            assertThat(actual).as("step %d", step).isEqualTo(expected);
        }
        assertThat(kept.hits()).as("interests that did not move").isGreaterThan(kept.misses());
        assertThat(kept.updates()).as("catalog changes applied to kept entries").isPositive();
        assertThat(kept.bytes()).isLessThanOrEqualTo(1 << 20);
    }

    @Test
    void onlyANewDirectionIsScoredAgainstEveryItemAndACatalogChangeOnlyAgainstTheChangedOnes() {
        CatalogPartition feed = new CatalogPartition(DIMENSION);
        for (int i = 0; i < 50; i++) {
            feed.put("item-" + i, new String[0], unit());
        }
        float[] running = unit();
        float[] jazz = unit();
        InterestDots kept = new InterestDots(1 << 20);
        InterestRanker ranker = new InterestRanker(5, 0f, InterestRanker.DEFAULT_PROBES, kept);

        ranker.rank(feed, List.of(new Interest(running, 2f, "A"), new Interest(jazz, 1f, "A")), id -> false);
        assertThat(counts(kept)).containsExactly(0L, 0L, 2L);

        ranker.rank(feed, List.of(new Interest(running, 1f, "A"), new Interest(jazz, 0.5f, "A")), id -> false);
        assertThat(counts(kept)).as("faded, same directions").containsExactly(2L, 0L, 2L);

        float[] movedJazz = Vectors.normalized(add(jazz, running));
        ranker.rank(feed, List.of(new Interest(running, 1f, "A"), new Interest(movedJazz, 1f, "A")), id -> false);
        assertThat(counts(kept)).as("one interest moved").containsExactly(3L, 0L, 3L);

        // An item that matches jazz exactly arrives: both kept entries are brought up to date, none scored anew.
        feed.put("jazz-exactly", new String[0], movedJazz);
        List<Recommendation> picks = ranker.rank(feed,
                List.of(new Interest(running, 1f, "A"), new Interest(movedJazz, 1f, "A")), id -> false);
        assertThat(counts(kept)).containsExactly(3L, 2L, 3L);
        assertThat(picks.get(0).itemId()).isEqualTo("jazz-exactly");

        // And withdrawn: the item that took its slot is scored in its place.
        feed.remove("item-0");
        feed.remove("jazz-exactly");
        picks = ranker.rank(feed, List.of(new Interest(running, 1f, "A"), new Interest(movedJazz, 1f, "A")),
                id -> false);
        assertThat(picks).extracting(Recommendation::itemId).doesNotContain("jazz-exactly", "item-0");
        assertThat(picks).isEqualTo(new InterestRanker(5, 0f).rank(feed,
                List.of(new Interest(running, 1f, "A"), new Interest(movedJazz, 1f, "A")), id -> false));
    }

    @Test
    void theLeastRecentlyUsedEntriesGoOnceTheCapacityIsFull() {
        CatalogPartition feed = new CatalogPartition(DIMENSION);
        for (int i = 0; i < 1_000; i++) {
            feed.put("item-" + i, new String[0], unit());
        }
        // One entry: 1,000 dot products and a 100-float key, 4,400 bytes and some overhead.
        InterestDots kept = new InterestDots(6_000);
        InterestRanker ranker = new InterestRanker(5, 0f, InterestRanker.DEFAULT_PROBES, kept);
        float[] first = unit();
        float[] second = unit();
        ranker.rank(feed, List.of(new Interest(first, 1f, "A")), id -> false);
        ranker.rank(feed, List.of(new Interest(second, 1f, "A")), id -> false);
        ranker.rank(feed, List.of(new Interest(second, 1f, "A")), id -> false);
        ranker.rank(feed, List.of(new Interest(first, 1f, "A")), id -> false);
        assertThat(counts(kept)).as("the second evicted the first").containsExactly(1L, 0L, 3L);
        assertThat(kept.bytes()).isBetween(4_400L, 6_000L);

        // Two interests that do not both fit: the ranking is still the scan's.
        List<Interest> both = List.of(new Interest(first, 1f, "A"), new Interest(second, 0.5f, "B"));
        assertThat(ranker.rank(feed, both, id -> false))
                .isEqualTo(new InterestRanker(5, 0f).rank(feed, both, id -> false));
        assertThat(kept.bytes()).isLessThanOrEqualTo(6_000L);

        assertThatThrownBy(() -> new InterestDots(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInterestWithAnIdentityIsFoundByItAndTakesLessRoom() {
        CatalogPartition feed = new CatalogPartition(DIMENSION);
        for (int i = 0; i < 100; i++) {
            feed.put("item-" + i, new String[0], unit());
        }
        float[] direction = unit();
        InterestDots byDirection = new InterestDots(1 << 20);
        InterestDots byIdentity = new InterestDots(1 << 20);
        InterestRanker scan = new InterestRanker(5, 0f);
        for (int round = 0; round < 2; round++) {
            // A fresh copy each time, as a profile decodes its interests afresh for every refresh.
            List<Interest> plain = List.of(new Interest(direction.clone(), 1f, "A"));
            List<Interest> identified = List.of(new Interest(direction.clone(), 1f, "A", new byte[] {1, 2, 3}));
            List<Recommendation> expected = scan.rank(feed, plain, id -> false);
            assertThat(new InterestRanker(5, 0f, 1, byDirection).rank(feed, plain, id -> false)).isEqualTo(expected);
            assertThat(new InterestRanker(5, 0f, 1, byIdentity).rank(feed, identified, id -> false))
                    .isEqualTo(expected);
        }
        assertThat(counts(byIdentity)).containsExactly(1L, 0L, 1L);
        assertThat(counts(byDirection)).containsExactly(1L, 0L, 1L);
        assertThat(byDirection.bytes() - byIdentity.bytes()).as("a 100-float direction against 3 bytes")
                .isEqualTo(4L * DIMENSION - 3);

        // Another identity is another interest, even with the same direction.
        new InterestRanker(5, 0f, 1, byIdentity).rank(feed,
                List.of(new Interest(direction.clone(), 1f, "A", new byte[] {1, 2, 4})), id -> false);
        assertThat(counts(byIdentity)).containsExactly(1L, 0L, 2L);
    }

    @Test
    void whatACallerDoesToItsArraysAfterwardsDoesNotReachTheKeptEntries() {
        CatalogPartition feed = new CatalogPartition(DIMENSION);
        for (int i = 0; i < 100; i++) {
            feed.put("item-" + i, new String[0], unit());
        }
        float[] direction = unit();
        byte[] identity = {4, 5, 6};
        InterestDots kept = new InterestDots(1 << 20);
        InterestRanker ranker = new InterestRanker(5, 0f, 1, kept);
        float[] reused = direction.clone();
        byte[] reusedIdentity = identity.clone();
        ranker.rank(feed, List.of(new Interest(reused, 1f, "A"), new Interest(reused.clone(), 1f, "B", reusedIdentity)),
                id -> false);
        Arrays.fill(reused, 0f);
        Arrays.fill(reusedIdentity, (byte) 0);

        List<Interest> again = List.of(new Interest(direction.clone(), 1f, "A"),
                new Interest(direction.clone(), 1f, "B", identity.clone()));
        assertThat(ranker.rank(feed, again, id -> false)).isEqualTo(new InterestRanker(5, 0f).rank(feed, again,
                id -> false));
        assertThat(counts(kept)).containsExactly(2L, 0L, 2L);
    }

    @Test
    void anIndexedPartitionIsProbedAsBeforeAndKeepsNothing() {
        CatalogPartition feed = new CatalogPartition(DIMENSION, 64);
        for (int i = 0; i < 200; i++) {
            feed.put("item-" + i, new String[0], unit());
        }
        InterestDots kept = new InterestDots(1 << 20);
        List<Interest> interests = List.of(new Interest(unit(), 1f, "A"), new Interest(unit(), 2f, "B"));
        assertThat(new InterestRanker(5, 0.2f, 4, kept).rank(feed, interests, id -> false))
                .isEqualTo(new InterestRanker(5, 0.2f, 4).rank(feed, interests, id -> false));
        assertThat(counts(kept)).containsExactly(0L, 0L, 0L);
        assertThat(kept.bytes()).isZero();
    }

    private static List<Long> counts(InterestDots kept) {
        return List.of(kept.hits(), kept.updates(), kept.misses());
    }

    private static float[] add(float[] a, float[] b) {
        float[] out = a.clone();
        Vectors.addScaled(out, b, 1f);
        return out;
    }

    private float[] unit() {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalized(v);
    }
}
