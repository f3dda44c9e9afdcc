package io.attune.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** {@code --key value} arguments: the job's options, Flink's, and a mistyped job option refused. */
class CommandLineOptionsTest {

    @Test
    void readsTheJobsOptionsFlinksAndACommandsOwn() {
        Configuration conf = CommandLineOptions.parse(new String[] {"--refresh.diversity", "0",
            "--execution.checkpointing.snapshot-compression=false", "--output", "refreshes.jsonl"});
        assertThat(conf.get(PersonalizationOptions.DIVERSITY)).isZero();
        assertThat(conf.toMap()).containsEntry("execution.checkpointing.snapshot-compression", "false")
                .containsEntry("output", "refreshes.jsonl");
        assertThat(CommandLineOptions.parse(new String[] {"--checkpoint.interval", "2s"})
                .get(PersonalizationOptions.CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofSeconds(2));
        assertThat(CommandLineOptions.parse(new String[] {"--execution.checkpointing.dir", "s3://b/c"})
                .get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("s3://b/c");
    }

    @Test
    void aMistypedJobOptionIsRefusedWithTheNearestName() {
        assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--refresh.diversty", "0"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option --refresh.diversty")
                .hasMessageContaining("did you mean --refresh.diversity?");
        assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--kafka.bootstrap-server", "kafka:9092"}))
                .hasMessageContaining("did you mean --kafka.bootstrap-servers?");
        assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--items.something-else-entirely", "1"}))
                .hasMessageContaining("unknown option --items.something-else-entirely")
                .hasMessageNotContaining("did you mean");
    }
}
