package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.state.ItemSignalPack;
import io.attune.jobs.state.ItemSignalSlice;
import io.attune.jobs.stream.ItemSignals;
import io.attune.models.ranking.SharedItemTables;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.Test;

/**
 * Not a test: times what a profile subtask does on its task thread when a checkpoint asks for its item signals
 * (freezing its slice, {@link ItemSignalTables#slice}) and what the checkpoint's asynchronous part does with them
 * (packing the slice, {@link ItemSignalSlice#pack}), for the 20,000 engaged items of
 * {@link ItemSignalsFootprintCheck} (the default 64 neighbours and 256 affinities), all in one slice (parallelism 1).
 * The first rounds include the JIT's warm-up.
 * {@code mvn -pl jobs test -Dtest=ItemSignalsSnapshotCheck -Dattune.measure=true}
 */
@EnabledIfSystemProperty(named = "attune.measure", matches = "true")
class ItemSignalsSnapshotCheck {

    @Test
    void timeToPackASlice() {
        int items = ItemSignalsFootprintCheck.ITEMS;
        Random random = new Random(1);
        ItemSignalTables tables = new ItemSignalTables(new SharedItemTables());
        for (int i = 0; i < items; i++) {
            tables.put(new ItemSignals(ItemSignalsFootprintCheck.id(i), 3f,
                    ItemSignalsFootprintCheck.table(random, 64), ItemSignalsFootprintCheck.table(random, 256)));
        }
        for (int round = 1; round <= 8; round++) {
            long start = System.nanoTime();
            List<ItemSignalSlice> slices = tables.slice(id -> true);
            long frozen = System.nanoTime();
            List<ItemSignalPack> packs = slices.stream().map(ItemSignalSlice::pack).toList();
            long packed = System.nanoTime();
            System.out.printf("round %d: %,d items frozen on the task thread in %.2f ms, packed (asynchronous part) in "
                    + "%.0f ms (%d packs)%n", round, items, (frozen - start) / 1e6, (packed - frozen) / 1e6, packs.size());
            assertThat(packs.stream().mapToInt(pack -> pack.popularity().length).sum()).isEqualTo(items);
        }
    }
}
