package io.attune.jobs.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces to and reads committed output from a test broker. */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(producerProps);
    }

    public void send(String topic, String... values) throws Exception {
        for (String value : values) {
            producer.send(new ProducerRecord<>(topic, value)).get();
        }
    }

    /** A record with a key and no value: a tombstone, as a compacted topic's deletes are. */
    public void sendWithoutValue(String topic, String key) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, null)).get();
    }

    /** A consumer of committed records from the start of {@code topic}; poll it with {@link #poll}. */
    public KafkaConsumer<String, String> committedReader(String topic) {
        return reader(topic, "read_committed");
    }

    /**
     * A consumer of every record from the start of {@code topic}, including those of open and aborted
     * transactions: what the job wrote, whether or not a checkpoint made it visible.
     */
    public KafkaConsumer<String, String> uncommittedReader(String topic) {
        return reader(topic, "read_uncommitted");
    }

    private KafkaConsumer<String, String> reader(String topic, String isolationLevel) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /**
     * Everything readable now: polls until the consumer's position reaches the end of each assigned partition
     * (for a read_committed consumer, the last stable offset, before any transaction still open).
     */
    public static List<String> readToEnd(KafkaConsumer<String, String> consumer) {
        List<String> values = new ArrayList<>(poll(consumer));
        while (consumer.assignment().isEmpty()
                || consumer.assignment().stream().anyMatch(partition -> consumer.position(partition)
                        < consumer.endOffsets(List.of(partition)).get(partition))) {
            values.addAll(poll(consumer));
        }
        return values;
    }

    public static List<String> poll(KafkaConsumer<String, String> consumer) {
        List<String> values = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            values.add(record.value());
        }
        return values;
    }

    @Override
    public void close() {
        producer.close();
    }
}
