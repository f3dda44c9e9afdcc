package io.attune.bench;

import java.util.Arrays;

/**
 * Where a refresh's latency tail comes from: times 20,000 consecutive gathered refreshes (8 interests, 32 likes'
 * affinity, as {@link RetrievalBenchmark} with {@code evidenceFrom=gathered}) after a long warm-up and prints
 * their percentiles, each person's median over its calls (is the tail a few heavy people, or any person at a bad
 * moment?) and when the slow calls happened (alone, or in bursts). JMH's percentiles say how long the tail is;
 * this says what kind it is. Run with the JVM options to compare, e.g.:
 *
 * <pre>
 * java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -XX:+UseTransparentHugePages --add-modules jdk.incubator.vector \
 *   -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.attune.bench.RefreshTimeline
 * </pre>
 */
public final class RefreshTimeline {

    private static final int PEOPLE = 256;
    private static final int CALLS = 20_000;
    private static final long SLOW_NANOS = 2_000_000;

    private RefreshTimeline() {}

    public static void main(String[] args) {
        RetrievalBenchmark refresh = new RetrievalBenchmark();
        refresh.items = 100_000;
        refresh.interests = 8;
        refresh.mode = "indexed";
        refresh.probes = 12;
        refresh.coEngaged = 512;
        refresh.affinity = 8192;
        refresh.affinityLikes = 32;
        refresh.coEngagedPerItem = 5;
        refresh.evidenceFrom = "gathered";
        refresh.setUp();
        for (int i = 0; i < PEOPLE * 80; i++) {
            refresh.rankTop20();
        }
        long[] took = new long[CALLS];
        long[] startedAt = new long[CALLS];
        long origin = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            refresh.rankTop20();
            took[i] = System.nanoTime() - start;
            startedAt[i] = start - origin;
        }
        long[] sorted = took.clone();
        Arrays.sort(sorted);
        System.out.printf("%,d refreshes: p50 %.3f, p95 %.3f, p99 %.3f, p99.9 %.3f ms%n", CALLS, ms(sorted, 0.5),
                ms(sorted, 0.95), ms(sorted, 0.99), ms(sorted, 0.999));

        // The benchmark serves its people in turn, so call i is person i mod 256.
        double[] medians = new double[PEOPLE];
        for (int person = 0; person < PEOPLE; person++) {
            long[] own = new long[CALLS / PEOPLE];
            for (int k = 0; k < own.length; k++) {
                own[k] = took[k * PEOPLE + person];
            }
            Arrays.sort(own);
            medians[person] = own[own.length / 2] / 1e6;
        }
        Arrays.sort(medians);
        System.out.printf("each person's median: lowest %.3f, middle %.3f, highest %.3f ms%n", medians[0],
                medians[PEOPLE / 2], medians[PEOPLE - 1]);

        int slow = 0;
        int inBursts = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < CALLS; i++) {
            if (took[i] <= SLOW_NANOS) {
                continue;
            }
            slow++;
            boolean slowNeighbour = false;
            for (int j = Math.max(0, i - 3); j <= Math.min(CALLS - 1, i + 3); j++) {
                slowNeighbour |= j != i && took[j] > SLOW_NANOS;
            }
            inBursts += slowNeighbour ? 1 : 0;
            if (slow <= 40) {
                first.append(String.format(" %.0f:%.1f", startedAt[i] / 1e6, took[i] / 1e6));
            }
        }
        System.out.printf("over 2 ms: %d, of which %d within 3 calls of another; the first (ms since start:ms taken):%s%n",
                slow, inBursts, first);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }
}
