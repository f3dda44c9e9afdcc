package io.attune.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code bin/attune latency}, small: every timed event is matched to a refresh that names it. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LatencyCommandTest {

    @Test
    void timesEveryEventToTheRefreshItTriggered() throws Exception {
        CapturedRun run = CapturedRun.of(() -> LatencyCommand.run(new String[] {"--people", "5", "--items", "40",
            "--rate", "10", "--seconds", "6", "--message-share", "0.5", "--sink.delivery-guarantee", "at-least-once",
            "--timeline"}));
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
    }
}
