package io.attune.jobs;

import static io.attune.jobs.PersonalizationOptions.APPS;
import static io.attune.jobs.PersonalizationOptions.ASYNC_CAPACITY;
import static io.attune.jobs.PersonalizationOptions.ASYNC_TIMEOUT;
import static io.attune.jobs.PersonalizationOptions.AUDIT_WINDOW;
import static io.attune.jobs.PersonalizationOptions.CHECKPOINT_INTERVAL;
import static io.attune.jobs.PersonalizationOptions.DELIVERY_GUARANTEE;
import static io.attune.jobs.PersonalizationOptions.MAX_PARALLELISM;
import static io.attune.jobs.PersonalizationOptions.PROFILE_RETENTION;
import static io.attune.jobs.PersonalizationOptions.TOPIC_ACCOUNT_LINKS;
import static io.attune.jobs.PersonalizationOptions.TOPIC_ASSISTANT_MESSAGES;
import static io.attune.jobs.PersonalizationOptions.TOPIC_CONTENT_CATALOG;
import static io.attune.jobs.PersonalizationOptions.TOPIC_ENGAGEMENT_SIGNALS;
import static io.attune.jobs.PersonalizationOptions.TOPIC_ERASURE_REQUESTS;
import static io.attune.jobs.PersonalizationOptions.TRANSACTION_TIMEOUT;

import io.attune.jobs.events.AccountLink;
import io.attune.jobs.events.AssistantMessage;
import io.attune.jobs.events.CatalogEntry;
import io.attune.jobs.events.DeadLetter;
import io.attune.jobs.events.EngagementSignal;
import io.attune.jobs.events.ErasureRequest;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.functions.AccountKeys;
import io.attune.jobs.functions.CountSuppressions;
import io.attune.jobs.functions.StampSuppressionWindow;
import io.attune.jobs.functions.SuppressionKey;
import io.attune.jobs.functions.DeadLetters;
import io.attune.jobs.functions.DropObjectedMessages;
import io.attune.jobs.functions.EmbedCatalogEntries;
import io.attune.jobs.functions.GuardCatalogItems;
import io.attune.jobs.functions.DrainingAsyncOperatorFactory;
import io.attune.jobs.functions.EmbedMessages;
import io.attune.jobs.functions.EmbedderLease;
import io.attune.jobs.functions.EngagementActivity;
import io.attune.jobs.functions.ErasureActivity;
import io.attune.jobs.functions.EventDecoder;
import io.attune.jobs.functions.GuardMessages;
import io.attune.jobs.functions.MessagesInUse;
import io.attune.jobs.functions.ParseEvents;
import io.attune.jobs.functions.PersonKey;
import io.attune.jobs.functions.ResolveIdentity;
import io.attune.jobs.functions.UpdateProfile;
import io.attune.jobs.functions.CatalogItemKey;
import io.attune.jobs.functions.CatalogStore;
import io.attune.jobs.functions.CoEngagementPairs;
import io.attune.jobs.functions.ItemNeighborhood;
import io.attune.jobs.functions.ItemNeighborhoodOperator;
import io.attune.jobs.functions.ItemPairKey;
import io.attune.jobs.kafka.KafkaEndpoints;
import io.attune.jobs.stream.ActivitySignal;
import io.attune.jobs.stream.CatalogItem;
import io.attune.jobs.stream.CatalogUpdate;
import io.attune.jobs.stream.EmbeddedCatalogEntry;
import io.attune.jobs.stream.EmbeddedMessage;
import io.attune.jobs.stream.PersonEvent;
import io.attune.jobs.stream.RawRecord;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The personalization job: assistant messages, engagement and account links in; one recommendation refresh
 * per linked app out, on every profile update.
 *
 * <pre>
 * messages → parse → keyBy(account) drop objected ← links
 *        → embed (async, batched) → guard ─┐
 * engagement → parse → activity ────┼→ keyBy(account) identity ← links → parse
 * erasure requests → parse ─────────┘        └→ erasure receipts
 *                                   └→ keyBy(person) profile (RocksDB) ← broadcast catalog ← embed ← parse
 *                                                   └→ refreshes;  every parse/embed → dead letters
 * </pre>
 */
public final class PersonalizationJob {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalizationJob.class);

    private PersonalizationJob() {}

    public static void main(String[] args) throws Exception {
        Configuration options = CommandLineOptions.parse(args);
        if (options.get(PersonalizationOptions.FINAL_REFRESH_ONLY)) {
            throw new IllegalArgumentException(PersonalizationOptions.FINAL_REFRESH_ONLY.key()
                    + " is for bounded replays (bin/attune replay): live topics never end, so nothing would refresh");
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(flinkConfiguration(options));
        checkpointStorageWarning(env.getConfiguration()).ifPresent(LOG::warn);
        transactionTimeoutWarning(env.getConfiguration()).ifPresent(LOG::warn);
        defineWorkflow(env, options, KafkaEndpoints.sources(options), KafkaEndpoints.sinks(options));
        env.execute("attune-personalization");
    }

    /**
     * Why checkpoints will fail once the state grows, if they will: without {@code execution.checkpointing.dir} (in
     * the options or the cluster's configuration) Flink keeps checkpoints in the JobManager's memory and refuses
     * any over 5 MiB, which this job's state passes within a minute at 150 events/s; each refusal fails the job,
     * which restarts and replays. A warning, not an error, since a short trial run may never get there.
     */
    static Optional<String> checkpointStorageWarning(ReadableConfig conf) {
        if (conf.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("No " + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key() + " is configured: checkpoints go to"
                + " the JobManager's memory, which refuses any over 5 MiB, and every refused checkpoint restarts"
                + " the job. Set it to a durable file system (the manifests in docker/ do).");
    }

    /**
     * Why some refreshes may be lost, if they may: with exactly-once delivery a refresh's Kafka transaction commits
     * when the next checkpoint completes, and Kafka aborts it (losing its refreshes) once it is older than
     * {@code sink.transaction-timeout}. A checkpoint may take up to {@code execution.checkpointing.timeout}; a timeout
     * shorter than the interval plus that loses the refreshes before every checkpoint that slow. (One not longer than
     * the interval loses them all and stops the job at start, {@code KafkaEndpoints}.)
     */
    static Optional<String> transactionTimeoutWarning(ReadableConfig conf) {
        Duration timeout = conf.get(TRANSACTION_TIMEOUT);
        Duration slowest = conf.get(CHECKPOINT_INTERVAL).plus(conf.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT));
        if (conf.get(DELIVERY_GUARANTEE) != DeliveryGuarantee.EXACTLY_ONCE || timeout.compareTo(slowest) >= 0) {
            return Optional.empty();
        }
        return Optional.of("--" + TRANSACTION_TIMEOUT.key() + " (" + timeout.toSeconds() + " s) is shorter than the"
                + " checkpoint interval plus " + CheckpointingOptions.CHECKPOINTING_TIMEOUT.key() + " ("
                + slowest.toSeconds() + " s): a checkpoint completing more than "
                + timeout.minus(conf.get(CHECKPOINT_INTERVAL)).toSeconds() + " s after it starts loses the refreshes"
                + " written before it (Kafka aborts their transaction). Raise the timeout, up to the broker's"
                + " transaction.max.timeout.ms, or lower the checkpoint timeout.");
    }

    /**
     * How long a network buffer may wait to fill before it is sent on, unless the options name
     * {@code execution.buffer-timeout.interval}. Flink's 100 ms is paid at the exchanges between tasks and made
     * most of an event's way to its refresh (likes p50 107 ms, 41 ms with 20 ms; {@code bin/attune latency},
     * BENCHMARKS.md); 5 ms was quicker still when idle but, flushing near-empty buffers, fell behind at a load that
     * 20 ms and 100 ms kept up with.
     */
    static final Duration DEFAULT_BUFFER_TIMEOUT = Duration.ofMillis(20);

    /**
     * The Flink settings the job relies on: explicit uids, no Kryo, fixed key groups, RocksDB state and
     * exactly-once, aligned checkpoints, and, unless the options say otherwise, network buffers sent on after
     * {@link #DEFAULT_BUFFER_TIMEOUT} and snapshots compressed.
     */
    public static Configuration flinkConfiguration(Configuration options) {
        Configuration conf = new Configuration(options);
        if (!options.contains(ExecutionOptions.BUFFER_TIMEOUT)) {
            conf.set(ExecutionOptions.BUFFER_TIMEOUT, DEFAULT_BUFFER_TIMEOUT);
        }
        if (!options.contains(ExecutionOptions.SNAPSHOT_COMPRESSION)) {
            // Snappy over what snapshots write in full: operator state at every checkpoint (the profile operator's
            // catalog and item signals, whose ids repeat from table to table) and all state in a savepoint. A
            // savepoint of the latency run shrank 4x in its item signals and 6x in its item neighbourhoods
            // (BENCHMARKS.md, "State"); RocksDB's incremental checkpoint files are compressed by RocksDB itself.
            conf.set(ExecutionOptions.SNAPSHOT_COMPRESSION, true);
        }
        conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(PipelineOptions.MAX_PARALLELISM, options.get(MAX_PARALLELISM));
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, options.get(CHECKPOINT_INTERVAL));
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        // An unaligned checkpoint stores the records in flight between operators, and assistant messages travel
        // with their text from the source to the guard: aligned checkpoints keep message text out of every
        // checkpoint, whatever the cluster's own configuration says.
        conf.set(CheckpointingOptions.ENABLE_UNALIGNED, false);
        conf.set(CheckpointingOptions.FORCE_UNALIGNED, false);
        return conf;
    }

    /** Builds the pipeline between the given sources and sinks. */
    public static void defineWorkflow(
            StreamExecutionEnvironment env, Configuration options, Sources sources, Sinks sinks) {
        EventJson json = new EventJson(new HashSet<>(options.get(APPS)));
        EmbedderLease embedder = new EmbedderLease(PersonalizationOptions.embeddingConfig(options));

        SingleOutputStreamOperator<AssistantMessage> messages = parse(env, sources.assistantMessages(),
                sources.eventTime(), options.get(TOPIC_ASSISTANT_MESSAGES), json, EventJson::assistantMessage,
                AssistantMessage.class, Uids.SOURCE_ASSISTANT_MESSAGES, Uids.PARSE_ASSISTANT_MESSAGES, true);
        SingleOutputStreamOperator<EngagementSignal> engagement = parse(env, sources.engagementSignals(),
                sources.eventTime(), options.get(TOPIC_ENGAGEMENT_SIGNALS), json, EventJson::engagementSignal,
                EngagementSignal.class, Uids.SOURCE_ENGAGEMENT_SIGNALS, Uids.PARSE_ENGAGEMENT_SIGNALS, false);
        SingleOutputStreamOperator<AccountLink> links = parse(env, sources.accountLinks(),
                sources.eventTime(), options.get(TOPIC_ACCOUNT_LINKS), json, EventJson::accountLink,
                AccountLink.class, Uids.SOURCE_ACCOUNT_LINKS, Uids.PARSE_ACCOUNT_LINKS, false);
        SingleOutputStreamOperator<ErasureRequest> erasureRequests = parse(env, sources.erasureRequests(),
                sources.eventTime(), options.get(TOPIC_ERASURE_REQUESTS), json, EventJson::erasureRequest,
                ErasureRequest.class, Uids.SOURCE_ERASURE_REQUESTS, Uids.PARSE_ERASURE_REQUESTS, false);
        SingleOutputStreamOperator<CatalogEntry> catalog = parse(env, sources.contentCatalog(),
                sources.eventTime(), options.get(TOPIC_CONTENT_CATALOG), json, EventJson::catalogEntry,
                CatalogEntry.class, Uids.SOURCE_CONTENT_CATALOG, Uids.PARSE_CONTENT_CATALOG, false);

        // Ordered: one account's messages reach the profile in the order they were sent. Drained before every
        // checkpoint barrier, so no message text waits in a checkpoint.
        boolean batch = env.getConfiguration().get(ExecutionOptions.RUNTIME_MODE) == RuntimeExecutionMode.BATCH;
        SingleOutputStreamOperator<AssistantMessage> fromUseDate = messages
                .filter(new MessagesInUse(PersonalizationOptions.messagesUsedFrom(options)))
                .uid(Uids.MESSAGES_IN_USE)
                .name("Messages from their use date");
        if (!batch) {
            // Each message is sent on to the stage before the model at once rather than after the buffer timeout:
            // that exchange added ~10 ms to a message's way at the default (p50 49 -> 59 ms, bin/attune latency),
            // and it never carries more than the embedding stage after it takes. (A batch run's blocking exchanges
            // refuse a timeout of 0.)
            fromUseDate.setBufferTimeout(0);
        }
        // Keyed by account, so one account's messages still travel in order.
        DataStream<AssistantMessage> messagesInUse = links
                .keyBy(new AccountKeys.OfLink())
                .connect(fromUseDate.keyBy(new AccountKeys.OfMessage()))
                .process(new DropObjectedMessages(options.get(PROFILE_RETENTION)))
                .uid(Uids.DROP_OBJECTED_MESSAGES)
                .name("Drop messages of objecting accounts");
        DataStream<EmbeddedMessage> embedded = DrainingAsyncOperatorFactory.orderedWait(messagesInUse,
                        new EmbedMessages(PersonalizationOptions.embeddingConfig(options),
                                PersonalizationOptions.batchingConfig(options),
                                options.get(PersonalizationOptions.GLOSS_DICTIONARIES)),
                        options.get(ASYNC_TIMEOUT), options.get(ASYNC_CAPACITY), EmbeddedMessage.class,
                        "Embed assistant messages")
                .uid(Uids.EMBED_MESSAGES)
                .name("Embed assistant messages");
        SingleOutputStreamOperator<ActivitySignal> guarded = embedded
                .process(new GuardMessages(options.get(TOPIC_ASSISTANT_MESSAGES), embedder))
                .uid(Uids.GUARD_MESSAGES)
                .name("Suppress sensitive topics");
        DataStream<ActivitySignal> engaged = engagement
                .map(new EngagementActivity())
                .uid(Uids.ENGAGEMENT_ACTIVITY)
                .name("Engagement as activity");
        DataStream<ActivitySignal> erasures = erasureRequests
                .map(new ErasureActivity())
                .uid(Uids.ERASURE_ACTIVITY)
                .name("Erasure requests to their accounts");
        // The catalog's texts are public, but no input waits in a checkpoint either: one rule for both stages.
        SingleOutputStreamOperator<CatalogItem> catalogItems = DrainingAsyncOperatorFactory.orderedWait(catalog,
                        new EmbedCatalogEntries(PersonalizationOptions.embeddingConfig(options),
                                PersonalizationOptions.batchingConfig(options),
                                options.get(PersonalizationOptions.GLOSS_DICTIONARIES)),
                        options.get(ASYNC_TIMEOUT), options.get(ASYNC_CAPACITY), EmbeddedCatalogEntry.class,
                        "Embed catalog items")
                .uid(Uids.EMBED_CATALOG)
                .name("Embed catalog items")
                .process(new GuardCatalogItems(options.get(TOPIC_CONTENT_CATALOG), embedder))
                .uid(Uids.GUARD_CATALOG)
                .name("Judge catalog items");

        SingleOutputStreamOperator<PersonEvent> personEvents = links
                .keyBy(new AccountKeys.OfLink())
                .connect(guarded.union(engaged, erasures).keyBy(new AccountKeys.OfActivity()))
                .process(new ResolveIdentity(options.get(PROFILE_RETENTION),
                        options.get(PersonalizationOptions.DEDUP_WINDOW)))
                .uid(Uids.RESOLVE_IDENTITY)
                .name("Resolve accounts center");

        // What engagement teaches about items: popularity and co-engaged neighbours, learned live and sent to
        // the profile operator beside the catalog; after a restore every item's last publication is sent again.
        DataStream<CatalogUpdate> itemSignals = personEvents
                .keyBy(new PersonKey())
                .connect(catalogItems.broadcast(CoEngagementPairs.SENSITIVE_ITEMS))
                .process(new CoEngagementPairs(options.get(PersonalizationOptions.PAIR_WINDOW),
                        options.get(PersonalizationOptions.PAIR_DECAY),
                        options.get(PersonalizationOptions.PAIR_BACKWARD_WEIGHT),
                        options.get(PersonalizationOptions.AFFINITY_WINDOW), options.get(PROFILE_RETENTION)))
                .uid(Uids.CO_ENGAGEMENT_PAIRS)
                .name("Co-engagement pairs")
                .keyBy(new ItemPairKey())
                .transform("Item neighbourhoods", TypeInformation.of(CatalogUpdate.class),
                        new ItemNeighborhoodOperator(new ItemNeighborhood(
                                options.get(PersonalizationOptions.ITEM_NEIGHBORS),
                                options.get(PersonalizationOptions.PUBLISHED_NEIGHBORS),
                                options.get(PersonalizationOptions.AFFINITY_NEIGHBORS),
                                options.get(PersonalizationOptions.PUBLISHED_AFFINITY), options.get(PROFILE_RETENTION),
                                options.get(PersonalizationOptions.ITEM_PUBLISH_INTERVAL),
                                options.get(PersonalizationOptions.ITEM_PUBLISH_MIN_CHANGE),
                                options.get(PersonalizationOptions.ITEM_PUBLISH_MAX_STALENESS),
                                batch, !batch), !batch))
                .uid(Uids.ITEM_NEIGHBORHOOD)
                .name("Item neighbourhoods");
        // The catalog's one checkpointed copy, keyed by item (incremental with RocksDB): the profile operator keeps
        // it whole on the heap but checkpoints none of it, and after a restore this store sends it again.
        BroadcastStream<CatalogUpdate> catalogBroadcast = catalogItems
                .keyBy(new CatalogItemKey())
                .transform("Catalog store", TypeInformation.of(CatalogUpdate.class), new CatalogStore(!batch))
                .uid(Uids.CATALOG_STORE)
                .name("Catalog store")
                .union(itemSignals)
                .broadcast(UpdateProfile.CATALOG, UpdateProfile.ITEM_SIGNALS);
        SingleOutputStreamOperator<RecommendationRefresh> refreshes = personEvents
                .keyBy(new PersonKey())
                .connect(catalogBroadcast)
                .process(new UpdateProfile(PersonalizationOptions.profileSettings(options),
                        options.get(TOPIC_ACCOUNT_LINKS),
                        batch ? null : options.get(PersonalizationOptions.CATALOG_RESEND_TIMEOUT)))
                .uid(Uids.UPDATE_PROFILE)
                .name("Update profile and rank");

        refreshes.sinkTo(sinks.refreshes()).uid(Uids.SINK_REFRESHES).name("Recommendation refreshes");

        DataStream<DeadLetter> deadLetters = messages.getSideOutput(DeadLetters.TAG)
                .union(engagement.getSideOutput(DeadLetters.TAG),
                        links.getSideOutput(DeadLetters.TAG),
                        erasureRequests.getSideOutput(DeadLetters.TAG),
                        catalog.getSideOutput(DeadLetters.TAG),
                        guarded.getSideOutput(DeadLetters.TAG),
                        catalogItems.getSideOutput(DeadLetters.TAG),
                        refreshes.getSideOutput(DeadLetters.TAG));
        deadLetters.sinkTo(sinks.deadLetters()).uid(Uids.SINK_DEAD_LETTERS).name("Dead letters");

        personEvents.getSideOutput(ResolveIdentity.RECEIPTS)
                .sinkTo(sinks.erasureReceipts())
                .uid(Uids.SINK_ERASURE_RECEIPTS)
                .name("Erasure receipts");

        guarded.getSideOutput(GuardMessages.SUPPRESSED)
                .keyBy(new SuppressionKey())
                .window(TumblingProcessingTimeWindows.of(options.get(AUDIT_WINDOW)))
                .aggregate(new CountSuppressions(), new StampSuppressionWindow())
                .uid(Uids.AUDIT_COUNTS)
                .name("Count suppressions")
                .sinkTo(sinks.audit())
                .uid(Uids.SINK_AUDIT)
                .name("Suppression audit");
    }

    /** @param withholdText whether a rejected record's dead letter leaves out its text (assistant messages) */
    private static <T> SingleOutputStreamOperator<T> parse(StreamExecutionEnvironment env,
            Source<RawRecord, ?, ?> source, WatermarkStrategy<RawRecord> eventTime, String topic, EventJson json,
            EventDecoder<T> decoder, Class<T> type, String sourceUid, String parseUid, boolean withholdText) {
        return env.fromSource(source, eventTime, topic)
                .uid(sourceUid)
                .process(new ParseEvents<>(topic, json, decoder, withholdText))
                .returns(TypeInformation.of(type))
                .uid(parseUid)
                .name("Parse " + topic);
    }
}
