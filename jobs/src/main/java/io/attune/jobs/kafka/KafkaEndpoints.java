package io.attune.jobs.kafka;

import static io.attune.jobs.PersonalizationOptions.BOOTSTRAP_SERVERS;
import static io.attune.jobs.PersonalizationOptions.CHECKPOINT_INTERVAL;
import static io.attune.jobs.PersonalizationOptions.DELIVERY_GUARANTEE;
import static io.attune.jobs.PersonalizationOptions.GROUP_ID;
import static io.attune.jobs.PersonalizationOptions.TOPIC_ACCOUNT_LINKS;
import static io.attune.jobs.PersonalizationOptions.TOPIC_ASSISTANT_MESSAGES;
import static io.attune.jobs.PersonalizationOptions.TOPIC_AUDIT;
import static io.attune.jobs.PersonalizationOptions.TOPIC_CONTENT_CATALOG;
import static io.attune.jobs.PersonalizationOptions.TOPIC_DEAD_LETTERS;
import static io.attune.jobs.PersonalizationOptions.TOPIC_ENGAGEMENT_SIGNALS;
import static io.attune.jobs.PersonalizationOptions.TOPIC_ERASURE_RECEIPTS;
import static io.attune.jobs.PersonalizationOptions.TOPIC_ERASURE_REQUESTS;
import static io.attune.jobs.PersonalizationOptions.TOPIC_REFRESHES;
import static io.attune.jobs.PersonalizationOptions.TRANSACTIONAL_ID_PREFIX;
import static io.attune.jobs.PersonalizationOptions.TRANSACTION_NAMING;
import static io.attune.jobs.PersonalizationOptions.TRANSACTION_TIMEOUT;

import io.attune.jobs.Sinks;
import io.attune.jobs.stream.RawRecord;
import io.attune.jobs.Sources;
import io.attune.jobs.events.DeadLetter;
import io.attune.jobs.events.ErasureReceipt;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.events.SuppressionCount;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchemaBuilder;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Builds the Kafka sources and sinks of the personalization job from its options. */
public final class KafkaEndpoints {

    private KafkaEndpoints() {}

    /** The topics the job reads, in the order: messages, engagement, links, catalog, erasure requests. */
    public static List<String> inputTopics(Configuration options) {
        return List.of(options.get(TOPIC_ASSISTANT_MESSAGES), options.get(TOPIC_ENGAGEMENT_SIGNALS),
                options.get(TOPIC_ACCOUNT_LINKS), options.get(TOPIC_CONTENT_CATALOG), options.get(TOPIC_ERASURE_REQUESTS));
    }

    /** The topics the job writes: refreshes, dead letters, the suppression audit, erasure receipts. */
    public static List<String> outputTopics(Configuration options) {
        return List.of(options.get(TOPIC_REFRESHES), options.get(TOPIC_DEAD_LETTERS), options.get(TOPIC_AUDIT),
                options.get(TOPIC_ERASURE_RECEIPTS));
    }

    public static Sources sources(Configuration options) {
        return new Sources(
                source(options, options.get(TOPIC_ASSISTANT_MESSAGES)),
                source(options, options.get(TOPIC_ENGAGEMENT_SIGNALS)),
                source(options, options.get(TOPIC_ACCOUNT_LINKS)),
                source(options, options.get(TOPIC_CONTENT_CATALOG)),
                source(options, options.get(TOPIC_ERASURE_REQUESTS)));
    }

    public static Sinks sinks(Configuration options) {
        requireTransactionsToOutliveACheckpointInterval(options);
        return new Sinks(
                sink(options, options.get(TOPIC_REFRESHES), "-refreshes",
                        new JsonLines.Value<RecommendationRefresh>(EventJson::toJson), new JsonLines.RefreshKey()),
                sink(options, options.get(TOPIC_DEAD_LETTERS), "-dead-letters",
                        new JsonLines.Value<DeadLetter>(EventJson::toJson), null),
                sink(options, options.get(TOPIC_AUDIT), "-audit",
                        new JsonLines.Value<SuppressionCount>(EventJson::toJson), null),
                sink(options, options.get(TOPIC_ERASURE_RECEIPTS), "-erasure-receipts",
                        new JsonLines.Value<ErasureReceipt>(EventJson::toJson), null));
    }

    /**
     * With exactly-once delivery every refresh is written in a Kafka transaction committed when the next checkpoint
     * completes, at least one checkpoint interval after it began. Kafka aborts a transaction older than its timeout,
     * and the commit then fails ("producer is already fenced") while the checkpoint holds the input offsets past the
     * events: their refreshes are lost, with only an error in the log. A timeout not longer than the interval loses
     * them all, so the job does not start with one.
     */
    static void requireTransactionsToOutliveACheckpointInterval(ReadableConfig options) {
        Duration timeout = options.get(TRANSACTION_TIMEOUT);
        Duration interval = options.get(CHECKPOINT_INTERVAL);
        if (options.get(DELIVERY_GUARANTEE) == DeliveryGuarantee.EXACTLY_ONCE && timeout.compareTo(interval) <= 0) {
            throw new IllegalConfigurationException("--" + TRANSACTION_TIMEOUT.key() + " " + timeout.toSeconds()
                    + " s is not longer than --" + CHECKPOINT_INTERVAL.key() + " " + interval.toSeconds() + " s: Kafka"
                    + " would abort every transaction before the checkpoint that commits it, and its refreshes would"
                    + " be lost. Raise the timeout (default " + TRANSACTION_TIMEOUT.defaultValue().toMinutes()
                    + " min) or shorten the interval.");
        }
    }

    /** A JSON-lines sink with the job's delivery guarantee; one transactional-id prefix per sink. */
    private static <T> KafkaSink<T> sink(Configuration options, String topic, String idSuffix,
            SerializationSchema<T> value, SerializationSchema<T> key) {
        KafkaRecordSerializationSchemaBuilder<T> records = KafkaRecordSerializationSchema.<T>builder()
                .setTopic(topic)
                .setValueSerializationSchema(value);
        if (key != null) {
            records.setKeySerializationSchema(key);
        }
        KafkaSinkBuilder<T> builder = KafkaSink.<T>builder();
        KafkaClientProperties.of(options).forEach((k, v) -> builder.setProperty((String) k, (String) v));
        return builder
                .setBootstrapServers(bootstrapServers(options))
                .setDeliveryGuarantee(options.get(DELIVERY_GUARANTEE))
                .setTransactionalIdPrefix(options.get(TRANSACTIONAL_ID_PREFIX) + idSuffix)
                .setTransactionNamingStrategy(options.get(TRANSACTION_NAMING))
                .setProperty("transaction.timeout.ms", Long.toString(options.get(TRANSACTION_TIMEOUT).toMillis()))
                .setRecordSerializer(records.build())
                .build();
    }

    private static KafkaSource<RawRecord> source(Configuration options, String topic) {
        return KafkaSource.<RawRecord>builder()
                .setProperties(KafkaClientProperties.of(options))
                .setBootstrapServers(bootstrapServers(options))
                .setTopics(topic)
                .setGroupId(options.get(GROUP_ID))
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer())
                .setProperty("isolation.level", "read_committed")
                .build();
    }

    private static String bootstrapServers(Configuration options) {
        return options.getOptional(BOOTSTRAP_SERVERS).orElseThrow(() -> new IllegalConfigurationException(
                "missing --" + BOOTSTRAP_SERVERS.key() + " (Kafka bootstrap servers)"));
    }
}
