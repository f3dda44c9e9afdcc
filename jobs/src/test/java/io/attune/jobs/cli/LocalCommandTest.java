package io.attune.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code bin/attune local --until-done}: the sample stream produces the refreshes its notes promise. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LocalCommandTest {

    @Test
    void replaysTheSampleAndPrintsRefreshes() throws Exception {
        CapturedRun run = CapturedRun.of(() -> LocalCommand.run(new String[] {"--until-done", "--pace", "100ms"}));
        String output = run.output();

        assertThat(run.status()).isZero();
        assertThat(output)
                .contains("refresh INSTAGRAM REELS   → instagram (account ig-ana, person center-ana")
                .contains("after msg-ana-1")
                .contains("after msg-ben-1")
                .contains("person INSTAGRAM:ig-chloe")
                .contains("dead letter from assistant-messages: not valid JSON")
                .contains("guard suppressed 1 MESSENGER message(s) about HEALTH")
                .doesNotContain("after msg-ana-2")
                .as("a sensitive catalog item is never ranked").doesNotContain("ig-clinic-ad")
                .contains("Stopped.");
        // Output arrives per checkpoint, so refresh lines may trail the notes: check by what triggered them.
        assertThat(output.lines().filter(line -> line.contains("after msg-ana-3")))
                .extracting(line -> line.substring(line.indexOf("(account ")))
                .hasSize(3)
                .noneMatch(line -> line.contains("fb-ana"));
        assertThat(output.lines().filter(line -> line.contains("account fb-ana")))
                .isNotEmpty()
                .allMatch(line -> line.contains("after msg-ana-1"));
    }
}
