package io.attune.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.jobs.functions.DrainingAsyncOperatorFactory;
import io.attune.jobs.kafka.KafkaEndpoints;
import java.time.Duration;
import java.util.Set;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.junit.jupiter.api.Test;

/** The Flink settings {@link PersonalizationJob#flinkConfiguration} derives from the job's options. */
class FlinkConfigurationTest {

    @Test
    void networkBuffersWaitTwentyMillisecondsUnlessTheOptionsSayOtherwise() {
        Configuration defaults = PersonalizationJob.flinkConfiguration(new Configuration());
        assertThat(defaults.get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(20));

        Configuration asked = new Configuration();
        asked.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ofMillis(100));
        assertThat(PersonalizationJob.flinkConfiguration(asked).get(ExecutionOptions.BUFFER_TIMEOUT))
                .isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void snapshotsAreCompressedUnlessTheOptionsSayOtherwise() {
        assertThat(PersonalizationJob.flinkConfiguration(new Configuration()).get(ExecutionOptions.SNAPSHOT_COMPRESSION))
                .isTrue();
        Configuration asked = CommandLineOptions.parse(
                new String[] {"--execution.checkpointing.snapshot-compression", "false"});
        assertThat(PersonalizationJob.flinkConfiguration(asked).get(ExecutionOptions.SNAPSHOT_COMPRESSION)).isFalse();
    }

    @Test
    void theCommandLineNamesTheBufferTimeoutAsFlinkDoes() {
        Configuration given = CommandLineOptions.parse(new String[] {"--execution.buffer-timeout.interval", "20ms"});
        assertThat(PersonalizationJob.flinkConfiguration(given).get(ExecutionOptions.BUFFER_TIMEOUT))
                .isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void upgradesAndPrivacyDoNotDependOnTheClustersConfiguration() {
        Configuration conf = PersonalizationJob.flinkConfiguration(new Configuration());
        assertThat(conf.get(PipelineOptions.AUTO_GENERATE_UIDS)).isFalse();
        assertThat(conf.get(PipelineOptions.GENERIC_TYPES)).isFalse();
        assertThat(conf.get(CheckpointingOptions.ENABLE_UNALIGNED)).isFalse();
        assertThat(conf.get(PipelineOptions.MAX_PARALLELISM))
                .isEqualTo(new Configuration().get(PersonalizationOptions.MAX_PARALLELISM));
    }

    @Test
    void theEmbeddingStagesLeaveNoInputInFlightForACheckpoint() {
        StreamGraph graph = jobGraph();
        assertThat(graph.getStreamNodes())
                .filteredOn(node -> Set.of(Uids.EMBED_MESSAGES, Uids.EMBED_CATALOG).contains(node.getTransformationUID()))
                .hasSize(2)
                .allSatisfy(node -> assertThat(node.getOperatorFactory())
                        .isInstanceOf(DrainingAsyncOperatorFactory.class));
    }

    @Test
    void messagesGoToTheStageBeforeTheModelAtOnceAndEverythingElseAfterTheBufferTimeout() {
        StreamGraph graph = jobGraph();
        assertThat(graph.getStreamNodes())
                .filteredOn(node -> Uids.MESSAGES_IN_USE.equals(node.getTransformationUID()))
                .singleElement().extracting(node -> node.getBufferTimeout()).isEqualTo(0L);
        assertThat(graph.getStreamNodes())
                .filteredOn(node -> Uids.GUARD_MESSAGES.equals(node.getTransformationUID()))
                .singleElement().extracting(node -> node.getBufferTimeout())
                .isEqualTo(PersonalizationJob.DEFAULT_BUFFER_TIMEOUT.toMillis());
    }

    private static StreamGraph jobGraph() {
        Configuration options = new Configuration();
        options.set(PersonalizationOptions.BOOTSTRAP_SERVERS, "kafka:9092");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(PersonalizationJob.flinkConfiguration(options));
        PersonalizationJob.defineWorkflow(env, options, KafkaEndpoints.sources(options), KafkaEndpoints.sinks(options));
        StreamGraph graph = env.getStreamGraph();
        return graph;
    }

    @Test
    void refusesATransactionTimeoutNotLongerThanTheCheckpointInterval() {
        Configuration options = new Configuration();
        options.set(PersonalizationOptions.BOOTSTRAP_SERVERS, "kafka:9092");
        assertThat(KafkaEndpoints.sinks(options)).as("the defaults").isNotNull();

        options.set(PersonalizationOptions.CHECKPOINT_INTERVAL, Duration.ofMinutes(2));
        options.set(PersonalizationOptions.TRANSACTION_TIMEOUT, Duration.ofMinutes(1));
        assertThatThrownBy(() -> KafkaEndpoints.sinks(options))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("--sink.transaction-timeout 60 s is not longer than --checkpoint.interval 120 s");

        options.set(PersonalizationOptions.DELIVERY_GUARANTEE, DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(KafkaEndpoints.sinks(options)).as("no transactions").isNotNull();
    }

    @Test
    void warnsWhenASlowCheckpointWouldOutliveTheTransactions() {
        assertThat(PersonalizationJob.transactionTimeoutWarning(PersonalizationJob.flinkConfiguration(
                new Configuration()))).as("15 min against 10 s and 10 min").isEmpty();

        Configuration options = new Configuration();
        options.set(PersonalizationOptions.TRANSACTION_TIMEOUT, Duration.ofMinutes(1));
        assertThat(PersonalizationJob.transactionTimeoutWarning(PersonalizationJob.flinkConfiguration(options)))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains("a checkpoint completing more than 50 s after it starts loses the refreshes"));

        options.set(PersonalizationOptions.DELIVERY_GUARANTEE, DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(PersonalizationJob.transactionTimeoutWarning(PersonalizationJob.flinkConfiguration(options)))
                .isEmpty();
    }

    @Test
    void warnsWhenCheckpointsWouldGoToTheJobManagersMemory() {
        assertThat(PersonalizationJob.checkpointStorageWarning(PersonalizationJob.flinkConfiguration(
                new Configuration()))).hasValueSatisfying(warning -> assertThat(warning)
                        .contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key()).contains("5 MiB"));

        Configuration onFiles = new Configuration();
        onFiles.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, "s3://attune-state/checkpoints");
        assertThat(PersonalizationJob.checkpointStorageWarning(onFiles)).isEmpty();
    }
}
