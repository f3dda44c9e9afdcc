package io.attune.jobs;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.attune.jobs.functions.ProfileSettings;
import io.attune.models.embedding.BatchingConfig;
import io.attune.models.embedding.EmbeddingConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.connector.kafka.sink.TransactionNamingStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * Every setting of the personalization job. Given on the command line as {@code --key value} (for example
 * {@code --kafka.bootstrap-servers broker:9092}) or in the Flink configuration.
 */
public final class PersonalizationOptions {

    public static final ConfigOption<String> BOOTSTRAP_SERVERS = key("kafka.bootstrap-servers")
            .stringType()
            .noDefaultValue()
            .withDescription("Kafka bootstrap servers, host:port[,host:port]. Required.");

    public static final ConfigOption<String> GROUP_ID = key("kafka.group-id")
            .stringType()
            .defaultValue("attune-personalization")
            .withDescription("Consumer group the sources commit their offsets to (on checkpoints).");

    public static final ConfigOption<Map<String, String>> KAFKA_PROPERTIES = key("kafka.properties")
            .mapType()
            .noDefaultValue()
            .withDescription("Kafka client settings for every consumer, producer and admin client of the job and of"
                    + " bin/attune, one per key: --kafka.properties.security.protocol SASL_SSL"
                    + " --kafka.properties.sasl.mechanism SCRAM-SHA-512. They override kafka.client-properties-file."
                    + " Settings the job makes itself (bootstrap.servers, group.id, isolation.level, transactional ids"
                    + " and timeouts, serializers) are refused: use their options.");

    public static final ConfigOption<String> KAFKA_CLIENT_PROPERTIES_FILE = key("kafka.client-properties-file")
            .stringType()
            .noDefaultValue()
            .withDescription("A Java properties file of Kafka client settings, as kafka.properties takes them: where"
                    + " credentials (sasl.jaas.config, ssl.keystore.password) belong, mounted from a secret, rather"
                    + " than on a command line every process listing shows.");

    public static final ConfigOption<String> TOPIC_ASSISTANT_MESSAGES = key("topic.assistant-messages")
            .stringType().defaultValue("assistant-messages")
            .withDescription("Input: what people send an assistant, one JSON object per record (docs/events.md)."
                    + " Only an embedding of each message reaches the profiles, never its text.");
    public static final ConfigOption<String> TOPIC_ENGAGEMENT_SIGNALS = key("topic.engagement-signals")
            .stringType().defaultValue("engagement-signals")
            .withDescription("Input: likes, follows, views and hides of catalog items (docs/events.md).");
    public static final ConfigOption<String> TOPIC_ACCOUNT_LINKS = key("topic.account-links")
            .stringType().defaultValue("account-links")
            .withDescription("Input: which app accounts belong to one person (accounts center links and"
                    + " unlinks).");
    public static final ConfigOption<String> TOPIC_CONTENT_CATALOG = key("topic.content-catalog")
            .stringType().defaultValue("content-catalog")
            .withDescription("Input: catalog items per app and surface, their updates and deactivations.");
    public static final ConfigOption<String> TOPIC_ERASURE_REQUESTS = key("topic.erasure-requests")
            .stringType().defaultValue("erasure-requests")
            .withDescription("Input: requests to forget everything derived from one account"
                    + " (bin/attune erase writes them).");
    public static final ConfigOption<String> TOPIC_ERASURE_RECEIPTS = key("topic.erasure-receipts")
            .stringType().defaultValue("erasure-receipts")
            .withDescription("Output: one receipt per erasure applied.");
    public static final ConfigOption<String> TOPIC_REFRESHES = key("topic.recommendation-refreshes")
            .stringType().defaultValue("recommendation-refreshes")
            .withDescription("Output: one refresh per linked app and surface on every profile update.");
    public static final ConfigOption<String> TOPIC_DEAD_LETTERS = key("topic.dead-letters")
            .stringType().defaultValue("dead-letters")
            .withDescription("Output: every input record the job could not use, with the reason.");

    public static final ConfigOption<String> TOPIC_AUDIT = key("topic.suppression-audit")
            .stringType().defaultValue("suppression-audit")
            .withDescription("Output: counts of suppressed messages per app and category (never text).");

    public static final ConfigOption<String> MESSAGES_USED_FROM = key("assistant.messages-used-from")
            .stringType()
            .noDefaultValue()
            .withDescription("ISO-8601 instant (2025-12-16T00:00:00Z): assistant messages sent before it are never"
                    + " used, however they arrive (a backfill, a replay of old topics); they are dropped before"
                    + " embedding and counted (messagesBeforeUse). Unset uses every message.");

    public static final ConfigOption<Duration> AUDIT_WINDOW = key("audit.window")
            .durationType()
            .defaultValue(Duration.ofMinutes(1))
            .withDescription("Suppressions are counted per app and category over windows of this length.");

    public static final ConfigOption<DeliveryGuarantee> DELIVERY_GUARANTEE = key("sink.delivery-guarantee")
            .enumType(DeliveryGuarantee.class)
            .defaultValue(DeliveryGuarantee.EXACTLY_ONCE)
            .withDescription("EXACTLY_ONCE writes in Kafka transactions committed on checkpoints; consumers "
                    + "read with isolation.level=read_committed.");

    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX = key("sink.transactional-id-prefix")
            .stringType()
            .defaultValue("attune-personalization")
            .withDescription("Must be unique per job on one Kafka cluster.");

    public static final ConfigOption<TransactionNamingStrategy> TRANSACTION_NAMING =
            key("sink.transaction-naming")
                    .enumType(TransactionNamingStrategy.class)
                    .defaultValue(TransactionNamingStrategy.POOLING)
                    .withDescription("How exactly-once sinks name their Kafka transactions. POOLING (default)"
                            + " reuses a few transactional ids per sink subtask and finds lingering transactions"
                            + " with Kafka's ListTransactions API (Kafka 3.0+; DESCRIBE on the ids where ACLs"
                            + " apply). INCREMENTING, the connector's default, starts a new transactional id at every"
                            + " checkpoint, each held in the broker's memory for transactional.id.expiration.ms (7"
                            + " days): about a million a week for the job's 4 sinks at a parallelism of 4 and a 10 s"
                            + " interval. Switching from INCREMENTING to POOLING on restore is supported, back is"
                            + " not.");

    public static final ConfigOption<Duration> TRANSACTION_TIMEOUT = key("sink.transaction-timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(15))
            .withDescription("With exactly-once delivery, Kafka aborts a transaction older than this, and the"
                    + " refreshes of an aborted transaction are lost (the checkpoint that should have committed them"
                    + " already holds the input offsets past their events). Keep it above the checkpoint interval plus"
                    + " the longest a checkpoint may take (execution.checkpointing.timeout) and a restart; the job"
                    + " refuses one not longer than the interval. At most the broker's transaction.max.timeout.ms"
                    + " (15 min unless the broker says otherwise).");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL = key("checkpoint.interval")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("Exactly-once output becomes visible once per interval.");

    public static final ConfigOption<Integer> MAX_PARALLELISM = key("max-parallelism")
            .intType()
            .defaultValue(720)
            .withDescription("Number of key groups; fixed for the life of the job's state.");

    public static final ConfigOption<List<String>> APPS = key("apps")
            .stringType()
            .asList()
            .defaultValues("FACEBOOK", "INSTAGRAM", "MESSENGER", "WHATSAPP")
            .withDescription("App ids events may name; events from any other app are dead-lettered.");

    public static final ConfigOption<Duration> INTEREST_HALF_LIFE = key("profile.half-life")
            .durationType()
            .defaultValue(Duration.ofDays(7))
            .withDescription("Event-time half-life of a signal's weight in a person's interests.");

    public static final ConfigOption<Duration> PROFILE_RETENTION = key("profile.retention")
            .durationType()
            .defaultValue(Duration.ofDays(90))
            .withDescription("State of a person (and of an unlinked account) inactive this long is cleared.");

    public static final ConfigOption<Duration> DEDUP_WINDOW = key("profile.dedup-window")
            .durationType()
            .defaultValue(Duration.ofDays(1))
            .withDescription("An assistant message or engagement with the eventId of one its account sent within this"
                    + " time (wall clock) is a resend and is dropped (duplicatesDropped), so a producer's or an app's"
                    + " retry does not count twice in the profile, the item tables and the refreshes. The identity"
                    + " stage keeps each account's event ids this long (64-bit hashes, RocksDB, TTL); 0 keeps none.");

    public static final ConfigOption<Integer> TOP_K = key("refresh.top-k")
            .intType()
            .defaultValue(10)
            .withDescription("Items per refresh: how long each app surface's list of recommendations is.");

    public static final ConfigOption<Integer> INTERESTS_PER_ACCOUNT = key("profile.interests-per-account")
            .intType()
            .defaultValue(8)
            .withDescription("Interests (centroids) learned per linked account; unlinking removes exactly those.");

    public static final ConfigOption<List<String>> ADVERTISING_SURFACES = key("refresh.advertising-surfaces")
            .stringType()
            .asList()
            .defaultValues("ADS")
            .withDescription("Catalog surfaces (of any app) that show advertisements: while any account of a person"
                    + " is a minor's (minor: true on account-links), none of them is ranked for that person from a"
                    + " profile (DSA Article 28(2)); each got an empty refresh when it became known.");

    public static final ConfigOption<Integer> MAX_ACCOUNTS = key("profile.max-accounts")
            .intType()
            .defaultValue(64)
            .withDescription("Accounts one accounts center may link. A link beyond it, and the activity of an account"
                    + " it would have linked, go to dead letters: a producer bug that links every account to one"
                    + " center would otherwise make one person's state and refreshes grow with every account.");

    public static final ConfigOption<Float> MERGE_SIMILARITY = key("profile.merge-similarity")
            .floatType()
            .defaultValue(0.5f)
            .withDescription("Cosine at or above which a signal joins an existing interest instead of starting one.");

    public static final ConfigOption<Float> MIN_INTEREST_WEIGHT = key("profile.min-interest-weight")
            .floatType()
            .defaultValue(0.05f)
            .withDescription("An interest whose decayed weight falls below this is forgotten (one signal: after"
                    + " about 4.3 half-lives).");

    public static final ConfigOption<Long> ROUNDING_SALT = key("profile.rounding-salt")
            .longType()
            .defaultValue(0L)
            .withDescription("Mixed into the seed of the interests' stochastic rounding; 0 rounds as always. Replays"
                    + " that differ only in it rank near-ties differently, as on another CPU: for measuring how much"
                    + " of a quality difference is rounding (docs/recommendation-quality.md). Changing it on a"
                    + " running job's savepoint changes only how later updates round.");

    public static final ConfigOption<Integer> RECENT_ITEMS = key("profile.recent-items")
            .intType()
            .defaultValue(16)
            .withDescription("Items each account engaged with most recently, never recommended back to it.");

    public static final ConfigOption<Float> DIVERSITY = key("refresh.diversity")
            .floatType()
            .defaultValue(0.3f)
            .withDescription("In [0, 1): each item an interest places discounts its next ones by this share,"
                    + " so weaker interests get slots too; 0 ranks by similarity alone.");

    public static final ConfigOption<MemorySize> DOT_CACHE_SIZE = key("refresh.dot-cache-size")
            .memoryType()
            .defaultValue(MemorySize.parse("16mb"))
            .withDescription("Per profile subtask, heap for keeping each interest's dot products with the items of"
                    + " surfaces small enough to be ranked exactly (under 4,096 items), so a refresh scores only the"
                    + " interests that moved since that person's last one, and only the items that changed since."
                    + " Refreshes are the same with or without it; least recently used entries go first. An entry"
                    + " takes about 4 bytes per item of the surface; 0 keeps none.");

    public static final ConfigOption<Duration> MIN_REFRESH_INTERVAL = key("refresh.min-interval")
            .durationType()
            .defaultValue(Duration.ZERO)
            .withDescription("Per person: updates sooner than this after a refresh are coalesced into one refresh"
                    + " from the latest state when the interval ends. 0 (default) refreshes on every update.");

    public static final ConfigOption<Boolean> FINAL_REFRESH_ONLY = key("refresh.final-only")
            .booleanType()
            .defaultValue(false)
            .withDescription("For a bounded replay only: per person, one refresh from the latest state when the input"
                    + " ends instead of one on every update, as an evaluation of everyone's final recommendations"
                    + " needs. A job on live topics never reaches the end of its input, so it refuses this.");

    public static final ConfigOption<Integer> RECENT_LIKES = key("profile.recent-likes")
            .intType()
            .defaultValue(8)
            .withDescription("Latest positively engaged items per account whose co-engaged items are recommended.");

    public static final ConfigOption<Integer> ITEM_NEIGHBORS = key("items.neighbors")
            .intType()
            .defaultValue(256)
            .withDescription("Most co-engaged items counted per item (a Space-Saving table in the item's keyed"
                    + " state); items.published-neighbors of them reach the profile operator.");

    public static final ConfigOption<Integer> PUBLISHED_NEIGHBORS = key("items.published-neighbors")
            .intType()
            .defaultValue(64)
            .withDescription("Of each item's items.neighbors, the most certainly co-engaged ones broadcast to the"
                    + " profile operator, where every subtask holds every item's; the rest stay in the item's"
                    + " keyed state to keep the counts accurate. 64 of 256 scored as all 256 on MovieLens"
                    + " validation (0.1090 against 0.1092), 32 lower (0.1075).");

    public static final ConfigOption<Integer> PAIR_WINDOW = key("items.pair-window")
            .intType()
            .defaultValue(8)
            .withDescription("Each positive engagement is paired with the person's this many previous ones to learn"
                    + " which items go together.");

    public static final ConfigOption<Float> PAIR_DECAY = key("items.pair-decay")
            .floatType()
            .defaultValue(1.0f)
            .withDescription("In (0, 1]: a pair d engagements apart counts decay^(d-1), so items engaged one after"
                    + " the other count most; 1 counts the whole window alike.");

    public static final ConfigOption<Float> PAIR_BACKWARD_WEIGHT = key("items.pair-backward-weight")
            .floatType()
            .defaultValue(0.5f)
            .withDescription("In [0, 1]: how much a pair teaches the later item about the earlier one, relative to"
                    + " what it teaches the earlier item about the later one; 0 learns only what people engage"
                    + " with next, 1 treats both alike. 0.5 scored best on MovieLens validation with 0.");

    public static final ConfigOption<Integer> AFFINITY_WINDOW = key("items.affinity-window")
            .intType()
            .defaultValue(32)
            .withDescription("Each like or follow is paired with the person's this many previous ones, both ways, to"
                    + " learn which items the same people like (item affinity, beside the short-range"
                    + " co-engagement of items.pair-window); 0 learns none.");

    public static final ConfigOption<Integer> AFFINITY_NEIGHBORS = key("items.affinity-neighbors")
            .intType()
            .defaultValue(1024)
            .withDescription("Items the same people like counted per item (a Space-Saving table in the item's keyed"
                    + " state); items.published-affinity of them reach the profile operator.");

    public static final ConfigOption<Integer> PUBLISHED_AFFINITY = key("items.published-affinity")
            .intType()
            .defaultValue(256)
            .withDescription("Of each item's items.affinity-neighbors, the most certain ones broadcast to the"
                    + " profile operator beside its published neighbours.");

    public static final ConfigOption<Duration> ITEM_PUBLISH_INTERVAL = key("items.publish-interval")
            .durationType()
            .defaultValue(Duration.ofSeconds(1))
            .withDescription("An item's popularity and neighbours are broadcast to the profile operator at most"
                    + " once per this interval (wall clock), with all changes since; 0 broadcasts every change.");

    public static final ConfigOption<Float> ITEM_PUBLISH_MIN_CHANGE = key("items.publish-min-change")
            .floatType()
            .defaultValue(0.05f)
            .withDescription("An item that has been broadcast before is broadcast again, at the end of an"
                    + " items.publish-interval, only once the pair weight it took in since is at least this share of"
                    + " all it had taken in then, or its last broadcast is items.publish-max-staleness old; 0"
                    + " broadcasts every interval with a change. Each broadcast reads the item's whole tables.");

    public static final ConfigOption<Duration> ITEM_PUBLISH_MAX_STALENESS = key("items.publish-max-staleness")
            .durationType()
            .defaultValue(Duration.ofSeconds(60))
            .withDescription("The longest a change to an item's popularity or neighbours waits for its broadcast"
                    + " under items.publish-min-change.");

    public static final ConfigOption<Duration> CATALOG_RESEND_TIMEOUT = key("catalog.resend-timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(5))
            .withDescription("After a restore the catalog store sends the profile stage every item again, and the"
                    + " item neighbourhoods every item's last published tables (the profile stage checkpoints"
                    + " neither), and person events are held until all of it has arrived (eventsHeldForCatalog). If"
                    + " it has not arrived in this time (wall clock), the held events are applied and ranked against"
                    + " what has, with a warning in the log.");

    public static final ConfigOption<Float> CO_ENGAGEMENT_WEIGHT = key("refresh.co-engagement-weight")
            .floatType()
            .defaultValue(1.0f)
            .withDescription("Weight of co-engagement with recently liked items (normalised to [0, 1]) next to"
                    + " interest similarity.");

    public static final ConfigOption<Integer> AFFINITY_LIKES = key("refresh.affinity-likes")
            .intType()
            .defaultValue(32)
            .withDescription("Latest positively engaged items per account whose affinity (items.affinity-window) is"
                    + " summed into a refresh; each account keeps max(profile.recent-likes, this) item ids.");

    public static final ConfigOption<Float> AFFINITY_WEIGHT = key("refresh.affinity-weight")
            .floatType()
            .defaultValue(1.0f)
            .withDescription("Weight of affinity with the latest refresh.affinity-likes (normalised to [0, 1]) next"
                    + " to co-engagement with the latest likes; 0 ignores affinity.");

    public static final ConfigOption<Integer> CO_ENGAGED_CANDIDATES = key("refresh.co-engaged-candidates")
            .intType()
            .defaultValue(10)
            .withDescription("Per recommended item, how many of the most co-engaged items are ranked, and as many"
                    + " of those with the most affinity (10 with refresh.top-k 10: the 100 most co-engaged; 5 until"
                    + " session 31); the weaker ones cost time and add noise.");

    public static final ConfigOption<Float> LIKE_RECENCY_DECAY = key("refresh.like-recency-decay")
            .floatType()
            .defaultValue(0.8f)
            .withDescription("In (0, 1]: the co-engaged items of the n-th latest like (n = 0 the latest) count"
                    + " decay^n; 1 counts all recent likes alike. 0.8 scored best of 0.5, 0.7, 0.8, 0.9 and 1 on"
                    + " a MovieLens validation split (docs/recommendation-quality.md).");

    public static final ConfigOption<Float> CO_ENGAGEMENT_ASYMMETRY = key("refresh.co-engagement-asymmetry")
            .floatType()
            .defaultValue(0.5f)
            .withDescription("In [0, 1]: how many times a liked item and a candidate were engaged with together is"
                    + " divided by popularity(liked)^a * popularity(candidate)^(1 - a). 0.5 is the cosine; higher"
                    + " values count a popular candidate's co-engagement more (the asymmetric cosine of Aiolli,"
                    + " 2013), 1 is the share of the liked item's engagements followed by the candidate.");

    public static final ConfigOption<Float> POPULARITY_WEIGHT = key("refresh.popularity-weight")
            .floatType()
            .defaultValue(1.0f)
            .withDescription("Weight of the item popularity prior (log-normalised to [0, 1]); 0.5 to 1 scored best"
                    + " on a MovieLens validation split, 2 and 3 clearly lower (docs/recommendation-quality.md).");

    public static final ConfigOption<String> MODEL_DIR = key("embedding.model-dir")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory with a sentence-transformers model.onnx and tokenizer.json; "
                    + "unset uses the bundled all-MiniLM-L6-v2. The model must embed as the bundled one does (an"
                    + " export of it optimised otherwise, say): the sensitive-topic guard's heads were trained on its"
                    + " embeddings and profiles and the catalog in state are in its space, so the guard checks a few"
                    + " probe sentences when it starts and the job fails on a model of another space or size.");

    public static final ConfigOption<String> GLOSS_DICTIONARIES = key("embedding.gloss-dictionaries")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory of FreeDict dictionaries into English in dictd format (Debian and Ubuntu"
                    + " install dict-freedict-deu-eng and the like in /usr/share/dictd). A message whose locale one"
                    + " covers teaches the profile the blend of its own embedding and its word-by-word English"
                    + " gloss's, which the English encoder reads far better (bench/quality/cross-lingual); a catalog"
                    + " entry whose locale one covers is ranked by the same blend. The guard still judges messages"
                    + " and items as written. Unset: no glossing.");

    public static final ConfigOption<Integer> MAX_TOKENS = key("embedding.max-tokens")
            .intType()
            .defaultValue(EmbeddingConfig.DEFAULT_MAX_TOKENS)
            .withDescription("Longer messages are truncated to this many tokens.");

    public static final ConfigOption<Integer> INTRA_OP_THREADS = key("embedding.intra-op-threads")
            .intType()
            .defaultValue(1)
            .withDescription("ONNX Runtime threads per inference call (per parallel embed subtask).");

    public static final ConfigOption<Boolean> QUANTIZED = key("embedding.quantized")
            .booleanType()
            .defaultValue(false)
            .withDescription("Use the int8-quantized all-MiniLM-L6-v2 weights (about 2x the throughput).");

    public static final ConfigOption<Integer> BATCH_SIZE = key("embedding.batch-size")
            .intType()
            .defaultValue(BatchingConfig.defaults().maxBatchSize())
            .withDescription("Messages per inference call.");

    public static final ConfigOption<Integer> BATCH_WINDOW = key("embedding.batch-window")
            .intType()
            .defaultValue(BatchingConfig.defaults().collectSize())
            .withDescription("Messages gathered, then sorted by token length and cut into batches.");

    public static final ConfigOption<Duration> BATCH_WAIT = key("embedding.batch-wait")
            .durationType()
            .defaultValue(BatchingConfig.defaults().maxWait())
            .withDescription("Longest a message waits for others to batch with.");

    public static final ConfigOption<Integer> EMBEDDING_WORKERS = key("embedding.workers")
            .intType()
            .defaultValue(BatchingConfig.defaults().workers())
            .withDescription("Inference threads per TaskManager JVM, shared by its slots.");

    public static final ConfigOption<Integer> ASYNC_CAPACITY = key("embedding.in-flight")
            .intType()
            .defaultValue(64)
            .withDescription("Messages in flight per embed subtask; a full stage backpressures the source.");

    public static final ConfigOption<Duration> ASYNC_TIMEOUT = key("embedding.timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(30))
            .withDescription("A message not embedded in time goes to dead letters. Also the longest a checkpoint"
                    + " waits for the messages in flight, which are embedded and passed on before its barrier.");

    private PersonalizationOptions() {}

    static EmbeddingConfig embeddingConfig(Configuration options) {
        return new EmbeddingConfig(options.get(MODEL_DIR), options.get(MAX_TOKENS), options.get(INTRA_OP_THREADS),
                options.get(QUANTIZED));
    }

    /** The profile and ranking settings in {@code options}. */
    public static ProfileSettings profileSettings(Configuration options) {
        return new ProfileSettings(options.get(INTEREST_HALF_LIFE), options.get(PROFILE_RETENTION), options.get(TOP_K),
                options.get(INTERESTS_PER_ACCOUNT), options.get(MERGE_SIMILARITY), options.get(MIN_INTEREST_WEIGHT),
                options.get(DIVERSITY), options.get(RECENT_ITEMS), options.get(MIN_REFRESH_INTERVAL),
                options.get(RECENT_LIKES), options.get(CO_ENGAGEMENT_WEIGHT), options.get(POPULARITY_WEIGHT),
                options.get(CO_ENGAGED_CANDIDATES), options.get(LIKE_RECENCY_DECAY),
                options.get(CO_ENGAGEMENT_ASYMMETRY), options.get(AFFINITY_LIKES), options.get(AFFINITY_WEIGHT),
                options.get(FINAL_REFRESH_ONLY), options.get(ROUNDING_SALT), options.get(DOT_CACHE_SIZE).getBytes(),
                options.get(MAX_ACCOUNTS), java.util.Set.copyOf(options.get(ADVERTISING_SURFACES)));
    }

    static BatchingConfig batchingConfig(Configuration options) {
        int window = Math.max(options.get(BATCH_WINDOW), options.get(BATCH_SIZE));
        return new BatchingConfig(options.get(BATCH_SIZE), window, options.get(BATCH_WAIT),
                options.get(EMBEDDING_WORKERS), Math.max(BatchingConfig.defaults().queueCapacity(), window));
    }

    /**
     * The event time from which assistant messages are used ({@link #MESSAGES_USED_FROM}), epoch milliseconds;
     * {@link Long#MIN_VALUE} when unset.
     */
    public static long messagesUsedFrom(org.apache.flink.configuration.ReadableConfig options) {
        return options.getOptional(MESSAGES_USED_FROM).map(PersonalizationOptions::instant).orElse(Long.MIN_VALUE);
    }

    private static long instant(String value) {
        try {
            return java.time.Instant.parse(value.trim()).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--" + MESSAGES_USED_FROM.key() + " must be an ISO-8601 instant such as"
                    + " 2025-12-16T00:00:00Z, was '" + value + "'", e);
        }
    }
}
