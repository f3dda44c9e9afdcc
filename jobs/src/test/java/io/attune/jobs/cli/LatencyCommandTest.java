package io.attune.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.jobs.Uids;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/attune latency}, small: every timed event is matched to a refresh that names it, and the savepoint it
 * stops with reads back.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LatencyCommandTest {

    @Test
    void timesEveryEventToTheRefreshItTriggeredAndLeavesASavepoint(@TempDir Path work) throws Exception {
        Path savepoints = work.resolve("savepoints");
        CapturedRun run = CapturedRun.of(() -> LatencyCommand.run(new String[] {"--people", "5", "--items", "40",
            "--rate", "10", "--seconds", "6", "--message-share", "0.5", "--sink.delivery-guarantee", "at-least-once",
            "--checkpoint.interval", "2s", "--timeline", "--parallelism", "1", "--savepoint", savepoints.toString()}));
        String output = run.output();

        assertThat(run.status()).isZero();
        Matcher timed = Pattern.compile("Timed (\\d+) events .*; (\\d+) reached a refresh").matcher(output);
        assertThat(timed.find()).as(output).isTrue();
        assertThat(Integer.parseInt(timed.group(1))).isEqualTo(54);
        assertThat(timed.group(2)).isEqualTo(timed.group(1));
        assertThat(output).contains("Refreshes delivered more than once: 0\n");
        // Every event of the 6 s was sent in the first two 5 s buckets, and every one was named by a refresh.
        assertThat(output).contains("| sent at s | events | named by a refresh | p50 ms | max ms |")
                .containsPattern("\\| 0 \\| (\\d+) \\| \\1 \\| ");
        assertThat(output).containsPattern("\\| likes \\| [1-9]\\d* \\|")
                .containsPattern("\\| assistant messages \\| [1-9]\\d* \\|");

        // Checkpoints every 2 s over the run: the report says what they cost, as Flink's REST API counted them.
        Matcher checkpoints = Pattern.compile("Checkpoints: (\\d+) completed, \\d+ failed( \\(.+\\))?; "
                + "end to end p50 [\\d,]+ ms").matcher(output);
        assertThat(checkpoints.find()).as(output).isTrue();
        assertThat(Integer.parseInt(checkpoints.group(1))).isPositive();
        assertThat(output).containsPattern("written per checkpoint: mean [\\d.]+ [KM]B, max [\\d.]+ [KM]B; "
                + "whole state at the latest: [\\d.]+ [KM]B");

        assertThat(output).containsPattern("Heap after a full collection: [1-9][\\d,]* MB");

        Matcher written = Pattern.compile("Savepoint: (\\S+)").matcher(output);
        assertThat(written.find()).as(output).isTrue();
        Path inspected = work.resolve("inspect.json");
        assertThat(InspectCommand.run(new String[] {"--savepoint", Path.of(URI.create(written.group(1))).toString(),
            "--output", inspected.toString()})).isZero();
        JsonNode summary = new ObjectMapper().readTree(inspected.toFile());
        assertThat(summary.path("catalog").path("items").asInt()).isEqualTo(80);
        assertThat(summary.path("stateBytes")).anySatisfy(operator -> {
            assertThat(operator.path("operator").asText()).isEqualTo(Uids.UPDATE_PROFILE);
            assertThat(operator.path("parallelism").asInt()).isEqualTo(1);
        });
    }

    @Test
    void aTaskManagerStoppedDuringTheLoadLosesNoEvent() throws Exception {
        CapturedRun run = CapturedRun.of(() -> LatencyCommand.run(new String[] {"--people", "5", "--items", "40",
            "--rate", "10", "--seconds", "8", "--message-share", "0.5", "--sink.delivery-guarantee", "at-least-once",
            "--checkpoint.interval", "2s", "--parallelism", "1", "--fail-after", "4"}));
        String output = run.output();

        assertThat(run.status()).isZero();
        assertThat(output).contains("TaskManager stopped 4 s into the load");
        Matcher timed = Pattern.compile("Timed (\\d+) events .*; (\\d+) reached a refresh").matcher(output);
        assertThat(timed.find()).as(output).isTrue();
        assertThat(Integer.parseInt(timed.group(1))).isEqualTo(72);
        assertThat(timed.group(2)).as("every event refreshed, some after the restart").isEqualTo(timed.group(1));
    }
}
