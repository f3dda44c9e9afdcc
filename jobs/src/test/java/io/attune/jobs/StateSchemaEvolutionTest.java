package io.attune.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.state.ItemIdHash;
import io.attune.jobs.state.LinkedAccount;
import io.attune.jobs.state.ProfileState;
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

    private static final Path PROFILE_WITH_LIKED_IDS =
            Path.of("src/test/resources/state-schemas/profile-state-with-liked-ids.bin");
    private static final Path PROFILE_WITH_64_BIT_HASHES =
            Path.of("src/test/resources/state-schemas/profile-state-with-64-bit-like-hashes.bin");
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

    /**
     * Profiles written before 0.6 keep each account's recent likes as ids; from then as 64-bit hashes; since session
     * 29 as 32-bit ones. The fixture {@code profile-state-with-liked-ids.bin} (serializer snapshot and one profile
     * whose account liked "item-a" then "item-b") was written at commit b973843 by a throwaway test, as
     * {@link #writeFixture} does for {@code ItemSignals}.
     */
    @Test
    void profilesWrittenWithLikedIdsReadBackAsTheirHashes() throws Exception {
        assertReadsBackAs32BitHashes(PROFILE_WITH_LIKED_IDS);
    }

    /**
     * The same likes as 64-bit hashes: {@code profile-state-with-64-bit-like-hashes.bin}, written at commit ddb3e9c
     * by a throwaway test.
     */
    @Test
    void profilesWrittenWith64BitHashesReadBackFolded() throws Exception {
        assertReadsBackAs32BitHashes(PROFILE_WITH_64_BIT_HASHES);
    }

    private void assertReadsBackAs32BitHashes(Path fixture) throws Exception {
        DataInputDeserializer in = new DataInputDeserializer(Files.readAllBytes(fixture));
        TypeSerializerSnapshot<ProfileState> written =
                TypeSerializerSnapshot.readVersionedSnapshot(in, getClass().getClassLoader());
        TypeSerializer<ProfileState> current =
                TypeInformation.of(ProfileState.class).createSerializer(new SerializerConfigImpl());
        TypeSerializerSchemaCompatibility<ProfileState> compatibility =
                current.snapshotConfiguration().resolveSchemaCompatibility(written);
        assertThat(compatibility.isCompatibleAfterMigration() || compatibility.isCompatibleAsIs())
                .as("compatibility: %s", compatibility).isTrue();

        LinkedAccount restored = written.restoreSerializer().deserialize(in).accounts()[0];
        assertThat(restored.likeHashes()).as("the field did not exist").isNull();
        int[] liked = {ItemIdHash.of32("item-a"), ItemIdHash.of32("item-b")};
        assertThat(restored.likeHashesOrNone()).containsExactly(liked);

        // The account's next change keeps the likes as 32-bit hashes only, and today's serializer writes that.
        LinkedAccount changed = restored.withRecentItems(restored.recentItemsOrNone());
        assertThat(changed.recentLikes()).isNull();
        assertThat(changed.recentLikeHashes()).isNull();
        assertThat(changed.likeHashes()).containsExactly(liked);
        DataOutputSerializer out = new DataOutputSerializer(4096);
        current.serialize(ProfileState.of(new LinkedAccount[] {changed}), out);
        assertThat(current.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())).accounts()[0]
                .likeHashesOrNone()).containsExactly(liked);
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
