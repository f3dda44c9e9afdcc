package io.attune.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.stream.ItemSignals;
import io.attune.models.ranking.NeighborTable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * State written by an earlier version reads back after a field was added to its type, through Flink's own
 * schema evolution (serializer snapshot, compatibility, migration), where no committed savepoint holds that
 * state: {@link SavepointCompatibilityTest}'s savepoints have no engagement, so no {@link ItemSignals}.
 *
 * <p>The fixture {@code src/test/resources/state-schemas/item-signals-before-affinity.bin} holds the
 * serializer snapshot and one serialized value of {@code ItemSignals} as it was before affinity (itemId,
 * popularity, neighbors), written by {@link #writeFixture} at commit 919226d:
 * {@code mvn -pl jobs test -Dtest=StateSchemaEvolutionTest#writeFixture -Dattune.fixture.out=FILE}.
 */
class StateSchemaEvolutionTest {

    private static final Path ITEM_SIGNALS_BEFORE_AFFINITY =
            Path.of("src/test/resources/state-schemas/item-signals-before-affinity.bin");

    @Test
    void itemSignalsWrittenBeforeAffinityReadBackWithNoAffinity() throws Exception {
        DataInputDeserializer in = new DataInputDeserializer(Files.readAllBytes(ITEM_SIGNALS_BEFORE_AFFINITY));
        TypeSerializerSnapshot<ItemSignals> written =
                TypeSerializerSnapshot.readVersionedSnapshot(in, getClass().getClassLoader());
        TypeSerializer<ItemSignals> current = serializer();

        TypeSerializerSchemaCompatibility<ItemSignals> compatibility =
                current.snapshotConfiguration().resolveSchemaCompatibility(written);
        assertThat(compatibility.isCompatibleAfterMigration() || compatibility.isCompatibleAsIs())
                .as("compatibility: %s", compatibility).isTrue();

        ItemSignals restored = written.restoreSerializer().deserialize(in);
        assertThat(restored.itemId()).isEqualTo("item-a");
        assertThat(restored.popularity()).isEqualTo(7f);
        assertThat(restored.neighbors().neighbors()).containsExactly("item-b", "item-c");
        assertThat(restored.affinity()).as("the field did not exist").isNull();
        assertThat(restored.affinityOrEmpty().neighbors()).isEmpty();

        // Migration writes it again with today's serializer.
        DataOutputSerializer out = new DataOutputSerializer(256);
        current.serialize(restored, out);
        ItemSignals again = current.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(again.neighbors().neighbors()).containsExactly("item-b", "item-c");
    }

    @Test
    @EnabledIfSystemProperty(named = "attune.fixture.out", matches = ".+")
    void writeFixture() throws Exception {
        TypeSerializer<ItemSignals> serializer = serializer();
        DataOutputSerializer out = new DataOutputSerializer(1024);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        NeighborTable neighbors = NeighborTable.empty().add("item-b", 3f, 8).add("item-c", 1f, 8);
        serializer.serialize(new ItemSignals("item-a", 7f, neighbors), out);
        Files.write(Path.of(System.getProperty("attune.fixture.out")), out.getCopyOfBuffer());
    }

    private static TypeSerializer<ItemSignals> serializer() {
        return TypeInformation.of(ItemSignals.class).createSerializer(new SerializerConfigImpl());
    }
}
