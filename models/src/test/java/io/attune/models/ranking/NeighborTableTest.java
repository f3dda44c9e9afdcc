package io.attune.models.ranking;

import static org.assertj.core.api.Assertions.assertThat;

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
}
