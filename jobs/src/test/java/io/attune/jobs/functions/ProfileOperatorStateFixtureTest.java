package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.stream.CatalogItem;
import io.attune.jobs.stream.CatalogUpdate;
import io.attune.jobs.stream.ItemSignals;
import io.attune.jobs.stream.PersonEvent;
import io.attune.jobs.events.RecommendationRefresh;
import io.attune.models.ranking.NeighborTable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The profile operator's own checkpoint, as a build of 0.7 wrote it, restores into today's operator with its catalog
 * and item signals intact. {@code SavepointCompatibilityTest}'s savepoints have no engagement, so no item signals: this
 * fixture holds them, in the packs and serializer that build wrote (an operator snapshot, as Flink's own migration
 * tests keep them).
 *
 * <p>{@code src/test/resources/operator-states/profile-operator-0.7-packs.snapshot} was written by {@link #writeFixture}
 * at commit 3caa67e (session 43; its checkpointed state as 3addab9 wrote it, before item-signal packs were made in the
 * checkpoint's asynchronous part):
 * {@code mvn -pl jobs test -Dtest=ProfileOperatorStateFixtureTest#writeFixture -Dattune.fixture.write=true}.
 */
class ProfileOperatorStateFixtureTest {

    private static final Path PACKS_07 = Path.of("src/test/resources/operator-states/profile-operator-0.7-packs.snapshot");
    private static final float[] RUNNING = {1, 0, 0};
    private static final float[] JAZZ = {0, 1, 0};

    @Test
    void theCatalogAndItemSignalPacksOf07RestoreAndAreWrittenAgainAsToday() throws Exception {
        OperatorSubtaskState written = OperatorSnapshotUtil.readStateHandle(PACKS_07.toString());

        var restored = UpdateProfileTest.unopened(UpdateProfileTest.settings(), 1, 0);
        restored.initializeState(written);
        restored.open();
        assertHoldsTheFixture(restored);
        OperatorSubtaskState again = restored.snapshot(2L, 2L);
        restored.close();

        var restoredAgain = UpdateProfileTest.unopened(UpdateProfileTest.settings(), 1, 0);
        restoredAgain.initializeState(again);
        restoredAgain.open();
        assertHoldsTheFixture(restoredAgain);
        restoredAgain.close();
    }

    private static void assertHoldsTheFixture(
            KeyedBroadcastOperatorTestHarness<String, PersonEvent, CatalogUpdate, RecommendationRefresh> harness) {
        UpdateProfile function = UpdateProfileTest.function(harness);
        assertThat(function.catalogItem("ig-run").tags()).containsExactly("running");
        assertThat(function.catalogItem("ig-jazz").surface()).isEqualTo("REELS");
        ItemSignals run = function.signalsOf("ig-run");
        assertThat(run.popularity()).isEqualTo(7.5f);
        assertThat(run.neighbors().neighbors()).containsExactly("ig-jazz", "ig-far");
        assertThat(run.neighbors().weights()).containsExactly(3.5f, 1.25f);
        assertThat(run.affinityOrEmpty().neighbors()).containsExactly("ig-jazz");
        assertThat(run.affinityOrEmpty().weights()).containsExactly(0.75f);
        ItemSignals jazz = function.signalsOf("ig-jazz");
        assertThat(jazz.popularity()).isEqualTo(2f);
        assertThat(jazz.neighbors().neighbors()).isEmpty();
        assertThat(jazz.affinityOrEmpty().neighbors()).containsExactly("ig-run");
        assertThat(function.signalsOf("ig-far")).as("named in a table, no signals of its own").isNull();
    }

    @Test
    @EnabledIfSystemProperty(named = "attune.fixture.write", matches = "true")
    void writeFixture() throws Exception {
        var harness = UpdateProfileTest.unopened(UpdateProfileTest.settings(), 1, 0);
        harness.open();
        harness.processBroadcastElement(CatalogUpdate.of(CatalogItem.of("ig-run", "INSTAGRAM", "FEED",
                new String[] {"running"}, 0L, true, RUNNING, false)), 0L);
        harness.processBroadcastElement(CatalogUpdate.of(CatalogItem.of("ig-jazz", "INSTAGRAM", "REELS",
                new String[] {"jazz"}, 0L, true, JAZZ, false)), 0L);
        harness.processBroadcastElement(CatalogUpdate.of(new ItemSignals("ig-run", 7.5f,
                new NeighborTable(new String[] {"ig-jazz", "ig-far"}, new float[] {3.5f, 1.25f}, new float[0]),
                new NeighborTable(new String[] {"ig-jazz"}, new float[] {0.75f}, new float[0]))), 0L);
        harness.processBroadcastElement(CatalogUpdate.of(new ItemSignals("ig-jazz", 2f, NeighborTable.empty(),
                new NeighborTable(new String[] {"ig-run"}, new float[] {1f}, new float[0]))), 0L);
        assertHoldsTheFixture(harness);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();
        Files.createDirectories(PACKS_07.getParent());
        OperatorSnapshotUtil.writeStateHandle(snapshot, PACKS_07.toString());
        System.out.println("wrote " + PACKS_07.toAbsolutePath());
    }
}
