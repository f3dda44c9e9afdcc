package io.attune.models.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.models.math.Int8Vectors;
import io.attune.models.math.Vectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The coarse-list index behind large partitions: close to exact, and consistent under live updates. */
class CatalogPartitionIndexTest {

    private static final int DIMENSION = 64;
    private final Random random = new Random(23);
    private final float[][] themes = new float[40][];

    CatalogPartitionIndexTest() {
        for (int i = 0; i < themes.length; i++) {
            themes[i] = unit();
        }
    }

    @Test
    void aCodedItemIsKeptByReferenceAndRanksAsItsVectorDoes() {
        CatalogPartition fromCodes = new CatalogPartition(DIMENSION, 256);
        CatalogPartition fromVectors = new CatalogPartition(DIMENSION, 256);
        List<byte[]> codes = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            float[] item = item();
            byte[] code = new byte[DIMENSION];
            float scale = Int8Vectors.encode(item, 0, DIMENSION, code, 0);
            codes.add(code);
            fromCodes.put("item-" + i, new String[0], code, scale);
            fromVectors.put("item-" + i, new String[0], item);
        }
        // Replacing and removing move items between slots: each keeps its own array.
        fromCodes.remove("item-3");
        fromVectors.remove("item-3");
        assertThat(fromCodes.lists()).isNotNull();
        for (int i : new int[] {0, 500, 999}) {
            assertThat(fromCodes.codes()[fromCodes.slotOf("item-" + i)]).as("item-%d: the given array, not a copy", i)
                    .isSameAs(codes.get(i));
        }
        InterestRanker ranker = new InterestRanker(20, 0f, 8);
        for (int q = 0; q < 20; q++) {
            List<Interest> interests = List.of(new Interest(themes[q], 1f, "APP"));
            assertThat(ranker.rank(fromCodes, interests, id -> false)).extracting(Recommendation::itemId)
                    .containsExactlyElementsOf(ranker.rank(fromVectors, interests, id -> false).stream()
                            .map(Recommendation::itemId).toList());
        }
    }

    @Test
    void theIndexFindsNearlyWhatAnExactScanFinds() {
        CatalogPartition indexed = new CatalogPartition(DIMENSION, 256);
        CatalogPartition exact = new CatalogPartition(DIMENSION, Integer.MAX_VALUE);
        for (int i = 0; i < 4_000; i++) {
            float[] item = item();
            indexed.put("item-" + i, new String[0], item);
            exact.put("item-" + i, new String[0], item);
        }
        assertThat(indexed.lists()).isNotNull();
        assertThat(exact.lists()).isNull();
        InterestRanker ranker = new InterestRanker(20, 0f, 8);
        int found = 0;
        for (int person = 0; person < 50; person++) {
            List<Interest> interests = List.of(
                    new Interest(item(), 3f, "A"), new Interest(item(), 1f, "B"), new Interest(item(), 0.5f, "C"));
            Set<String> truth = new HashSet<>();
            ranker.rank(exact, interests, id -> false).forEach(r -> truth.add(r.itemId()));
            for (Recommendation r : ranker.rank(indexed, interests, id -> false)) {
                found += truth.contains(r.itemId()) ? 1 : 0;
            }
        }
        assertThat(found / (50.0 * 20)).isGreaterThan(0.9);
    }

    @Test
    void everyItemStaysFindableThroughAddsReplacementsAndRemovals() {
        CatalogPartition partition = new CatalogPartition(DIMENSION, 256);
        Map<String, float[]> live = new HashMap<>();
        for (int i = 0; i < 3_000; i++) {
            String id = "item-" + random.nextInt(2_500);
            int action = random.nextInt(10);
            if (action < 7) {
                float[] vector = item();
                partition.put(id, new String[0], vector);
                live.put(id, vector);
            } else {
                partition.remove(id);
                live.remove(id);
            }
        }
        assertThat(partition.lists()).isNotNull();
        assertThat(partition.size()).isEqualTo(live.size());
        // An item is filed under the list nearest its int8 code, and its own float vector is nearest that list too
        // unless the code's rounding crossed a boundary between two lists: one probe finds it, first, with those
        // few exceptions.
        InterestRanker oneProbe = new InterestRanker(1, 0f, 1);
        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, float[]> item : live.entrySet()) {
            List<Recommendation> top = oneProbe.rank(partition, List.of(new Interest(item.getValue(), 1f, "A")),
                    id -> false);
            if (top.isEmpty() || !top.get(0).itemId().equals(item.getKey())) {
                lost.add(item.getKey());
            }
        }
        assertThat(lost.size()).as("lost at a list boundary: %s", lost).isLessThanOrEqualTo(live.size() / 500);
        Set<String> removed = new HashSet<>();
        for (int i = 0; i < 2_500; i++) {
            if (!live.containsKey("item-" + i)) {
                removed.add("item-" + i);
            }
        }
        InterestRanker wide = new InterestRanker(50, 0f, 1_000);
        for (float[] theme : themes) {
            assertThat(wide.rank(partition, List.of(new Interest(theme, 1f, "A")), id -> false))
                    .extracting(Recommendation::itemId).doesNotContainAnyElementsOf(removed);
        }
    }

    @Test
    void theMostPopularItemsStayRightThroughPopularityChangesAddsAndRemovals() {
        CatalogPartition partition = new CatalogPartition(DIMENSION);
        Map<String, Float> truth = new HashMap<>();
        for (int step = 0; step < 20_000; step++) {
            String id = "item-" + random.nextInt(300);
            int action = random.nextInt(20);
            if (action == 0) {
                partition.remove(id);
                truth.remove(id);
            } else if (action < 3 || !truth.containsKey(id)) {
                partition.put(id, new String[0], item());
                truth.putIfAbsent(id, 0f);
            } else {
                // Small integers, so ties are common; mostly growing, like engagement counts.
                float value = random.nextInt(10) == 0 ? random.nextInt(5) : truth.get(id) + random.nextInt(3);
                partition.setPopularity(id, value);
                truth.put(id, value);
            }
            if (step % 7 == 0) {
                int n = step < 10_000 ? 20 : 5;
                List<String> expected = truth.entrySet().stream().filter(e -> e.getValue() > 0f)
                        .sorted((a, b) -> b.getValue().equals(a.getValue())
                                ? Integer.compare(partition.slotOf(a.getKey()), partition.slotOf(b.getKey()))
                                : Float.compare(b.getValue(), a.getValue()))
                        .limit(n).map(Map.Entry::getKey).toList();
                List<String> actual = new ArrayList<>();
                for (int slot : partition.mostPopular(n)) {
                    actual.add(partition.id(slot));
                }
                assertThat(actual).as("step %d", step).isEqualTo(expected);
            }
        }
    }

    private float[] item() {
        float[] out = new float[DIMENSION];
        Vectors.addScaled(out, themes[random.nextInt(themes.length)], 0.8f);
        Vectors.addScaled(out, unit(), 0.6f);
        return Vectors.normalized(out);
    }

    private float[] unit() {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalized(v);
    }
}
