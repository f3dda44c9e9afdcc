package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.stream.CatalogUpdate;
import io.attune.jobs.stream.ItemPair;
import io.attune.jobs.stream.Resent;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** After a restore the item neighbourhoods send every item's last publication again, then their marker. */
class ItemNeighborhoodOperatorTest {

    private static final Duration RETENTION = Duration.ofDays(90);

    @Test
    void afterARestoreEachItemsLastPublicationIsSentAgainThenOneMarker() throws Exception {
        OperatorSubtaskState snapshot;
        try (var before = harness(true)) {
            before.open();
            before.setProcessingTime(1L);
            assertThat(before.extractOutputValues()).as("a fresh start holds nothing: the marker alone")
                    .extracting(CatalogUpdate::resent)
                    .containsExactly(new Resent(Resent.From.ITEM_NEIGHBORHOOD, 0, 1));
            before.processElement(new ItemPair("a", "b", 1f, 10L), 10L);
            before.processElement(new ItemPair("a", "a", 2f, 11L), 11L);
            before.processElement(new ItemPair("c", "c", 1f, 12L), 12L);
            before.setProcessingTime(1_000L);
            // Taken in after the last publication: not what the profile operator holds, so not sent again.
            before.processElement(new ItemPair("a", "d", 5f, 13L), 13L);
            assertThat(before.extractOutputValues()).as("one publication per item at the interval's end")
                    .filteredOn(u -> u.signals() != null).hasSize(2);
            snapshot = before.snapshot(1L, 1_000L);
        }
        try (var after = harness(true)) {
            after.initializeState(snapshot);
            after.open();
            after.setProcessingTime(1_001L);

            List<CatalogUpdate> sent = after.extractOutputValues();
            assertThat(sent).hasSize(3);
            assertThat(sent.subList(0, 2)).extracting(u -> u.signals().itemId()).containsExactlyInAnyOrder("a", "c");
            CatalogUpdate a = sent.get(0).signals().itemId().equals("a") ? sent.get(0) : sent.get(1);
            assertThat(a.signals().popularity()).isEqualTo(2f);
            assertThat(a.signals().neighbors().neighbors()).containsExactly("b");
            assertThat(sent.get(2).resent()).isEqualTo(new Resent(Resent.From.ITEM_NEIGHBORHOOD, 0, 1));
        }
    }

    @Test
    void aReplayKeepsNoPublicationAndSendsNothingAgain() throws Exception {
        try (var harness = harness(false)) {
            harness.open();
            harness.processElement(new ItemPair("a", "b", 1f, 10L), 10L);
            harness.setProcessingTime(1_000L);
            assertThat(harness.extractOutputValues()).hasSize(1);
            assertThat(harness.getOperator().getKeyedStateBackend()
                    .getKeys("item-published", org.apache.flink.runtime.state.VoidNamespace.INSTANCE).count())
                    .isZero();
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, ItemPair, CatalogUpdate> harness(boolean streaming)
            throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new ItemNeighborhoodOperator(
                new ItemNeighborhood(8, 8, 8, 8, RETENTION, Duration.ofSeconds(1), 0f, Duration.ZERO, false,
                        streaming), streaming),
                new ItemPairKey(), Types.STRING);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        return harness;
    }
}
