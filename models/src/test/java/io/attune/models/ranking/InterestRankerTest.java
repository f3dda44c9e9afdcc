package io.attune.models.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.models.math.Vectors;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InterestRankerTest {

    private static final int DIMENSION = 64;
    private final Random random = new Random(5);
    private final float[] running = unit();
    private final float[] jazz = unit();

    @Test
    void aPersonWithTwoInterestsSeesBothAndEachPickSaysWhy() {
        CatalogPartition feed = new CatalogPartition(DIMENSION);
        for (int i = 0; i < 10; i++) {
            feed.put("run-" + i, new String[] {"running", "outdoors"}, near(running, 0.9f));
            feed.put("jazz-" + i, new String[] {"jazz"}, near(jazz, 0.8f));
            feed.put("other-" + i, new String[] {"cooking"}, unit());
        }
        List<Interest> interests = List.of(
                new Interest(running, 4f, "MESSENGER"), new Interest(jazz, 1f, "INSTAGRAM"));

        List<Recommendation> picks = new InterestRanker(6, 0.3f).rank(feed, interests, id -> false);

        assertThat(picks).hasSize(6);
        assertThat(picks.get(0).itemId()).startsWith("run-");
        assertThat(picks).filteredOn(r -> r.itemId().startsWith("jazz-")).as("the weaker interest is not drowned")
                .isNotEmpty();
        assertThat(picks).noneMatch(r -> r.itemId().startsWith("other-"));
        Recommendation jazzPick = picks.stream().filter(r -> r.itemId().startsWith("jazz-")).findFirst().orElseThrow();
        assertThat(jazzPick.reason()).isEqualTo("matches your interest in jazz, from your INSTAGRAM activity");
        assertThat(picks.get(0).reason()).isEqualTo("matches your interest in outdoors, running, from your MESSENGER activity");
    }

    @Test
    void withoutDiversityTheStrongInterestTakesEverySlot() {
        CatalogPartition feed = new CatalogPartition(DIMENSION);
        for (int i = 0; i < 10; i++) {
            feed.put("run-" + i, new String[0], near(running, 0.9f));
            feed.put("jazz-" + i, new String[0], near(jazz, 0.8f));
        }
        List<Interest> interests = List.of(new Interest(running, 4f, "A"), new Interest(jazz, 1f, "B"));
        assertThat(new InterestRanker(6, 0f).rank(feed, interests, id -> false))
                .allMatch(r -> r.itemId().startsWith("run-"))
                .isSortedAccordingTo((a, b) -> Float.compare(b.score(), a.score()));
    }

    @Test
    void withoutDiversityTheRankingIsTheBestScoresWithTiesByIdAndExclusionsLeftOut() {
        // Few distinct vectors, so many items tie exactly; the pool must keep the same ones a full sort would.
        float[][] shapes = new float[12][];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = unit();
        }
        for (int trial = 0; trial < 20; trial++) {
            CatalogPartition feed = new CatalogPartition(DIMENSION);
            java.util.Map<String, float[]> vectors = new java.util.HashMap<>();
            for (int i = 0; i < 300; i++) {
                String id = String.format("item-%03d", random.nextInt(1000));
                float[] vector = shapes[random.nextInt(shapes.length)];
                feed.put(id, new String[0], vector);
                vectors.put(id, vector);
            }
            float[] interest = unit();
            Set<String> excluded = new java.util.HashSet<>();
            vectors.keySet().stream().filter(id -> random.nextInt(5) == 0).forEach(excluded::add);
            List<String> expected = vectors.keySet().stream()
                    .filter(id -> !excluded.contains(id))
                    .sorted(java.util.Comparator.comparingDouble((String id) -> -Vectors.dot(interest, vectors.get(id)))
                            .thenComparing(id -> id))
                    .limit(15)
                    .toList();

            List<Recommendation> picks = new InterestRanker(15, 0f)
                    .rank(feed, List.of(new Interest(interest, 1f, "A")), excluded::contains);

            assertThat(picks).extracting(Recommendation::itemId).as("trial %d", trial).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void excludedItemsAreSkipped() {
        CatalogPartition feed = new CatalogPartition(DIMENSION);
        feed.put("a", new String[0], running);
        feed.put("b", new String[0], near(running, 0.7f));
        List<Recommendation> picks = new InterestRanker(2, 0f)
                .rank(feed, List.of(new Interest(running, 1f, "A")), Set.of("a")::contains);
        assertThat(picks).extracting(Recommendation::itemId).containsExactly("b");
        assertThat(picks.get(0).reason()).isEqualTo("matches interests from your A activity");
    }

    @Test
    void anInterestIsNamedByWhatThePersonEngagedWithNotByTheNextBestItemAlone() {
        CatalogPartition feed = new CatalogPartition(DIMENSION);
        feed.put("liked-jazz-club", new String[] {"jazz", "music"}, jazz);
        feed.put("landscape", new String[] {"photography", "travel"}, near(jazz, 0.4f));
        feed.put("pasta", new String[] {"cooking"}, unit());
        List<Recommendation> picks = new InterestRanker(1, 0f).rank(feed, List.of(new Interest(jazz, 1f, "A")),
                Set.of("liked-jazz-club")::contains);
        assertThat(picks).extracting(Recommendation::itemId).as("the liked item is not recommended again")
                .containsExactly("landscape");
        assertThat(picks.get(0).reason()).isEqualTo("matches your interest in jazz, music, from your A activity");
    }

    @Test
    void aWeakMatchIsNotClaimedAsAnInterest() {
        CatalogPartition feed = new CatalogPartition(DIMENSION);
        feed.put("run", new String[] {"running"}, running);
        feed.put("unrelated", new String[] {"shopping"}, jazz);
        List<Recommendation> picks = new InterestRanker(2, 0f).rank(feed, List.of(new Interest(running, 1f, "A")),
                id -> false);
        assertThat(picks).extracting(Recommendation::reason).containsExactly(
                "matches your interest in running, from your A activity", InterestRanker.VARIETY);
    }

    @Test
    void coEngagementAndPopularityBringInItemsContentAloneWouldMiss() {
        CatalogPartition feed = new CatalogPartition(DIMENSION);
        feed.put("run", new String[] {"running"}, running);
        feed.put("run-2", new String[] {"running"}, near(running, 0.9f));
        feed.put("jazz", new String[] {"jazz"}, jazz);
        List<Interest> interests = List.of(new Interest(running, 1f, "A"));
        feed.put("pop", new String[] {"news"}, near(jazz, 0.1f));
        feed.setPopularity("jazz", 50f);
        feed.setPopularity("run-2", 1f);
        feed.setPopularity("pop", 400f);
        Evidence evidence = new Evidence(ItemScores.of(java.util.Map.of("jazz", 3f, "missing", 9f)), 1f, 0.3f, 0);

        List<Recommendation> picks = new InterestRanker(2, 0f).rank(feed, interests, "run"::equals, evidence);

        assertThat(picks).extracting(Recommendation::itemId).containsExactly("jazz", "run-2");
        assertThat(picks.get(0).reason()).isEqualTo(InterestRanker.CO_ENGAGED);
        assertThat(picks.get(0).score()).as("1 (co-engagement) + 0.3 × log 51 / log 51 + its similarity")
                .isCloseTo(1.3f, org.assertj.core.api.Assertions.within(0.2f));
        assertThat(new InterestRanker(2, 0f).rank(feed, interests, "run"::equals,
                new Evidence(new ItemScores(), 0f, 5f, 1))).extracting(Recommendation::itemId)
                .as("the most popular item joins the candidates").startsWith("pop");
        assertThat(new InterestRanker(2, 0f).rank(feed, interests, "run"::equals, Evidence.none()))
                .extracting(Recommendation::itemId).as("by content alone").startsWith("run-2");
    }

    @Test
    void onlyTheMostCoEngagedItemsBecomeCandidates() {
        CatalogPartition feed = runningAndThreeKindsOfMusic();
        List<Interest> interests = List.of(new Interest(running, 1f, "A"));
        ItemScores co = ItemScores.of(java.util.Map.of("jazz", 1f, "blues", 5f, "soul", 3f));

        // A tiny catalog puts every item in the similarity pool, so what tells is whether jazz's score
        // carries its co-engagement (10 × 1/5 = 2).
        assertThat(score(new InterestRanker(3, 0f).rank(feed, interests, "run"::equals,
                new Evidence(co, 10f, 0f, 0, 2)), "jazz")).as("jazz, the weakest, left out").isLessThan(1f);
        assertThat(score(new InterestRanker(3, 0f).rank(feed, interests, "run"::equals,
                new Evidence(co, 10f, 0f, 0)), "jazz")).as("without a limit").isGreaterThan(1.5f);
        assertThat(new InterestRanker(3, 0f).rank(feed, interests, "run"::equals, new Evidence(co, 10f, 0f, 0, 0)))
                .as("no co-engaged candidates at all").extracting(Recommendation::reason)
                .doesNotContain(InterestRanker.CO_ENGAGED);
    }

    @Test
    void affinityAddsToCoEngagementAndBringsInItemsOfItsOwn() {
        CatalogPartition feed = runningAndThreeKindsOfMusic();
        List<Interest> interests = List.of(new Interest(running, 1f, "A"));
        ItemScores co = ItemScores.of(java.util.Map.of("jazz", 2f, "blues", 4f));
        ItemScores affinity = ItemScores.of(java.util.Map.of("jazz", 6f, "soul", 3f));

        List<Recommendation> with = new InterestRanker(3, 0f).rank(feed, interests, "run"::equals,
                new Evidence(co, 1f, 0f, 0, 1, affinity, 1f));
        List<Recommendation> without = new InterestRanker(3, 0f).rank(feed, interests, "run"::equals,
                new Evidence(co, 1f, 0f, 0, 1, affinity, 0f));

        assertThat(score(with, "jazz") - score(without, "jazz")).as("the strongest affinity: 6/6")
                .isCloseTo(1f, within(1e-4f));
        assertThat(score(with, "soul") - score(without, "soul")).as("half of it: 3/6")
                .isCloseTo(0.5f, within(1e-4f));
        assertThat(score(with, "blues") - score(without, "blues")).as("no affinity").isCloseTo(0f, within(1e-4f));
        assertThat(with).extracting(Recommendation::itemId).as("jazz overtakes soul")
                .containsSubsequence("jazz", "soul");
        assertThat(without).extracting(Recommendation::itemId).containsSubsequence("soul", "jazz");
    }

    @Test
    void theItemsWithTheMostAffinityBecomeCandidates() {
        CatalogPartition feed = new CatalogPartition(DIMENSION);
        feed.put("run", new String[] {"running"}, running);
        for (int i = 0; i < 40; i++) {
            feed.put("run-" + i, new String[] {"running"}, near(running, 0.95f));
        }
        feed.put("jazz", new String[] {"jazz"}, jazz);
        List<Interest> interests = List.of(new Interest(running, 1f, "A"));
        ItemScores affinity = ItemScores.of(java.util.Map.of("jazz", 6f));
        assertThat(new InterestRanker(2, 0f).rank(feed, interests, "run"::equals,
                new Evidence(new ItemScores(), 1f, 0f, 0, 1, affinity, 5f))).extracting(Recommendation::itemId)
                .as("jazz, far from every interest and outside the similarity pool, comes in for its affinity")
                .startsWith("jazz");
        assertThat(new InterestRanker(2, 0f).rank(feed, interests, "run"::equals,
                new Evidence(new ItemScores(), 1f, 0f, 0, 0, affinity, 5f))).extracting(Recommendation::itemId)
                .doesNotContain("jazz");
    }

    /** A running item and three music items, far from running and at different distances from jazz. */
    private CatalogPartition runningAndThreeKindsOfMusic() {
        CatalogPartition feed = new CatalogPartition(DIMENSION);
        feed.put("run", new String[] {"running"}, running);
        feed.put("jazz", new String[] {"jazz"}, jazz);
        feed.put("blues", new String[] {"blues"}, near(jazz, 0.5f));
        feed.put("soul", new String[] {"soul"}, near(jazz, 0.8f));
        return feed;
    }

    private static float score(List<Recommendation> picks, String itemId) {
        return picks.stream().filter(r -> r.itemId().equals(itemId)).findFirst().orElseThrow().score();
    }

    @Test
    void thePartitionStaysDenseUnderUpdatesAndRemovals() {
        CatalogPartition feed = new CatalogPartition(DIMENSION);
        for (int i = 0; i < 40; i++) {
            feed.put("item-" + i, new String[0], unit());
        }
        feed.put("item-3", new String[0], running);
        feed.remove("item-0");
        feed.remove("item-39");
        feed.remove("missing");
        assertThat(feed.size()).isEqualTo(38);
        List<Recommendation> picks = new InterestRanker(1, 0f)
                .rank(feed, List.of(new Interest(running, 1f, "A")), id -> false);
        assertThat(picks.get(0).itemId()).isEqualTo("item-3");
        // Scored on the item's int8 code: within 10⁻³ of the cosine.
        assertThat(picks.get(0).score()).isGreaterThan(0.998f);
        assertThatThrownBy(() -> feed.put("bad", new String[0], new float[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private float[] unit() {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalized(v);
    }

    private float[] near(float[] topic, float share) {
        float[] out = topic.clone();
        Vectors.scale(out, share);
        Vectors.addScaled(out, unit(), (float) Math.sqrt(1 - share * share));
        return Vectors.normalized(out);
    }
}
