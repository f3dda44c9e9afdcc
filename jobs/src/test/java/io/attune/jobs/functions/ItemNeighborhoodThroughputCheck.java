package io.attune.jobs.functions;

import io.attune.jobs.stream.ItemPair;
import java.time.Duration;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: measures how many item pairs per second {@link ItemNeighborhood} takes on RocksDB, with and without
 * affinity pairs, once the tables are full (docs/recommendation-quality.md, sweep T, "Cost"). Every pair reads
 * and writes the item's whole {@code ItemSignals} value, so the cost grows with the tables it holds.
 * RocksDB gets a fixed memory budget per slot ({@code -Dattune.slot-memory}, 256 MB by default), as in a TaskManager:
 * the harness's own managed memory is a few hundred KB, and the figures measured with it until session 19 were
 * mostly memtable flushes.
 * {@code mvn -pl jobs test -Dtest=ItemNeighborhoodThroughputCheck -Dattune.measure=true}
 */
@EnabledIfSystemProperty(named = "attune.measure", matches = "true")
class ItemNeighborhoodThroughputCheck {

    private static final int ITEMS = 500;
    private static final int WARM_UP = 300_000;
    private static final int MEASURED = 200_000;
    private static final int PUBLICATION_ROUNDS = 20;
    private static final String SLOT_MEMORY = System.getProperty("attune.slot-memory", "256mb");

    @Test
    void pairsPerSecond() throws Exception {
        // A like brings up to 17 short-range pairs and, with affinity, up to 64 affinity pairs.
        measure("short-range pairs only, 256-slot tables", 0f, 0f);
        measure("with affinity (64 of every 81 pairs), 256 + 1,024-slot tables", 64f / 81f, 0f);
        // The job's defaults (items.publish-min-change 0.05, items.publish-max-staleness 60 s): each round changes
        // every item by far less than 5% of its weight, so its timer fires and the item waits.
        measure("with affinity, publishing after a 5% change", 64f / 81f, 0.05f);
        measure("with affinity (64 of every 81 pairs), 256 + 1,024-slot tables", 64f / 81f, 0f);
        measure("with affinity, publishing after a 5% change", 64f / 81f, 0.05f);
    }

    private static void measure(String label, float affinityShare, float publishMinChange) throws Exception {
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ItemNeighborhood(256, 64, 1024, 256, Duration.ofDays(90),
                        Duration.ofSeconds(1), publishMinChange, Duration.ofSeconds(60), false)),
                new ItemPairKey(), Types.STRING)) {
            EmbeddedRocksDBStateBackend rocksDb = new EmbeddedRocksDBStateBackend();
            // The harness's managed memory gives RocksDB a 512 KB write-buffer budget, so it flushes its memtable
            // all the time; a slot of a real TaskManager has hundreds of MB.
            rocksDb.getMemoryConfiguration().setFixedMemoryPerSlot(SLOT_MEMORY);
            harness.setStateBackend(rocksDb);
            harness.open();
            Random random = new Random(7);
            feed(harness, random, WARM_UP, affinityShare);
            long start = System.nanoTime();
            feed(harness, random, MEASURED, affinityShare);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s, RocksDB with %s per slot: %,.0f pairs/s (%,d pairs over %d items in %.1f s)%n",
                    label, SLOT_MEMORY, MEASURED / seconds, MEASURED, ITEMS, seconds);
            // Publications: every item changed since the last one publishes when its timer fires, reading its
            // tables whole (the strongest neighbours and affinities). Each round changes every item, then fires.
            long publishing = 0;
            int published = 0;
            for (int round = 0; round < PUBLICATION_ROUNDS; round++) {
                feed(harness, random, ITEMS * 4, affinityShare);
                harness.getOutput().clear();
                long before = System.nanoTime();
                harness.setProcessingTime((round + 1) * 1_000L);
                publishing += System.nanoTime() - before;
                published += harness.getOutput().size();
            }
            int fired = ITEMS * PUBLICATION_ROUNDS;
            System.out.printf("%s: %,d of %,d timers published, %.1f µs per timer%n", label, published, fired,
                    publishing / 1e3 / fired);
        }
    }

    private static void feed(KeyedOneInputStreamOperatorTestHarness<String, ItemPair, ?> harness, Random random,
            int pairs, float affinityShare) throws Exception {
        for (int i = 0; i < pairs; i++) {
            String from = "item-" + random.nextInt(ITEMS);
            // Partners from a catalog ten times as large, so tables fill up and evict.
            String to = "item-" + random.nextInt(ITEMS * 10);
            harness.processElement(new ItemPair(from, to, 1f, i, random.nextFloat() < affinityShare), i);
        }
    }
}
