package io.attune.jobs.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.stream.ItemSignals;
import io.attune.models.ranking.ItemTables;
import io.attune.models.ranking.NeighborTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Item signals as a checkpoint packs them from the numbered tables: the same signals back, in less than half the bytes. */
class ItemSignalPackTest {

    @Test
    void unpacksTheSignalsItPackedInPacksOfTheGivenSize() throws Exception {
        ItemTables tables = tablesOf(List.of(
                new ItemSignals("a", 3f, new NeighborTable(new String[] {"b", "z"}, new float[] {5f, 2f},
                        new float[] {1f, 0f}), new NeighborTable(new String[] {"c"}, new float[] {0.25f}, new float[0])),
                new ItemSignals("b", 0f, NeighborTable.empty(), null),
                new ItemSignals("c", 1.5f, null, new NeighborTable(new String[] {"a", "b"}, new float[] {4f, 1f},
                        new float[0]))));

        List<ItemSignalPack> packs = ItemSignalPack.pack(tables,
                new int[] {tables.find("a"), tables.find("b"), tables.find("c")}, 2);
        assertThat(packs).hasSize(2);
        assertThat(packs.get(0).ids()).as("the pack's items first, then what their tables name")
                .containsExactly("a", "b", "z", "c");
        List<ItemSignals> back = new ArrayList<>();
        for (ItemSignalPack pack : roundTrip(packs)) {
            pack.unpack(back::add);
        }

        assertThat(back).extracting(ItemSignals::itemId).containsExactly("a", "b", "c");
        assertThat(back).extracting(ItemSignals::popularity).containsExactly(3f, 0f, 1.5f);
        ItemSignals a = back.get(0);
        assertThat(a.neighbors().neighbors()).containsExactly("b", "z");
        assertThat(a.neighbors().weights()).as("the guaranteed weights").containsExactly(4f, 2f);
        assertThat(a.neighbors().errors()).isEmpty();
        assertThat(a.affinityOrEmpty().neighbors()).containsExactly("c");
        assertThat(a.affinityOrEmpty().weights()).containsExactly(0.25f);
        assertThat(back.get(1).neighbors().neighbors()).isEmpty();
        assertThat(back.get(1).affinityOrEmpty().neighbors()).isEmpty();
        assertThat(back.get(2).neighbors().neighbors()).isEmpty();
        assertThat(back.get(2).affinityOrEmpty().neighbors()).containsExactly("a", "b");
        assertThat(back.get(2).affinityOrEmpty().weights()).containsExactly(4f, 1f);
    }

    @Test
    void referencesBeyondOneByteSurviveThePacking() {
        // 300 distinct neighbours: indexes past 127 take two bytes.
        String[] neighbors = new String[300];
        float[] weights = new float[300];
        for (int i = 0; i < neighbors.length; i++) {
            neighbors[i] = "n-" + i;
            weights[i] = 300 - i;
        }
        List<ItemSignals> back = new ArrayList<>();
        ItemTables tables = tablesOf(List.of(new ItemSignals("x", 1f, NeighborTable.empty(),
                new NeighborTable(neighbors, weights, new float[0]))));
        ItemSignalPack.pack(tables, new int[] {tables.find("x")}).get(0).unpack(back::add);

        assertThat(back.get(0).affinityOrEmpty().neighbors()).containsExactly(neighbors);
        assertThat(back.get(0).affinityOrEmpty().weights()).containsExactly(weights);
    }

    @Test
    void aCheckpointHoldsTheSignalsInUnderHalfTheBytes() throws Exception {
        // Published tables at the job's defaults: 64 neighbours and 256 affinities among 20,000 items.
        Random random = new Random(7);
        List<ItemSignals> signals = new ArrayList<>();
        for (int item = 0; item < 2_000; item++) {
            signals.add(new ItemSignals("item-" + item, random.nextInt(500),
                    table(random, 64), table(random, 256)));
        }
        long unpacked = 0;
        TypeSerializer<ItemSignals> one = serializer(ItemSignals.class);
        for (ItemSignals item : signals) {
            unpacked += bytes(one, item).length;
        }
        long packed = 0;
        TypeSerializer<ItemSignalPack> pack = serializer(ItemSignalPack.class);
        ItemTables tables = tablesOf(signals);
        int[] items = new int[signals.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = tables.find(signals.get(i).itemId());
        }
        for (ItemSignalPack element : ItemSignalPack.pack(tables, items)) {
            packed += bytes(pack, element).length;
        }
        System.out.printf("item signals of 2,000 items (64 neighbours, 256 affinities), checkpointed: %,d bytes as "
                + "one element per item, %,d packed%n", unpacked, packed);

        assertThat(packed).as("packed %d bytes, %d as one element per item", packed, unpacked)
                .isLessThan(unpacked / 2);
    }

    /** The signals as a profile subtask keeps them: numbered, weights coded. */
    private static ItemTables tablesOf(List<ItemSignals> signals) {
        ItemTables tables = new ItemTables();
        for (ItemSignals item : signals) {
            tables.put(item.itemId(), item.popularity(), item.neighbors(), item.affinityOrEmpty());
        }
        return tables;
    }

    private static NeighborTable table(Random random, int size) {
        String[] ids = new String[size];
        float[] weights = new float[size];
        for (int i = 0; i < size; i++) {
            ids[i] = "item-" + random.nextInt(20_000);
            weights[i] = size - i + random.nextFloat();
        }
        return new NeighborTable(ids, weights, new float[0]);
    }

    private static List<ItemSignalPack> roundTrip(List<ItemSignalPack> packs) throws Exception {
        TypeSerializer<ItemSignalPack> serializer = serializer(ItemSignalPack.class);
        List<ItemSignalPack> out = new ArrayList<>();
        for (ItemSignalPack pack : packs) {
            out.add(serializer.deserialize(new DataInputDeserializer(bytes(serializer, pack))));
        }
        return out;
    }

    private static <T> TypeSerializer<T> serializer(Class<T> type) {
        return TypeInformation.of(type).createSerializer(new SerializerConfigImpl());
    }

    private static <T> byte[] bytes(TypeSerializer<T> serializer, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(value, out);
        return out.getCopyOfBuffer();
    }
}
