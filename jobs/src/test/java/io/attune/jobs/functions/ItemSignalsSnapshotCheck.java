package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.state.ItemSignalPack;
import io.attune.jobs.stream.ItemSignals;
import io.attune.models.ranking.NeighborTable;
import io.attune.models.ranking.SharedItemTables;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.Test;

/**
 * Not a test: times what a profile subtask does on its task thread when a checkpoint asks for its item signals
 * (packing its slice, {@link ItemSignalTables#slice}), for 20,000 engaged items with the default 64 neighbours and
 * 256 affinities, all in one slice (parallelism 1). The first rounds include the JIT's warm-up.
 * {@code mvn -pl jobs test -Dtest=ItemSignalsSnapshotCheck -Dattune.measure=true}
 */
@EnabledIfSystemProperty(named = "attune.measure", matches = "true")
class ItemSignalsSnapshotCheck {

    private static final int ITEMS = 20_000;

    @Test
    void timeToPackASlice() {
        Random random = new Random(1);
        ItemSignalTables tables = new ItemSignalTables(new SharedItemTables());
        for (int i = 0; i < ITEMS; i++) {
            tables.put(new ItemSignals(id(i), 3f, table(random, 64), table(random, 256)));
        }
        for (int round = 1; round <= 8; round++) {
            long start = System.nanoTime();
            List<ItemSignalPack> packs = tables.slice(id -> true);
            System.out.printf("round %d: %,d items packed in %.0f ms (%d packs)%n", round, ITEMS,
                    (System.nanoTime() - start) / 1e6, packs.size());
            assertThat(packs.stream().mapToInt(pack -> pack.popularity().length).sum()).isEqualTo(ITEMS);
        }
    }

    private static NeighborTable table(Random random, int size) {
        String[] ids = new String[size];
        float[] weights = new float[size];
        for (int j = 0; j < size; j++) {
            double u = random.nextDouble();
            ids[j] = id((int) (u * u * ITEMS));
            weights[j] = size - j;
        }
        return new NeighborTable(ids, weights, new float[0]);
    }

    private static String id(int i) {
        return String.format("item-%06d", i);
    }
}
