package io.attune.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.jobs.CommandLineOptions;
import io.attune.jobs.PersonalizationJob;
import io.attune.jobs.PersonalizationOptions;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.kafka.KafkaEndpoints;
import io.attune.models.language.Glossaries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code bin/attune local}: a real KRaft broker and the real job (MiniCluster, RocksDB, exactly-once
 * checkpoints every second) in this JVM, fed with the bundled sample stream, printing every refresh.
 */
final class LocalCommand {

    private static final String SAMPLE = "sample/";
    private static final String GROUP = "attune-local";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LocalCommand() {}

    static int run(String[] args) throws Exception {
        Duration pace = Duration.ofMillis(1_500);
        boolean untilDone = false;
        String glossDictionaries = Glossaries.hasDictionaries(Glossaries.SYSTEM_DIRECTORY)
                ? Glossaries.SYSTEM_DIRECTORY.toString() : null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pace" -> pace = parseDuration(args[++i]);
                case "--until-done" -> untilDone = true;
                case "--gloss-dictionaries" -> glossDictionaries = args[++i].equals("none") ? null : args[i];
                default -> {
                    System.err.println("unknown option '" + args[i] + "' for local");
                    return 2;
                }
            }
        }
        new LocalCommand.Session(pace, untilDone, glossDictionaries).run();
        return 0;
    }

    private static Duration parseDuration(String text) {
        Configuration conf = CommandLineOptions.parse(new String[] {"--d", text});
        return conf.get(org.apache.flink.configuration.ConfigOptions.key("d").durationType().noDefaultValue());
    }

    private static final class Session {
        private final Duration pace;
        private final boolean untilDone;
        private final String glossDictionaries;
        private final RefreshPrinter printer = new RefreshPrinter(System.out);
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final CountDownLatch stopped = new CountDownLatch(1);
        /** What the refreshes printed so far were triggered by, so a timeline step can wait for its cause's. */
        private final Set<String> refreshTriggers = ConcurrentHashMap.newKeySet();
        private Path work;

        Session(Duration pace, boolean untilDone, String glossDictionaries) {
            this.pace = pace;
            this.untilDone = untilDone;
            this.glossDictionaries = glossDictionaries;
        }

        void run() throws Exception {
            long started = System.nanoTime();
            System.out.println("Attune local: starting an in-process Kafka broker …");
            LocalKafkaBroker broker = quietly(LocalKafkaBroker::start);
            Configuration options = new Configuration();
            options.set(PersonalizationOptions.BOOTSTRAP_SERVERS, broker.bootstrapServers());
            options.set(PersonalizationOptions.GROUP_ID, GROUP);
            options.set(PersonalizationOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(1));
            options.set(PersonalizationOptions.AUDIT_WINDOW, Duration.ofSeconds(2));
            if (glossDictionaries != null) {
                options.set(PersonalizationOptions.GLOSS_DICTIONARIES, glossDictionaries);
                System.out.println("Messages and catalog entries with a locale in another language are glossed into"
                        + " English for profiles and ranking, with the dictionaries in " + glossDictionaries + " (--gloss-dictionaries none: not).");
            }
            // Inputs first: messages, engagement, links and catalog are the four the sample fills.
            List<String> topics = new ArrayList<>(KafkaEndpoints.inputTopics(options));
            topics.addAll(KafkaEndpoints.outputTopics(options));
            broker.createTopics(topics, 1);
            System.out.println("Kafka broker at " + broker.bootstrapServers() + "; topics " + topics);

            JobClient job;
            try (KafkaProducer<String, String> producer = KafkaClients.producer(broker.bootstrapServers())) {
                int items = sendAll(producer, options.get(PersonalizationOptions.TOPIC_CONTENT_CATALOG),
                        "content-catalog.jsonl");
                int links = sendAll(producer, options.get(PersonalizationOptions.TOPIC_ACCOUNT_LINKS),
                        "account-links.jsonl");
                System.out.printf("Sample: %d catalog items, %d account links%n", items, links);

                Configuration flinkConf = PersonalizationJob.flinkConfiguration(options);
                Path work = Files.createTempDirectory(Path.of("/tmp"), "attune-local");
                keepStateOnDisk(flinkConf, work);
                giveRocksDbATaskManagersMemory(flinkConf, 2);
                StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, flinkConf);
                PersonalizationJob.defineWorkflow(env, options, KafkaEndpoints.sources(options),
                        KafkaEndpoints.sinks(options));
                System.out.println("Starting the personalization job on a local MiniCluster (RocksDB state) …");
                job = env.executeAsync("attune-personalization (local)");
                installShutdownHook(job, broker, work);

                Thread reader = new Thread(() -> printOutputs(broker.bootstrapServers(), options), "refresh-printer");
                reader.setDaemon(true);
                reader.start();

                waitFor(() -> broker.consumedToEnd(GROUP, List.of(
                        options.get(PersonalizationOptions.TOPIC_CONTENT_CATALOG),
                        options.get(PersonalizationOptions.TOPIC_ACCOUNT_LINKS))));
                System.out.printf("Job running; catalog and links loaded after %.1f s. Replaying the sample "
                        + "timeline …%n", (System.nanoTime() - started) / 1e9);
                replayTimeline(producer);
            }
            waitFor(() -> broker.consumedToEnd(GROUP, topics.subList(0, 4)));
            // Refreshes commit with the checkpoint that committed the offsets above; give the reader a poll.
            Thread.sleep(2_000);
            if (untilDone) {
                System.out.println("\nSample processed; stopping (--until-done).");
                shutdown(job, broker);
                return;
            }
            System.out.println("\nSample processed. The job keeps running: produce to the topics at "
                    + broker.bootstrapServers() + " to see more. Ctrl-C stops.");
            stopped.await();
        }

        private void replayTimeline(KafkaProducer<String, String> producer) throws Exception {
            for (String line : lines("timeline.jsonl")) {
                if (stopping.get()) {
                    return;
                }
                JsonNode node = MAPPER.readTree(line);
                if (node.hasNonNull("after")) {
                    awaitRefreshAfter(node.get("after").asText());
                }
                printer.note(node.path("note").asText());
                String payload = node.has("raw") ? node.get("raw").asText() : node.get("event").toString();
                producer.send(new ProducerRecord<>(node.get("topic").asText(), payload)).get();
                Thread.sleep(pace.toMillis());
            }
        }

        /**
         * A step whose story needs an earlier one to have happened first (an objection to the messages it follows)
         * waits for that event's refresh: the two take different paths through the job, and under load a message
         * still in the embedding stage is overtaken by a setting sent a pace later.
         */
        private void awaitRefreshAfter(String triggerPrefix) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (refreshTriggers.stream().noneMatch(trigger -> trigger.startsWith(triggerPrefix))) {
                if (System.nanoTime() > deadline || stopping.get()) {
                    System.out.println("   (no refresh after " + triggerPrefix + " within 60 s; going on)");
                    return;
                }
                Thread.sleep(50);
            }
        }

        private void printOutputs(String bootstrapServers, Configuration options) {
            String refreshes = options.get(PersonalizationOptions.TOPIC_REFRESHES);
            String deadLetters = options.get(PersonalizationOptions.TOPIC_DEAD_LETTERS);
            String audit = options.get(PersonalizationOptions.TOPIC_AUDIT);
            try (KafkaConsumer<String, String> consumer =
                    KafkaClients.committedReader(bootstrapServers, "attune-local-printer")) {
                consumer.subscribe(List.of(refreshes, deadLetters, audit));
                while (!stopping.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                        try {
                            if (record.topic().equals(refreshes)) {
                                RecommendationRefresh refresh = EventJson.refresh(record.value());
                                printer.refresh(refresh);
                                refreshTriggers.add(refresh.triggeredBy());
                            } else if (record.topic().equals(audit)) {
                                printer.suppressed(EventJson.suppressionCount(record.value()));
                            } else {
                                printer.deadLetter(EventJson.deadLetter(record.value()));
                            }
                        } catch (Exception e) {
                            System.out.println("   (unreadable output: " + e.getMessage() + ")");
                        }
                    }
                }
            } catch (RuntimeException e) {
                if (!stopping.get()) {
                    System.err.println("output reader stopped: " + e);
                }
            }
        }

        private void installShutdownHook(JobClient job, LocalKafkaBroker broker, Path work) {
            this.work = work;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (stopped.getCount() > 0) {
                    System.out.println("\nStopping …");
                    shutdown(job, broker);
                }
            }, "attune-local-shutdown"));
        }

        private void shutdown(JobClient job, LocalKafkaBroker broker) {
            if (!stopping.compareAndSet(false, true)) {
                return;
            }
            try {
                job.cancel().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("job did not cancel cleanly: " + e.getMessage());
            }
            try {
                broker.close();
            } catch (Exception e) {
                System.err.println("broker did not stop cleanly: " + e.getMessage());
            }
            deleteRecursively(work);
            System.out.println("Stopped.");
            stopped.countDown();
        }

        private void waitFor(Condition condition) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!condition.holds()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the job did not catch up within 3 minutes");
                }
                Thread.sleep(200);
            }
        }
    }

    /**
     * Keeps a local run's state on disk under {@code work}: RocksDB's working files, and checkpoints as files. Without
     * a checkpoint directory Flink keeps checkpoints in the JobManager's memory, which refuses any over 5 MiB: the
     * profile operator's state passes that within a minute at 150 events/s, and every checkpoint after that fails
     * the job, which restarts from the last good one and replays what followed.
     */
    static void keepStateOnDisk(Configuration flinkConf, Path work) {
        flinkConf.set(RocksDBOptions.LOCAL_DIRECTORIES, work.resolve("rocksdb").toString());
        flinkConf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, work.resolve("checkpoints").toUri().toString());
    }

    /** RocksDB's memory per slot of a local run, unless the options give {@code taskmanager.memory.managed.size}. */
    static final MemorySize MANAGED_MEMORY_PER_SLOT = MemorySize.ofMebiBytes(512);

    /**
     * Gives a local run's RocksDB about the memory a TaskManager's slot has: a MiniCluster's default is 128 MB for all
     * its slots, where a slot of the Kubernetes manifest's TaskManager (4 GB, two slots) gets about 690 MB. With 64 MB a
     * slot, the item operator's tables outgrew the block cache and write buffers within a minute at 300 events/s and
     * the job fell further behind every minute; with 512 MB it held for five (BENCHMARKS.md, session 45).
     */
    static void giveRocksDbATaskManagersMemory(Configuration flinkConf, int slots) {
        if (!flinkConf.contains(TaskManagerOptions.MANAGED_MEMORY_SIZE)) {
            flinkConf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE,
                    MemorySize.ofMebiBytes(MANAGED_MEMORY_PER_SLOT.getMebiBytes() * (long) slots));
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** Kafka's test kit prints its formatting steps to stdout; keep the terminal for Attune's own output. */
    static <T> T quietly(java.util.concurrent.Callable<T> action) throws Exception {
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            return action.call();
        } finally {
            System.setOut(stdout);
        }
    }

    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    private static int sendAll(KafkaProducer<String, String> producer, String topic, String resource)
            throws Exception {
        List<String> lines = lines(resource);
        for (String line : lines) {
            producer.send(new ProducerRecord<>(topic, line)).get();
        }
        return lines.size();
    }

    private static List<String> lines(String resource) {
        try (InputStream in = LocalCommand.class.getResourceAsStream(SAMPLE + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled sample " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
