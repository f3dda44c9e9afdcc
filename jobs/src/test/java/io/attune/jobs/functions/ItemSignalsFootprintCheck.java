package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.testing.Heap;
import io.attune.jobs.stream.ItemSignals;
import io.attune.models.ranking.NeighborTable;
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
 * Not a test: measures the heap that the item signals a profile subtask holds take per engaged item, as they arrive
 * (deserialized one by one, each with its own copy of every id it names) and as the subtask keeps them, numbered into
 * {@link ItemSignalTables} with the signals themselves dropped (docs/recommendation-quality.md, "Cost").
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
        long empty = Heap.used();
        Map<String, ItemSignals> held = new HashMap<>();
        DataOutputSerializer out = new DataOutputSerializer(16_384);
        for (int i = 0; i < ITEMS; i++) {
            out.clear();
            serializer.serialize(new ItemSignals(id(i), 10f, table(random, 64), table(random, 256)), out);
            ItemSignals arrived = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
            held.put(arrived.itemId(), arrived);
        }
        long asArrived = Heap.used() - empty;
        ItemSignalTables kept = new ItemSignalTables();
        held.values().forEach(kept::put);
        held.clear();
        long asKept = Heap.used() - empty;
        System.out.printf("%,d items, 64 neighbours + 256 affinities each: %,d bytes per item as deserialized, "
                + "%,d bytes per item as a profile subtask keeps them (%d items numbered)%n", ITEMS,
                asArrived / ITEMS, asKept / ITEMS, kept.tables().size());
        assertThat(kept.tables().size()).isEqualTo(ITEMS);
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
}
