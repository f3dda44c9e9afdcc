package io.attune.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** MiniCluster settings shared by the pipeline tests. */
public final class TestClusters {

    private static Path rocksDbDir;

    private TestClusters() {}

    public static synchronized Configuration clusterConfiguration() {
        Configuration conf = new Configuration();
        try {
            // JUnit temp paths exceed RocksDB's path length limit; keep its files under a short /tmp path.
            rocksDbDir = Files.createTempDirectory(Path.of("/tmp"), "rdb");
            rocksDbDir.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        conf.set(RocksDBOptions.LOCAL_DIRECTORIES, rocksDbDir.toString());
        conf.set(CoreOptions.DEFAULT_PARALLELISM, 2);
        return conf;
    }

    /** Every topic the job reads or writes, with their default names. */
    public static final List<String> TOPICS = List.of("assistant-messages", "engagement-signals", "account-links",
            "content-catalog", "erasure-requests", "recommendation-refreshes", "dead-letters", "suppression-audit",
            "erasure-receipts");

    /** One TaskManager with two slots, RocksDB under a short path. */
    public static MiniClusterExtension miniCluster() {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(2)
                .setConfiguration(clusterConfiguration())
                .build());
    }

    /** Where the last configured cluster's RocksDB instances live. */
    public static synchronized Path rocksDbDir() {
        return rocksDbDir;
    }
}
