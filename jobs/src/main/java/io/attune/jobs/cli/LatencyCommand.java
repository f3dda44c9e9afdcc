package io.attune.jobs.cli;

import io.attune.jobs.CommandLineOptions;
import io.attune.jobs.PersonalizationJob;
import io.attune.jobs.PersonalizationOptions;
import io.attune.jobs.events.AccountLink;
import io.attune.jobs.events.AssistantMessage;
import io.attune.jobs.events.CatalogEntry;
import io.attune.jobs.events.EngagementKind;
import io.attune.jobs.events.EngagementSignal;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.events.InvalidEventException;
import io.attune.jobs.events.Modality;
import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.kafka.KafkaEndpoints;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code bin/attune latency}: how long from an event reaching Kafka to its first refresh being readable there. A real
 * KRaft broker and the real job (MiniCluster, parallelism 2, RocksDB) in this JVM, a synthetic catalog and people
 * with two linked apps each, then likes and assistant messages at a steady rate; each refresh names the event that
 * triggered it ({@code triggeredBy}), so a reader on the refresh topic times every event from the moment it was
 * handed to the producer. With the default exactly-once delivery a refresh is readable when the checkpoint after it
 * completes, so the checkpoint interval sets the latency; {@code --sink.delivery-guarantee at-least-once} shows
 * the job's own.
 */
final class LatencyCommand {

    static final String USAGE = """
              latency  time events from Kafka to their first refresh on Kafka: a broker and the job in this
                       process, a synthetic catalog, people with two apps, likes and messages at a steady rate
                         --people N        people (default 200)      --items N      catalog items per app (default 1000)
                         --rate N          events per second (default 20)  --seconds N  how long (default 60)
                         --message-share X share of events that are assistant messages (default 0.25)
                         --timeline        also print each 5 s of the run: events sent then, how many a
                                           refresh named, their p50 and max
                         --parallelism N   the job's parallelism (default 2)
                         --fail-after N    stop the job's TaskManager N s into the load and start a new one:
                                           the job restarts from its last checkpoint (see --timeline)
                         --savepoint DIR   stop the job with a savepoint there at the end (bin/attune inspect
                                           --savepoint reads it: what the state holds, and its bytes per operator)
                         and any job option, e.g. --sink.delivery-guarantee at-least-once --checkpoint.interval 1s
                       The report ends with the run's checkpoints: how many, how long, how many bytes each wrote.
            """;

    private static final String GROUP = "attune-latency";
    private static final List<String> APPS = List.of("INSTAGRAM", "MESSENGER");
    private static final String SURFACE = "FEED";
    private static final String[] TOPICS = {"trail running", "jazz", "home cooking", "road cycling", "board games",
        "photography", "gardening", "chess", "sourdough baking", "bird watching", "rock climbing", "film noir",
        "classical piano", "woodworking", "surfing", "astronomy", "street food", "knitting", "vintage cars",
        "science fiction novels"};
    private static final String[] ITEM_SHAPES = {"A beginner's guide to %s", "Ten things nobody tells you about %s",
        "%s: the gear we tested this season", "Weekend meetup for %s fans", "The history of %s in five minutes"};
    private static final String[] MESSAGE_SHAPES = {"any tips for getting better at %s?",
        "what should I read about %s this weekend", "recommend something about %s for a beginner"};
    /** Events of the first tenth of the run warm the job up (JIT, caches, first checkpoints) and are not timed. */
    private static final double WARM_UP_SHARE = 0.1;
    private static final int TIMELINE_SECONDS = 5;

    private LatencyCommand() {}

    static int run(String[] args) throws Exception {
        int people = 200;
        int items = 1000;
        int rate = 20;
        int seconds = 60;
        double messageShare = 0.25;
        boolean timeline = false;
        int parallelism = 2;
        String savepoint = null;
        int failAfter = -1;
        List<String> jobArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--people" -> people = Integer.parseInt(args[++i]);
                case "--items" -> items = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--message-share" -> messageShare = Double.parseDouble(args[++i]);
                case "--timeline" -> timeline = true;
                case "--parallelism" -> parallelism = Integer.parseInt(args[++i]);
                case "--savepoint" -> savepoint = Path.of(args[++i]).toAbsolutePath().toUri().toString();
                case "--fail-after" -> failAfter = Integer.parseInt(args[++i]);
                default -> jobArgs.add(args[i]);
            }
        }
        Configuration options;
        try {
            options = CommandLineOptions.parse(jobArgs.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println("latency: " + e.getMessage() + "\n\nusage: bin/attune latency [options]\n" + USAGE);
            return 2;
        }
        new LatencyCommand.Run(people, items, rate, seconds, messageShare, timeline, parallelism, savepoint, failAfter,
                options).run();
        return 0;
    }

    private record Sent(long nanos, boolean message) {}

    private static final class Run {
        private final int people;
        private final int items;
        private final int rate;
        private final int seconds;
        private final double messageShare;
        private final boolean timeline;
        private final int parallelism;
        private final String savepoint;
        /** Seconds into the load when the TaskManager is stopped; negative: never. */
        private final int failAfter;
        private final Configuration options;
        private final Map<String, Sent> sent = new ConcurrentHashMap<>();
        private final Map<String, Long> tookNanos = new ConcurrentHashMap<>();
        /** Refreshes per (event, app, surface): more than one means the job restarted and replayed the event. */
        private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        private final AtomicBoolean stopping = new AtomicBoolean();

        Run(int people, int items, int rate, int seconds, double messageShare, boolean timeline, int parallelism,
                String savepoint, int failAfter, Configuration options) {
            this.people = people;
            this.items = items;
            this.rate = rate;
            this.seconds = seconds;
            this.messageShare = messageShare;
            this.timeline = timeline;
            this.parallelism = parallelism;
            this.savepoint = savepoint;
            this.failAfter = failAfter;
            this.options = options;
        }

        void run() throws Exception {
            LocalKafkaBroker broker = LocalCommand.quietly(LocalKafkaBroker::start);
            Path work = Files.createTempDirectory(Path.of("/tmp"), "attune-latency");
            MiniCluster cluster = null;
            JobID job = null;
            int restPort;
            try {
                options.set(PersonalizationOptions.BOOTSTRAP_SERVERS, broker.bootstrapServers());
                options.set(PersonalizationOptions.GROUP_ID, GROUP);
                List<String> inputs = KafkaEndpoints.inputTopics(options);
                List<String> topics = new ArrayList<>(inputs);
                topics.addAll(KafkaEndpoints.outputTopics(options));
                broker.createTopics(topics, 2);
                long now = System.currentTimeMillis();
                try (KafkaProducer<String, String> producer = KafkaClients.producer(broker.bootstrapServers())) {
                    for (String app : APPS) {
                        for (int i = 0; i < items; i++) {
                            String topic = TOPICS[i % TOPICS.length];
                            String text = String.format(ITEM_SHAPES[(i / TOPICS.length) % ITEM_SHAPES.length], topic)
                                    + " #" + i;
                            producer.send(new ProducerRecord<>(inputs.get(3), EventJson.toJson(new CatalogEntry(
                                    itemId(app, i), app, SURFACE, text, new String[] {topic}, now, true, null))));
                        }
                    }
                    for (int p = 0; p < people; p++) {
                        for (String app : APPS) {
                            producer.send(new ProducerRecord<>(inputs.get(2), EventJson.toJson(
                                    new AccountLink(app, account(app, p), "center-" + p, true, now))));
                        }
                    }
                    producer.flush();
                    System.out.printf("Catalog of %,d items in %d apps and %,d people sent; starting the job …%n",
                            items * APPS.size(), APPS.size(), people);

                    Configuration flinkConf = PersonalizationJob.flinkConfiguration(options);
                    LocalCommand.keepStateOnDisk(flinkConf, work);
                    LocalCommand.giveRocksDbATaskManagersMemory(flinkConf, parallelism);
                    restPort = CheckpointStatistics.listenOnAFreePort(flinkConf);
                    // A cluster of its own rather than a local environment's, so a TaskManager can be stopped.
                    cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                            .setConfiguration(flinkConf)
                            .setNumTaskManagers(1)
                            .setNumSlotsPerTaskManager(parallelism)
                            .build());
                    cluster.start();
                    StreamExecutionEnvironment env = new StreamExecutionEnvironment(flinkConf);
                    env.setParallelism(parallelism);
                    PersonalizationJob.defineWorkflow(env, options, KafkaEndpoints.sources(options),
                            KafkaEndpoints.sinks(options));
                    StreamGraph graph = env.getStreamGraph();
                    graph.setJobName("attune-personalization (latency)");
                    job = cluster.submitJob(graph).get().getJobID();
                    long loading = System.nanoTime();
                    waitUntil(() -> broker.consumedToEnd(GROUP, inputs.subList(2, 4)), TimeUnit.MINUTES.toNanos(10));
                    System.out.printf("Catalog and links loaded in %.1f s (items embedded and judged); %d events/s "
                            + "for %d s …%n", (System.nanoTime() - loading) / 1e9, rate, seconds);

                    Thread reader = new Thread(() -> readRefreshes(broker.bootstrapServers()), "latency-reader");
                    reader.setDaemon(true);
                    reader.start();
                    if (failAfter >= 0) {
                        failTaskManagerAfter(cluster, failAfter);
                    }
                    produceLoad(producer, inputs.get(0), inputs.get(1));
                }
                waitUntil(() -> tookNanos.size() >= sent.size(), TimeUnit.SECONDS.toNanos(60));
                report();
                System.out.println();
                System.out.println(CheckpointStatistics.fetch(restPort, job));
                System.out.println(heapAfterAFullCollection());
                if (savepoint != null) {
                    String written = cluster.stopWithSavepoint(job, savepoint, false, SavepointFormatType.CANONICAL)
                            .get(5, TimeUnit.MINUTES);
                    job = null;
                    System.out.println("Savepoint: " + written);
                }
            } finally {
                stopping.set(true);
                if (job != null) {
                    cluster.cancelJob(job).get(30, TimeUnit.SECONDS);
                }
                if (cluster != null) {
                    cluster.close();
                }
                broker.close();
                LocalCommand.deleteRecursively(work);
            }
        }

        /**
         * Stops the cluster's TaskManager {@code seconds} into the load, from another thread so the load goes on, and
         * starts a new one, where the job restarts from its last completed checkpoint and replays what followed.
         */
        private void failTaskManagerAfter(MiniCluster cluster, int seconds) {
            Thread failure = new Thread(() -> {
                try {
                    TimeUnit.SECONDS.sleep(seconds);
                    long stopping = System.nanoTime();
                    cluster.terminateTaskManager(0).get();
                    cluster.startTaskManager();
                    System.out.printf("TaskManager stopped %d s into the load (%.1f s to stop it) and a new one "
                            + "started; the job restarts from its last checkpoint%n", seconds,
                            (System.nanoTime() - stopping) / 1e9);
                } catch (Exception e) {
                    System.err.println("could not stop the TaskManager: " + e);
                }
            }, "latency-failure");
            failure.setDaemon(true);
            failure.start();
        }

        private void produceLoad(KafkaProducer<String, String> producer, String messages, String engagements)
                throws InterruptedException {
            Random random = new Random(34);
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime();
            int total = rate * seconds;
            for (int n = 0; n < total; n++) {
                long due = start + n * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int person = random.nextInt(people);
                String app = APPS.get(random.nextInt(APPS.size()));
                String topic = TOPICS[random.nextInt(TOPICS.length)];
                String eventId = "latency-" + n;
                boolean message = random.nextDouble() < messageShare;
                long eventTime = System.currentTimeMillis();
                String json = message
                        ? EventJson.toJson(new AssistantMessage(eventId, app, account(app, person), eventTime,
                                Modality.TEXT, String.format(MESSAGE_SHAPES[random.nextInt(MESSAGE_SHAPES.length)],
                                        topic), "en"))
                        : EventJson.toJson(new EngagementSignal(eventId, app, account(app, person), eventTime,
                                EngagementKind.LIKE, itemId(app, random.nextInt(items))));
                if (n >= total * WARM_UP_SHARE) {
                    sent.put(eventId, new Sent(System.nanoTime(), message));
                }
                producer.send(new ProducerRecord<>(message ? messages : engagements, json));
            }
            producer.flush();
        }

        private void readRefreshes(String bootstrapServers) {
            String refreshes = options.get(PersonalizationOptions.TOPIC_REFRESHES);
            try (KafkaConsumer<String, String> consumer = KafkaClients.committedReader(bootstrapServers, GROUP + "-reader")) {
                consumer.subscribe(List.of(refreshes));
                while (!stopping.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        long arrived = System.nanoTime();
                        RecommendationRefresh refresh;
                        try {
                            refresh = EventJson.refresh(record.value());
                        } catch (InvalidEventException e) {
                            System.err.println("unreadable refresh: " + e.getMessage());
                            continue;
                        }
                        deliveries.merge(refresh.triggeredBy() + "|" + refresh.app() + "|" + refresh.surface(), 1,
                                Integer::sum);
                        Sent event = sent.get(refresh.triggeredBy());
                        if (event != null) {
                            tookNanos.putIfAbsent(refresh.triggeredBy(), arrived - event.nanos());
                        }
                    }
                }
            } catch (RuntimeException e) {
                if (!stopping.get()) {
                    System.err.println("refresh reader stopped: " + e);
                }
            }
        }

        private void report() {
            System.out.printf("%nTimed %,d events (the first %.0f%% warmed up the job); %,d reached a refresh.%n",
                    sent.size(), WARM_UP_SHARE * 100, tookNanos.size());
            long repeated = deliveries.values().stream().filter(n -> n > 1).count();
            System.out.printf("Refreshes delivered more than once: %,d%s%n", repeated,
                    repeated == 0 ? "" : " (the job restarted and replayed them; see the log)");
            System.out.println("| events | timed | p50 ms | p90 ms | p99 ms | max ms |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            row("likes", false);
            row("assistant messages", true);
            if (timeline) {
                printTimeline();
            }
        }

        /** Whether slow events come steadily (the job falls behind) or in bursts (a stall), by when they were sent. */
        private void printTimeline() {
            long first = sent.values().stream().mapToLong(Sent::nanos).min().orElse(0);
            long bucket = TimeUnit.SECONDS.toNanos(TIMELINE_SECONDS);
            Map<Long, Integer> sentPerBucket = new TreeMap<>();
            Map<Long, List<Long>> tookPerBucket = new TreeMap<>();
            sent.forEach((id, event) -> {
                long b = (event.nanos() - first) / bucket;
                sentPerBucket.merge(b, 1, Integer::sum);
                Long took = tookNanos.get(id);
                if (took != null) {
                    tookPerBucket.computeIfAbsent(b, k -> new ArrayList<>()).add(took);
                }
            });
            // With refresh.min-interval an event may be folded into a later one's refresh and never be named.
            System.out.printf("%n| sent at s | events | named by a refresh | p50 ms | max ms |%n"
                    + "|---:|---:|---:|---:|---:|%n");
            sentPerBucket.forEach((b, count) -> {
                long[] took = tookPerBucket.getOrDefault(b, List.of()).stream().mapToLong(Long::longValue).sorted()
                        .toArray();
                System.out.printf("| %d | %,d | %,d | %s | %s |%n", b * TIMELINE_SECONDS, count, took.length,
                        took.length == 0 ? "" : String.format("%.1f", ms(took, 0.5)),
                        took.length == 0 ? "" : String.format("%.1f", took[took.length - 1] / 1e6));
            });
        }

        private void row(String label, boolean messages) {
            long[] took = sent.entrySet().stream().filter(e -> e.getValue().message() == messages)
                    .map(e -> tookNanos.get(e.getKey())).filter(t -> t != null).mapToLong(Long::longValue).sorted()
                    .toArray();
            if (took.length == 0) {
                System.out.printf("| %s | 0 | | | | |%n", label);
                return;
            }
            System.out.printf("| %s | %,d | %.1f | %.1f | %.1f | %.1f |%n", label, took.length, ms(took, 0.5),
                    ms(took, 0.9), ms(took, 0.99), took[took.length - 1] / 1e6);
        }

        private void waitUntil(LocalCommand.Condition condition, long timeoutNanos) throws Exception {
            long deadline = System.nanoTime() + timeoutNanos;
            while (!condition.holds() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }

    /**
     * The heap this JVM holds after a full collection (an explicit one is full with the default collector): broker,
     * load generator and job together, so an upper bound on the job's, for sizing a TaskManager at the run's scale.
     */
    static String heapAfterAFullCollection() {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return String.format(Locale.ROOT, "Heap after a full collection: %,d MB (the whole JVM: broker, load and job)",
                used >> 20);
    }

    private static String itemId(String app, int i) {
        return app.toLowerCase() + "-item-" + i;
    }

    private static String account(String app, int person) {
        return app.toLowerCase() + "-" + person;
    }
}
