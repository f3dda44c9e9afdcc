package io.attune.jobs.cli;

import static org.apache.flink.runtime.testutils.CommonTestUtils.waitUntilCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.jobs.PersonalizationOptions;
import io.attune.jobs.TestClusters;
import io.attune.jobs.events.AccountLink;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.kafka.KafkaClientProperties;
import io.attune.jobs.testing.JobRunner;
import io.attune.jobs.testing.TestEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.JaasUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster that only speaks SASL: the job, and {@code bin/attune erase}, reach it with the credentials of a client
 * properties file (as a mounted secret holds them), and without them do not get in.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SecuredKafkaTest {

    private static final long T0 = 1_764_400_000_000L;

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestClusters.miniCluster();

    private static LocalKafkaBroker cluster;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSaslBroker() throws Exception {
        cluster = LocalKafkaBroker.start(SecurityProtocol.SASL_PLAINTEXT);
        try (Admin admin = Admin.create(withServers(credentials()))) {
            admin.createTopics(TestClusters.TOPICS.stream().map(t -> new NewTopic(t, 1, (short) 1)).toList())
                    .all().get();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @Test
    void theJobAndTheEraseCommandReachASaslClusterWithTheCredentialsOfAPropertiesFile() throws Exception {
        Path secret = dir.resolve("kafka-client.properties");
        try (var out = Files.newBufferedWriter(secret)) {
            credentials().store(out, "as a mounted secret would hold them");
        }
        Configuration options = JobRunner.options(cluster.bootstrapServers(), "attune-secured");
        options.setString(PersonalizationOptions.KAFKA_CLIENT_PROPERTIES_FILE.key(), secret.toString());
        // A per-key option beside the file: it wins over the file's value for the same key.
        options.setString(PersonalizationOptions.KAFKA_PROPERTIES.key() + ".client.id", "attune-secured-test");
        assertThat(KafkaClientProperties.of(options).getProperty("sasl.mechanism")).isEqualTo("PLAIN");

        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("content-catalog", TestEvents.catalog("m-ultra-plan", "MESSENGER",
                    "ADS", "A 12-week training plan for your first ultramarathon", "running"))).get();
            producer.send(new ProducerRecord<>("account-links",
                    EventJson.toJson(new AccountLink("MESSENGER", "m-ana", "center-ana", true, T0)))).get();
        }
        JobClient job = JobRunner.start(options);
        List<RecommendationRefresh> refreshes = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = reader("recommendation-refreshes");
                KafkaProducer<String, String> producer = producer()) {
            // The catalog and the link first, as in any test here: a message ranked against no catalog refreshes nothing.
            waitUntilCondition(() -> committed("attune-secured", "content-catalog") && committed("attune-secured",
                    "account-links"));
            producer.send(new ProducerRecord<>("assistant-messages", TestEvents.message("msg-1", "MESSENGER", "m-ana",
                    T0 + 1_000, "What shoes do I need for my first trail running ultramarathon?"))).get();
            waitUntilCondition(() -> {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                    refreshes.add(EventJson.refresh(record.value()));
                }
                return refreshes.stream().anyMatch(r -> r.triggeredBy().equals("msg-1"));
            });
            assertThat(refreshes).filteredOn(r -> r.triggeredBy().equals("msg-1")).singleElement()
                    .satisfies(r -> assertThat(r.items()[0].itemId()).isEqualTo("m-ultra-plan"));

            assertThat(EraseCommand.run(new String[] {"--kafka.bootstrap-servers", cluster.bootstrapServers(),
                "--kafka.client-properties-file", secret.toString(), "--app", "MESSENGER", "--account", "m-ana",
                "--request-id", "erase-secured", "--wait", "60s"})).as("the receipt came back").isZero();
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void withoutCredentialsNothingGetsInAndSettingsTheJobMakesItselfAreRefused() {
        Properties plain = new Properties();
        plain.put("bootstrap.servers", cluster.bootstrapServers());
        plain.put("default.api.timeout.ms", "3000");
        plain.put("request.timeout.ms", "2000");
        try (Admin admin = Admin.create(plain)) {
            assertThatThrownBy(() -> admin.listTopics().names().get()).as("the broker speaks SASL only")
                    .isNotNull();
        }

        Configuration options = JobRunner.options(cluster.bootstrapServers(), "attune-secured");
        options.setString(PersonalizationOptions.KAFKA_PROPERTIES.key() + ".isolation.level", "read_uncommitted");
        assertThatThrownBy(() -> KafkaClientProperties.of(options))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'isolation.level'").hasMessageContaining("read_committed always");
        Configuration missing = JobRunner.options(cluster.bootstrapServers(), "attune-secured");
        missing.setString(PersonalizationOptions.KAFKA_CLIENT_PROPERTIES_FILE.key(), dir.resolve("none").toString());
        assertThatThrownBy(() -> KafkaClientProperties.of(missing)).hasMessageContaining("no such file");
    }

    /** Whether {@code group} has committed an offset past the first record of {@code topic}'s one partition. */
    private static boolean committed(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(withServers(credentials()))) {
            var offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new org.apache.kafka.common.TopicPartition(topic, 0));
            return offset != null && offset.offset() > 0;
        }
    }

    /** The SASL/PLAIN login the test kit's broker accepts, as a client properties file would give it. */
    private static Properties credentials() {
        Properties properties = new Properties();
        properties.put("security.protocol", "SASL_PLAINTEXT");
        properties.put("sasl.mechanism", "PLAIN");
        properties.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"" + JaasUtils.KAFKA_PLAIN_ADMIN + "\" password=\"" + JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD
                + "\";");
        return properties;
    }

    private static Properties withServers(Properties properties) {
        properties.put("bootstrap.servers", cluster.bootstrapServers());
        return properties;
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = withServers(credentials());
        properties.put("key.serializer", StringSerializer.class.getName());
        properties.put("value.serializer", StringSerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    private static KafkaConsumer<String, String> reader(String topic) {
        Properties properties = withServers(credentials());
        properties.put("group.id", "attune-secured-reader");
        properties.put("auto.offset.reset", "earliest");
        properties.put("isolation.level", "read_committed");
        properties.put("key.deserializer", StringDeserializer.class.getName());
        properties.put("value.deserializer", StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
