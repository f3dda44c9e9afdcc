package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.stream.CatalogItem;
import io.attune.jobs.stream.CatalogUpdate;
import io.attune.jobs.stream.Resent;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The catalog's keyed copy: items pass through, and after a start everything held is sent again, then a marker. */
class CatalogStoreTest {

    @Test
    void itemsPassThroughAndAWithdrawnItemIsForgotten() throws Exception {
        try (var harness = harness(false)) {
            harness.open();
            harness.processElement(item("a", true), 10L);
            harness.processElement(item("b", true), 20L);
            harness.processElement(item("a", false), 30L);

            assertThat(harness.extractOutputValues()).extracting(u -> u.item().itemId() + ":" + u.item().active())
                    .containsExactly("a:true", "b:true", "a:false");
            assertThat(heldIds(harness)).containsExactly("b");
            harness.setProcessingTime(1_000L);
            assertThat(harness.extractOutputValues()).as("a batch run sends nothing again").hasSize(3);
        }
    }

    @Test
    void afterARestoreEveryHeldItemIsSentAgainThenOneMarker() throws Exception {
        OperatorSubtaskState snapshot;
        try (var before = harness(true)) {
            before.open();
            before.setProcessingTime(1L);
            assertThat(before.extractOutputValues()).as("a fresh store holds nothing: the marker alone")
                    .extracting(CatalogUpdate::resent).containsExactly(new Resent(Resent.From.CATALOG_STORE, 0, 1));
            before.processElement(item("a", true), 10L);
            before.processElement(item("b", true), 20L);
            before.processElement(item("c", true), 25L);
            before.processElement(item("c", false), 30L);
            snapshot = before.snapshot(1L, 40L);
        }
        try (var after = harness(true)) {
            after.initializeState(snapshot);
            after.open();
            assertThat(after.extractOutputValues()).as("nothing before the task runs its mailbox").isEmpty();
            after.setProcessingTime(2L);

            List<CatalogUpdate> sent = after.extractOutputValues();
            assertThat(sent).hasSize(3);
            assertThat(sent.subList(0, 2)).extracting(u -> u.item().itemId()).containsExactlyInAnyOrder("a", "b");
            assertThat(sent.subList(0, 2)).allSatisfy(u -> {
                assertThat(u.item().codes()).as("with its embedding").hasSize(3);
                assertThat(u.item().active()).isTrue();
            });
            assertThat(sent.get(2).resent()).as("the marker comes last").isEqualTo(new Resent(Resent.From.CATALOG_STORE, 0, 1));

            after.setProcessingTime(3L);
            after.processElement(item("d", true), 50L);
            assertThat(after.extractOutputValues()).as("sent again once only").hasSize(4);
        }
    }

    @Test
    void aBoundedInputEndingFirstStillSendsTheMarker() throws Exception {
        try (var harness = harness(true)) {
            harness.open();
            harness.processElement(item("a", true), 10L);
            harness.getOperator().finish();

            assertThat(harness.extractOutputValues()).extracting(u -> u.item() != null ? u.item().itemId() : "marker")
                    .containsExactly("a", "a", "marker");
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, CatalogItem, CatalogUpdate> harness(
            boolean resendOnStart) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new CatalogStore(resendOnStart),
                new CatalogItemKey(), Types.STRING);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        return harness;
    }

    private static List<String> heldIds(KeyedOneInputStreamOperatorTestHarness<String, CatalogItem, CatalogUpdate> h)
            throws Exception {
        return h.getOperator().getKeyedStateBackend()
                .getKeys(CatalogStore.itemDescriptor().getName(),
                        org.apache.flink.runtime.state.VoidNamespace.INSTANCE)
                .map(Objects::toString)
                .toList();
    }

    private static CatalogItem item(String id, boolean active) {
        return CatalogItem.of(id, "INSTAGRAM", "FEED", new String[] {"running"}, 10L, active,
                active ? new float[] {0.6f, 0.8f, 0f} : null, false);
    }
}
