package io.attune.models.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NeighborTableTest {

    @Test
    void heavyNeighboursSurviveChurnAmongRareOnes() {
        NeighborTable table = NeighborTable.empty();
        Random random = new Random(4);
        for (int i = 0; i < 2_000; i++) {
            table = table.add(i % 4 == 0 ? "heavy" : "rare-" + random.nextInt(500), 1f, 8);
        }
        int heavy = java.util.Arrays.asList(table.neighbors()).indexOf("heavy");
        assertThat(table.neighbors()).hasSize(8).contains("heavy");
        assertThat(table.guaranteed(heavy)).isGreaterThanOrEqualTo(400f);
        float bestRare = 0f;
        for (int i = 0; i < table.neighbors().length; i++) {
            if (i != heavy) {
                bestRare = Math.max(bestRare, table.guaranteed(i));
            }
        }
        assertThat(bestRare).as("a rare neighbour's guaranteed weight stays small").isLessThan(10f);
    }

    @Test
    void addingCopiesAndNeverChangesTheOriginal() {
        NeighborTable one = NeighborTable.empty().add("a", 1f, 2);
        NeighborTable two = one.add("a", 2f, 2);
        assertThat(one.weights()).containsExactly(1f);
        assertThat(two.weights()).containsExactly(3f);
        assertThat(two.guaranteed(0)).isEqualTo(3f);
    }

    @Test
    void theStrongestAreTheMostCertainlyCoEngagedStrongestFirst() {
        NeighborTable table = new NeighborTable(new String[] {"a", "b", "c", "d", "e"},
                new float[] {5f, 9f, 4f, 3f, 6f}, new float[] {0f, 6f, 0f, 3f, 1f});
        NeighborTable top = table.strongest(3);
        assertThat(top.neighbors()).containsExactly("a", "e", "c");
        assertThat(top.weights()).as("what was certainly observed").containsExactly(5f, 5f, 4f);
        assertThat(top.errors()).isEmpty();
        assertThat(top.guaranteed(1)).isEqualTo(table.guaranteed(4));
        assertThat(table.strongest(10).neighbors()).as("d has nothing guaranteed").containsExactly("a", "e", "c", "b");
        assertThat(table.strongest(0).neighbors()).isEmpty();
    }

    @Test
    void aPublishedTableCountsOnFromItsObservedWeights() {
        NeighborTable published = new NeighborTable(new String[] {"a", "b"}, new float[] {5f, 9f},
                new float[] {0f, 6f}).strongest(2);
        NeighborTable counted = published.add("c", 1f, 2);
        assertThat(counted.neighbors()).containsExactly("a", "c");
        assertThat(counted.errors()).as("c took b's slot and inherited its weight").containsExactly(0f, 3f);
        assertThat(counted.guaranteed(1)).isEqualTo(1f);
        assertThat(published.add("a", 1f, 2).guaranteed(0)).isEqualTo(6f);
    }

    @Test
    void theStrongestOfGatheredArraysAreTheMostCertainStrongestFirstTiesById() {
        Random random = new Random(35);
        for (int trial = 0; trial < 200; trial++) {
            int size = random.nextInt(300);
            String[] ids = new String[size];
            float[] weights = new float[size];
            float[] errors = new float[trial % 2 == 0 ? 0 : size];
            for (int i = 0; i < size; i++) {
                ids[i] = "item-" + random.nextInt(1000) + "-" + i;
                // Small whole counts, as affinity tables hold: many ties at any cut.
                weights[i] = random.nextInt(6);
                if (errors.length > 0) {
                    errors[i] = random.nextInt(3);
                }
            }
            int n = random.nextInt(size + 2);

            NeighborTable selected = NeighborTable.strongest(ids, weights, errors, size, n);

            Integer[] all = new Integer[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            java.util.function.IntToDoubleFunction guaranteed =
                    i -> errors.length == 0 ? weights[i] : weights[i] - errors[i];
            List<Integer> expected = Arrays.stream(all).filter(i -> guaranteed.applyAsDouble(i) > 0)
                    .sorted(java.util.Comparator.comparingDouble((Integer i) -> -guaranteed.applyAsDouble(i))
                            .thenComparing(i -> ids[i]))
                    .limit(n).toList();
            assertThat(selected.neighbors()).containsExactly(expected.stream().map(i -> ids[i]).toArray(String[]::new));
            for (int j = 0; j < expected.size(); j++) {
                assertThat(selected.weights()[j]).isEqualTo((float) guaranteed.applyAsDouble(expected.get(j)));
            }
            assertThat(selected.errors()).isEmpty();
        }
    }
}
