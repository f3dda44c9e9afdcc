package io.attune.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The lines {@code bin/attune latency} prints from Flink's checkpoint statistics. */
class CheckpointStatisticsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsCountsDurationsAndBytesFromFlinksResponse() throws Exception {
        // The shape of GET /jobs/:jobid/checkpoints (Flink 2.2), abridged to the fields read.
        String response = """
                {"counts": {"restored": 0, "total": 13, "in_progress": 0, "completed": 12, "failed": 1},
                 "summary": {
                   "checkpointed_size": {"min": 1000, "max": 2500000, "avg": 1900000.4, "p50": 1950000},
                   "state_size": {"min": 1000, "max": 9000000, "avg": 7000000},
                   "end_to_end_duration": {"min": 40, "max": 1834, "avg": 300, "p50": 212, "p99": 1834}},
                 "latest": {"completed": {"id": 13, "state_size": 8790000, "checkpointed_size": 2400000,
                   "end_to_end_duration": 250},
                   "failed": {"id": 2, "failure_message": "Checkpoint expired before completing.\\nat ..."}}}
                """;

        assertThat(CheckpointStatistics.describe(JSON.readTree(response))).isEqualTo(String.format(
                "Checkpoints: 12 completed, 1 failed (the latest: Checkpoint expired before completing.); end to end p50 212 ms, p99 1,834 ms, max 1,834 ms%n"
                        + "  written per checkpoint: mean 1.90 MB, max 2.50 MB; whole state at the latest: 8.79 MB"));
    }

    @Test
    void failuresWithoutAFailedCheckpointNeverBegan() throws Exception {
        assertThat(CheckpointStatistics.describe(JSON.readTree(
                "{\"counts\": {\"completed\": 0, \"failed\": 2}, \"latest\": {\"failed\": null}}")))
                .isEqualTo("Checkpoints: 0 completed, 2 failed (none began)");
    }

    @Test
    void saysSoWhenNoCheckpointCompleted() throws Exception {
        assertThat(CheckpointStatistics.describe(JSON.readTree(
                "{\"counts\": {\"completed\": 0, \"failed\": 0}, \"summary\": {}, \"latest\": {}}")))
                .isEqualTo("Checkpoints: 0 completed, 0 failed");
    }

    @Test
    void namesTheOperatorsWhoseTaskThreadTheCheckpointsHeldLongest() throws Exception {
        CheckpointStatistics.SyncParts parts = new CheckpointStatistics.SyncParts();
        // The shape of GET /jobs/:jobid/checkpoints/details/:id/subtasks/:vertex (Flink 2.2), abridged.
        String details = """
                {"summary": {"checkpoint_duration": {"sync": {"min": 0, "max": %d, "avg": %s},
                 "async": {"min": 1, "max": 90, "avg": 40}}}}
                """;
        parts.add("Update profiles -> Sink: recommendation-refreshes", JSON.readTree(details.formatted(80, "30.4")));
        parts.add("Update profiles -> Sink: recommendation-refreshes", JSON.readTree(details.formatted(12, "6")));
        parts.add("Source: content-catalog -> Parse content-catalog", JSON.readTree(details.formatted(3, "1")));
        parts.add("Source: content-catalog -> Parse content-catalog", JSON.readTree(details.formatted(2, "1")));
        parts.add("Item neighbourhoods", JSON.readTree(details.formatted(9, "4")));
        parts.add("Item neighbourhoods", JSON.readTree(details.formatted(40, "20")));
        parts.add("Embed messages", JSON.readTree(details.formatted(1, "0")));
        parts.add("Embed messages", JSON.readTree("{\"summary\": {}}"));

        assertThat(parts.describe()).isEqualTo(String.format("%n  task thread held (synchronous part), the latest 2 "
                + "checkpoints, longest first: Update profiles … max 80 ms (mean 18); Item neighbourhoods max 40 ms "
                + "(mean 12); Source: content-catalog … max 3 ms (mean 1)"));
        assertThat(new CheckpointStatistics.SyncParts().describe()).isEmpty();
    }
}
