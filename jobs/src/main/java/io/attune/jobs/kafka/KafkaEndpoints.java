package io.attune.jobs.kafka;

import static io.attune.jobs.PersonalizationOptions.BOOTSTRAP_SERVERS;
import static io.attune.jobs.PersonalizationOptions.DELIVERY_GUARANTEE;
import static io.attune.jobs.PersonalizationOptions.GROUP_ID;
import static io.attune.jobs.PersonalizationOptions.TOPIC_ACCOUNT_LINKS;
import static io.attune.jobs.PersonalizationOptions.TOPIC_ASSISTANT_MESSAGES;
import static io.attune.jobs.PersonalizationOptions.TOPIC_AUDIT;
import static io.attune.jobs.PersonalizationOptions.TOPIC_CONTENT_CATALOG;
import static io.attune.jobs.PersonalizationOptions.TOPIC_DEAD_LETTERS;
import static io.attune.jobs.PersonalizationOptions.TOPIC_ENGAGEMENT_SIGNALS;
import static io.attune.jobs.PersonalizationOptions.TOPIC_REFRESHES;
import static io.attune.jobs.PersonalizationOptions.TRANSACTIONAL_ID_PREFIX;
import static io.attune.jobs.PersonalizationOptions.TRANSACTION_TIMEOUT;

import io.attune.jobs.Sinks;
import io.attune.jobs.Sources;
import io.attune.jobs.events.DeadLetter;
import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.events.SuppressionCount;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Builds the Kafka sources and sinks of the personalization job from its options. */
public final class KafkaEndpoints {

    private KafkaEndpoints() {}

    public static Sources sources(Configuration options) {
        return new Sources(
                source(options, options.get(TOPIC_ASSISTANT_MESSAGES)),
                source(options, options.get(TOPIC_ENGAGEMENT_SIGNALS)),
                source(options, options.get(TOPIC_ACCOUNT_LINKS)),
                source(options, options.get(TOPIC_CONTENT_CATALOG)));
    }

    public static Sinks sinks(Configuration options) {
        KafkaSink<RecommendationRefresh> refreshes = KafkaSink.<RecommendationRefresh>builder()
                .setBootstrapServers(bootstrapServers(options))
                .setDeliveryGuarantee(options.get(DELIVERY_GUARANTEE))
                .setTransactionalIdPrefix(options.get(TRANSACTIONAL_ID_PREFIX) + "-refreshes")
                .setProperty("transaction.timeout.ms", Long.toString(options.get(TRANSACTION_TIMEOUT).toMillis()))
                .setRecordSerializer(KafkaRecordSerializationSchema.<RecommendationRefresh>builder()
                        .setTopic(options.get(TOPIC_REFRESHES))
                        .setKeySerializationSchema(new JsonLines.RefreshKey())
                        .setValueSerializationSchema(new JsonLines.RefreshValue())
                        .build())
                .build();
        KafkaSink<DeadLetter> deadLetters = KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(bootstrapServers(options))
                .setDeliveryGuarantee(options.get(DELIVERY_GUARANTEE))
                .setTransactionalIdPrefix(options.get(TRANSACTIONAL_ID_PREFIX) + "-dead-letters")
                .setProperty("transaction.timeout.ms", Long.toString(options.get(TRANSACTION_TIMEOUT).toMillis()))
                .setRecordSerializer(KafkaRecordSerializationSchema.<DeadLetter>builder()
                        .setTopic(options.get(TOPIC_DEAD_LETTERS))
                        .setValueSerializationSchema(new JsonLines.DeadLetterValue())
                        .build())
                .build();
        KafkaSink<SuppressionCount> audit = KafkaSink.<SuppressionCount>builder()
                .setBootstrapServers(bootstrapServers(options))
                .setDeliveryGuarantee(options.get(DELIVERY_GUARANTEE))
                .setTransactionalIdPrefix(options.get(TRANSACTIONAL_ID_PREFIX) + "-audit")
                .setProperty("transaction.timeout.ms", Long.toString(options.get(TRANSACTION_TIMEOUT).toMillis()))
                .setRecordSerializer(KafkaRecordSerializationSchema.<SuppressionCount>builder()
                        .setTopic(options.get(TOPIC_AUDIT))
                        .setValueSerializationSchema(new JsonLines.SuppressionCountValue())
                        .build())
                .build();
        return new Sinks(refreshes, deadLetters, audit);
    }

    private static KafkaSource<String> source(Configuration options, String topic) {
        return KafkaSource.<String>builder()
                .setBootstrapServers(bootstrapServers(options))
                .setTopics(topic)
                .setGroupId(options.get(GROUP_ID))
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setValueOnlyDeserializer(new SimpleStringSchema())
                .setProperty("isolation.level", "read_committed")
                .build();
    }

    private static String bootstrapServers(Configuration options) {
        return options.getOptional(BOOTSTRAP_SERVERS).orElseThrow(() -> new IllegalConfigurationException(
                "missing --" + BOOTSTRAP_SERVERS.key() + " (Kafka bootstrap servers)"));
    }
}
