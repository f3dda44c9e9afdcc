package io.attune.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.state.rocksdb.RocksDBOptions;

/** MiniCluster settings shared by the pipeline tests. */
public final class TestClusters {

    private TestClusters() {}

    public static Configuration clusterConfiguration() {
        Configuration conf = new Configuration();
        try {
            // JUnit temp paths exceed RocksDB's path length limit; keep its files under a short /tmp path.
            Path rocksDir = Files.createTempDirectory(Path.of("/tmp"), "rdb");
            rocksDir.toFile().deleteOnExit();
            conf.set(RocksDBOptions.LOCAL_DIRECTORIES, rocksDir.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        conf.set(CoreOptions.DEFAULT_PARALLELISM, 2);
        return conf;
    }
}
