package io.attune.jobs.cli;

import io.attune.jobs.CommandLineOptions;
import io.attune.jobs.PersonalizationJob;
import io.attune.jobs.PersonalizationOptions;
import io.attune.jobs.Sinks;
import io.attune.jobs.Sources;
import io.attune.jobs.events.DeadLetter;
import io.attune.jobs.events.ErasureReceipt;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.events.SuppressionCount;
import io.attune.jobs.replay.EventTimeAssigner;
import io.attune.jobs.replay.NumberedLinesFormat;
import io.attune.jobs.stream.RawRecord;
import io.attune.jobs.replay.JsonLinesFileSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * {@code bin/attune replay}: the personalization job graph, unchanged, over bounded JSON-lines files (one
 * per input topic, in the docs/events.md format) on a local MiniCluster, for backfills and what-if runs.
 *
 * <p>It runs in Flink's batch execution mode with every record stamped with its event time, which is what
 * makes the order exact: the catalog is applied first, then each account's links and activity and each
 * person's updates are processed in event-time order. Refreshes are written as JSON lines, grouped by
 * person. Processing-time behaviour (retention, refresh coalescing) does not apply to a replay.
 */
final class ReplayCommand {

    static final String USAGE = """
              replay   run the job over JSON-lines files (docs/events.md), in event-time order, and write
                       every refresh as a JSON line; exits when done
                         --assistant-messages FILE --engagement-signals FILE
                         --account-links FILE --catalog FILE
                         --erasure-requests FILE                 (each optional, at least one)
                         --output FILE                           refreshes (required)
                         --dead-letters FILE   rejected input (default: OUTPUT.dead-letters.jsonl)
                         --audit FILE          suppression counts (default: not written)
                         --erasure-receipts FILE  one line per erasure applied (default: not written)
                         --<job option> VALUE  any PersonalizationOptions key, e.g. --refresh.top-k 20
            """;

    private static final List<String> INPUTS =
            List.of("assistant-messages", "engagement-signals", "account-links", "catalog", "erasure-requests");

    private ReplayCommand() {}

    static int run(String[] args) throws Exception {
        Configuration given;
        try {
            given = CommandLineOptions.parse(args);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        Map<String, String> all = new LinkedHashMap<>(given.toMap());
        Map<String, Path> inputs = new LinkedHashMap<>();
        for (String input : INPUTS) {
            String file = all.remove(input);
            if (file != null) {
                Path path = Path.of(file);
                if (!Files.isReadable(path)) {
                    return usage("cannot read --" + input + " " + file);
                }
                inputs.put(input, path);
            }
        }
        String output = all.remove("output");
        if (output == null) {
            return usage("--output FILE is required");
        }
        if (inputs.isEmpty()) {
            return usage("give at least one input file");
        }
        Path refreshesFile = Path.of(output);
        Path deadLettersFile = Path.of(all.getOrDefault("dead-letters", output + ".dead-letters.jsonl"));
        all.remove("dead-letters");
        String audit = all.remove("audit");
        String receipts = all.remove("erasure-receipts");

        Configuration options = Configuration.fromMap(all);
        // Processing time does not advance over a batch run: coalescing would hold every refresh to the end.
        if (!options.get(PersonalizationOptions.MIN_REFRESH_INTERVAL).isZero()) {
            System.out.printf("note: %s is ignored in a replay, which writes every refresh%n",
                    PersonalizationOptions.MIN_REFRESH_INTERVAL.key());
        }
        options.set(PersonalizationOptions.MIN_REFRESH_INTERVAL, Duration.ZERO);
        Configuration flinkConf = PersonalizationJob.flinkConfiguration(options);
        flinkConf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        flinkConf.removeConfig(CheckpointingOptions.CHECKPOINTING_INTERVAL);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, flinkConf);

        // The sinks only open when the last stage starts: clear old outputs now, so progress counts this run.
        Files.deleteIfExists(refreshesFile);
        Files.deleteIfExists(deadLettersFile);
        Path empty = Files.createTempFile("attune-replay-empty", ".jsonl");
        empty.toFile().deleteOnExit();
        long events = 0;
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            long lines = countLines(input.getValue());
            events += lines;
            System.out.printf("%-19s %s (%,d lines)%n", input.getKey(), input.getValue(), lines);
        }
        Sources sources = new Sources(
                file(inputs.getOrDefault("assistant-messages", empty)),
                file(inputs.getOrDefault("engagement-signals", empty)),
                file(inputs.getOrDefault("account-links", empty)),
                file(inputs.getOrDefault("catalog", empty)),
                file(inputs.getOrDefault("erasure-requests", empty)),
                WatermarkStrategy.<RawRecord>noWatermarks().withTimestampAssigner(new EventTimeAssigner()));
        Sinks sinks = new Sinks(
                new JsonLinesFileSink<RecommendationRefresh>(refreshesFile, EventJson::toJson),
                new JsonLinesFileSink<DeadLetter>(deadLettersFile, EventJson::toJson),
                audit == null ? new DiscardingSink<SuppressionCount>()
                        : new JsonLinesFileSink<SuppressionCount>(Path.of(audit), EventJson::toJson),
                receipts == null ? new DiscardingSink<ErasureReceipt>()
                        : new JsonLinesFileSink<ErasureReceipt>(Path.of(receipts), EventJson::toJson));
        PersonalizationJob.defineWorkflow(env, options, sources, sinks);

        long started = System.nanoTime();
        Thread progress = new Thread(new Progress(refreshesFile, started), "replay-progress");
        progress.setDaemon(true);
        System.out.printf("Replaying %,d events in event-time order on a local MiniCluster …%n", events);
        progress.start();
        env.execute("attune-replay");
        progress.interrupt();
        System.out.printf("Done in %.1f s: %,d refreshes → %s; %,d dead letters → %s%n",
                (System.nanoTime() - started) / 1e9, countLines(refreshesFile), refreshesFile,
                countLines(deadLettersFile), deadLettersFile);
        return 0;
    }

    private static Source<RawRecord, ?, ?> file(Path path) {
        return FileSource.forRecordStreamFormat(new NumberedLinesFormat(),
                new org.apache.flink.core.fs.Path(path.toAbsolutePath().toUri())).build();
    }

    private static long countLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank()).count();
        }
    }

    private static int usage(String problem) {
        System.err.println("replay: " + problem + "\n\nusage: bin/attune replay [options]\n" + USAGE);
        return 2;
    }

    /** Prints what has been written so far every few seconds (refreshes appear once the profile stage runs). */
    private record Progress(Path refreshes, long started) implements Runnable {
        @Override
        public void run() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(5_000);
                    long written;
                    try {
                        written = countLines(refreshes);
                    } catch (IOException | UncheckedIOException e) {
                        // Stopped while counting (the replay is done: the interrupt closes the file under the
                        // count), or the file cannot be read now: progress is a courtesy, never a failure.
                        if (Thread.currentThread().isInterrupted() || e instanceof ClosedByInterruptException
                                || e.getCause() instanceof ClosedByInterruptException) {
                            return;
                        }
                        System.out.printf("  … %.0f s (refreshes not counted: %s)%n",
                                (System.nanoTime() - started) / 1e9, e.getMessage());
                        continue;
                    }
                    System.out.printf("  … %.0f s, %,d refreshes written%n",
                            (System.nanoTime() - started) / 1e9, written);
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
