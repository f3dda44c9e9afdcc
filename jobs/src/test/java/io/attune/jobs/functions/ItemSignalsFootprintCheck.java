package io.attune.jobs.functions;

import io.attune.jobs.stream.ItemSignals;
import io.attune.models.ranking.ItemTables;
import io.attune.models.ranking.NeighborTable;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: measures the heap that the item signals held in a profile subtask's broadcast state take per
 * engaged item, as they arrive (deserialized one by one, each with its own copy of every id it names) and once
 * {@link ItemSignals#internIds} has made them share their ids (docs/recommendation-quality.md, "Cost"), and with
 * the {@link ItemTables} a profile subtask numbers them into for gathering.
 * 20,000 items, each publishing the default 64 neighbours and 256 affinities, partners drawn with a skew toward
 * popular items, 11-character ids. Heap is read after repeated full collections, so figures are approximate.
 * {@code mvn -pl jobs test -Dtest=ItemSignalsFootprintCheck -Dattune.measure=true}
 */
@EnabledIfSystemProperty(named = "attune.measure", matches = "true")
class ItemSignalsFootprintCheck {

    private static final int ITEMS = 20_000;

    @Test
    void heapPerEngagedItem() throws Exception {
        TypeSerializer<ItemSignals> serializer =
                TypeInformation.of(ItemSignals.class).createSerializer(new SerializerConfigImpl());
        Random random = new Random(11);
        long empty = usedHeap();
        Map<String, ItemSignals> held = new HashMap<>();
        DataOutputSerializer out = new DataOutputSerializer(16_384);
        for (int i = 0; i < ITEMS; i++) {
            out.clear();
            serializer.serialize(new ItemSignals(id(i), 10f, table(random, 64), table(random, 256)), out);
            ItemSignals arrived = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
            held.put(arrived.itemId(), arrived);
        }
        long asArrived = usedHeap() - empty;
        held.values().forEach(ItemSignals::internIds);
        long shared = usedHeap() - empty;
        ItemTables tables = new ItemTables();
        held.values().forEach(signals -> tables.put(signals.itemId(), signals.popularity(), signals.neighbors(),
                signals.affinityOrEmpty()));
        long numbered = usedHeap() - empty;
        System.out.printf("%,d items, 64 neighbours + 256 affinities each: %,d bytes per item as deserialized, "
                + "%,d bytes per item with shared ids (%.1fx less), %,d with their item tables too (%d items "
                + "numbered)%n", held.size(), asArrived / ITEMS, shared / ITEMS, (double) asArrived / shared,
                numbered / ITEMS, tables.size());
    }

    private static NeighborTable table(Random random, int size) {
        String[] ids = new String[size];
        float[] weights = new float[size];
        for (int j = 0; j < size; j++) {
            // Squared uniform: most partners among the first items, as co-engagement favours popular ones.
            double u = random.nextDouble();
            ids[j] = id((int) (u * u * ITEMS));
            weights[j] = size - j;
        }
        // As published (NeighborTable.strongest): guaranteed weights, no errors.
        return new NeighborTable(ids, weights, new float[0]);
    }

    private static String id(int i) {
        return String.format("item-%06d", i);
    }

    /** Heap in use after full collections, repeated until it stops shrinking (an explicit GC is a full one). */
    private static long usedHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            System.gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                break;
            }
            used = now;
        }
        return used;
    }
}
