package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.testing.Heap;
import io.attune.jobs.stream.ItemSignals;
import io.attune.models.ranking.NeighborTable;
import io.attune.models.ranking.SharedItemTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    static final int ITEMS = 20_000;

    @Test
    void heapPerEngagedItem() throws Exception {
        TypeSerializer<ItemSignals> serializer =
                TypeInformation.of(ItemSignals.class).createSerializer(new SerializerConfigImpl());
        Random random = new Random(11);
        // The publications as the broadcast stream carries them: each subtask deserializes its own copy.
        List<byte[]> published = new ArrayList<>();
        DataOutputSerializer out = new DataOutputSerializer(16_384);
        for (int i = 0; i < ITEMS; i++) {
            out.clear();
            serializer.serialize(new ItemSignals(id(i), 10f, table(random, 64), table(random, 256)), out);
            published.add(out.getCopyOfBuffer());
        }
        long empty = Heap.used();
        Map<String, ItemSignals> held = new HashMap<>();
        for (byte[] bytes : published) {
            ItemSignals arrived = serializer.deserialize(new DataInputDeserializer(bytes));
            held.put(arrived.itemId(), arrived);
        }
        long asArrived = Heap.used() - empty;
        SharedItemTables shared = new SharedItemTables();
        ItemSignalTables kept = new ItemSignalTables(shared);
        held.values().forEach(kept::put);
        held.clear();
        long asKept = Heap.used() - empty;
        // Three more profile subtasks of the same TaskManager, given the same publications.
        List<ItemSignalTables> others = new ArrayList<>();
        for (int subtask = 1; subtask < 4; subtask++) {
            ItemSignalTables other = new ItemSignalTables(shared);
            for (byte[] bytes : published) {
                other.put(serializer.deserialize(new DataInputDeserializer(bytes)));
            }
            others.add(other);
        }
        long fourKept = Heap.used() - empty;
        System.out.printf("%,d items, 64 neighbours + 256 affinities each: %,d bytes per item as deserialized, "
                + "%,d bytes per item as a profile subtask keeps them (%d items numbered); four subtasks sharing "
                + "their storage: %,d bytes per item in all%n", ITEMS, asArrived / ITEMS, asKept / ITEMS,
                kept.tables().size(), fourKept / ITEMS);
        assertThat(kept.tables().size()).isEqualTo(ITEMS);
        assertThat(others).allSatisfy(other -> assertThat(other.tables().size()).isEqualTo(ITEMS));
        // Still reachable here, so that no collection above took them for garbage.
        assertThat(published).hasSize(ITEMS);
    }

    /** A published table of {@code size} partners among the check's items (shared with {@code ItemSignalsSnapshotCheck}). */
    static NeighborTable table(Random random, int size) {
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

    static String id(int i) {
        return String.format("item-%06d", i);
    }
}
