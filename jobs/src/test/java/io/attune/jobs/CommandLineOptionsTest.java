package io.attune.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.jobs.kafka.KafkaClientProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --key value} arguments: the job's options, Flink's, and a mistyped job option refused. */
class CommandLineOptionsTest {

    @Test
    void readsTheJobsOptionsFlinksAndACommandsOwn() {
        Configuration conf = CommandLineOptions.parse(new String[] {"--refresh.diversity", "0",
            "--execution.checkpointing.snapshot-compression=false", "--output", "refreshes.jsonl",
            "--audit", "audit.jsonl"});
        assertThat(conf.get(PersonalizationOptions.DIVERSITY)).isZero();
        assertThat(conf.toMap()).containsEntry("execution.checkpointing.snapshot-compression", "false")
                .containsEntry("output", "refreshes.jsonl")
                .as("replay's --audit FILE, though audit.window is a job option").containsEntry("audit", "audit.jsonl");
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

    @Test
    void kafkaClientSettingsPassUnderKafkaPropertiesAndOverTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n");
        Configuration conf = CommandLineOptions.parse(new String[] {"--kafka.client-properties-file", file.toString(),
            "--kafka.properties.sasl.mechanism", "SCRAM-SHA-512", "--kafka.properties.ssl.endpoint.identification.algorithm",
            "https"});
        assertThat(KafkaClientProperties.of(conf)).containsOnly(
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                Map.entry("ssl.endpoint.identification.algorithm", "https"));
        assertThat(KafkaClientProperties.of(new Configuration())).isEmpty();
        assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--kafka.propertis.security.protocol", "SSL"}))
                .hasMessageContaining("unknown option --kafka.propertis.security.protocol");
        assertThatThrownBy(() -> KafkaClientProperties.of(CommandLineOptions.parse(
                new String[] {"--kafka.properties.bootstrap.servers", "elsewhere:9092"})))
                .hasMessageContaining("'bootstrap.servers'").hasMessageContaining("--kafka.bootstrap-servers");
    }
}
