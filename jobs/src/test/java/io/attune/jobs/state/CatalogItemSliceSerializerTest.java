package io.attune.jobs.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.stream.CatalogItem;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Catalog slices: not copied on the task thread, written and read in the bytes of the item's POJO serializer. */
class CatalogItemSliceSerializerTest {

    private final CatalogItemSliceSerializer serializer = new CatalogItemSliceSerializer();
    private final TypeSerializer<CatalogItem> pojo =
            TypeInformation.of(CatalogItem.class).createSerializer(new SerializerConfigImpl());

    @Test
    void copiesTheReferenceAndWritesThePojoBytes() throws Exception {
        CatalogItem item = CatalogItem.of("ig-run", "INSTAGRAM", "FEED", new String[] {"running"}, 5L, true,
                new float[] {0.6f, 0.8f, 0f}, false);

        assertThat(serializer.copy(item)).isSameAs(item);
        assertThat(serializer.isImmutableType()).isTrue();
        byte[] written = bytes(serializer, item);
        assertThat(written).isEqualTo(bytes(pojo, item));
        assertThat(serializer.deserialize(new DataInputDeserializer(written)).sameContent(item)).isTrue();
    }

    @Test
    void readsWhatThePojoSerializerWroteAsAMigrationAndItsOwnSnapshotAsIs() throws Exception {
        @SuppressWarnings({"unchecked", "rawtypes"})
        var from07 = serializer.snapshotConfiguration()
                .resolveSchemaCompatibility((TypeSerializerSnapshot) pojo.snapshotConfiguration());
        assertThat(from07.isCompatibleAfterMigration()).as("%s", from07).isTrue();

        DataOutputSerializer out = new DataOutputSerializer(256);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<CatalogItem> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(read).isCompatibleAsIs()).isTrue();
        assertThat(read.restoreSerializer()).isEqualTo(serializer);
    }

    private static <T> byte[] bytes(TypeSerializer<T> serializer, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(value, out);
        return out.getCopyOfBuffer();
    }
}
