package io.attune.jobs.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.stream.ItemSignals;
import io.attune.models.ranking.ItemTables;
import io.attune.models.ranking.NeighborTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint's item signals are frozen on the task thread and packed when written: what is written is the signals as
 * they were frozen, in the bytes 0.7 wrote, whatever the tables became in between.
 */
class ItemSignalSliceSerializerTest {

    private final ItemSignalSliceSerializer serializer = new ItemSignalSliceSerializer();

    @Test
    void writesTheSignalsAsFrozenEvenAfterTheTablesChanged() throws Exception {
        ItemTables tables = new ItemTables();
        tables.put("a", 3f, new NeighborTable(new String[] {"b"}, new float[] {5f}, new float[0]), null);
        tables.put("b", 1f, null, new NeighborTable(new String[] {"a"}, new float[] {0.5f}, new float[0]));
        DeferredItemSignalPack frozen = new DeferredItemSignalPack(
                tables.freeze(new int[] {tables.find("a"), tables.find("b")}));

        ItemSignalSlice copied = serializer.copy(frozen);
        // The task thread goes on: new signals for "a", and an item numbered after the freeze.
        tables.put("a", 9f, new NeighborTable(new String[] {"new"}, new float[] {1f}, new float[0]), null);
        byte[] written = bytes(serializer, copied);

        assertThat(copied).as("Flink's copy on the task thread is the reference: nothing packed there")
                .isSameAs(frozen);
        List<ItemSignals> back = new ArrayList<>();
        serializer.deserialize(new DataInputDeserializer(written)).pack().unpack(back::add);
        assertThat(back).extracting(ItemSignals::itemId).containsExactly("a", "b");
        assertThat(back.get(0).popularity()).isEqualTo(3f);
        assertThat(back.get(0).neighbors().neighbors()).containsExactly("b");
        assertThat(back.get(0).neighbors().weights()).containsExactly(5f);
        assertThat(back.get(1).affinityOrEmpty().weights()).containsExactly(0.5f);
        assertThat(written).as("the bytes of the pack's own POJO serializer")
                .isEqualTo(bytes(pojo(), frozen.pack()));
    }

    @Test
    void readsWhat07WroteWithThePojoSerializerAsAMigrationAndItsOwnAsIs() throws Exception {
        TypeSerializerSnapshot<ItemSignalPack> pojoSnapshot = pojo().snapshotConfiguration();
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializerSchemaCompatibility<ItemSignalSlice> from07 = serializer.snapshotConfiguration()
                .resolveSchemaCompatibility((TypeSerializerSnapshot) pojoSnapshot);
        assertThat(from07.isCompatibleAfterMigration()).as("%s", from07).isTrue();

        DataOutputSerializer out = new DataOutputSerializer(256);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<ItemSignalSlice> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(read).isCompatibleAsIs()).isTrue();

        ItemSignalPack pack = new ItemSignalPack(new String[] {"a", "b"}, new float[] {2f}, new byte[] {1, 1, 0},
                new float[] {4f});
        ItemSignalSlice restored = read.restoreSerializer().deserialize(new DataInputDeserializer(bytes(pojo(), pack)));
        assertThat(restored.pack().ids()).containsExactly("a", "b");
        assertThat(restored.pack().weights()).containsExactly(4f);
    }

    private static TypeSerializer<ItemSignalPack> pojo() {
        return TypeInformation.of(ItemSignalPack.class).createSerializer(new SerializerConfigImpl());
    }

    private static <T> byte[] bytes(TypeSerializer<T> serializer, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(value, out);
        return out.getCopyOfBuffer();
    }
}
