package io.attune.jobs.testing;

import io.attune.jobs.PersonalizationJob;
import io.attune.jobs.PersonalizationOptions;
import java.time.Duration;
import io.attune.jobs.kafka.KafkaEndpoints;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/** Starts the real job graph, Kafka in and out, on the test's MiniCluster. */
public final class JobRunner {

    private JobRunner() {}

    /** Options for a test job on {@code bootstrapServers}: fast checkpoints, one-second audit windows. */
    public static Configuration options(String bootstrapServers, String groupId) {
        Configuration options = new Configuration();
        options.set(PersonalizationOptions.BOOTSTRAP_SERVERS, bootstrapServers);
        options.set(PersonalizationOptions.GROUP_ID, groupId);
        options.set(PersonalizationOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(300));
        options.set(PersonalizationOptions.AUDIT_WINDOW, Duration.ofSeconds(1));
        return options;
    }

    public static JobClient start(Configuration options) throws Exception {
        return start(options, null);
    }

    /** @param savepoint a savepoint to restore, or {@code null} for a fresh start */
    public static JobClient start(Configuration options, String savepoint) throws Exception {
        return start(options, savepoint, 2);
    }

    /**
     * @param savepoint a savepoint to restore, or {@code null} for a fresh start
     * @param parallelism of every operator (the test cluster has two slots)
     */
    public static JobClient start(Configuration options, String savepoint, int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(PersonalizationJob.flinkConfiguration(options));
        env.setParallelism(parallelism);
        PersonalizationJob.defineWorkflow(env, options, KafkaEndpoints.sources(options), KafkaEndpoints.sinks(options));
        StreamGraph graph = env.getStreamGraph();
        if (savepoint != null) {
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
        }
        return env.executeAsync(graph);
    }
}
