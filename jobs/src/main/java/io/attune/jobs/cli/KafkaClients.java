package io.attune.jobs.cli;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The launcher's own Kafka clients (JSON strings), as the commands that talk to a broker use them. */
final class KafkaClients {

    private KafkaClients() {}

    /** A producer that waits for every replica, so a record it acknowledged is there for the job. */
    static KafkaProducer<String, String> producer(String bootstrapServers) {
        return producer(bootstrapServers, new Properties());
    }

    /** The same with a deployment's client settings ({@code KafkaClientProperties}) under the producer's own. */
    static KafkaProducer<String, String> producer(String bootstrapServers, Properties deployment) {
        Properties props = new Properties();
        props.putAll(deployment);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props);
    }

    /**
     * A consumer of what the job's transactions committed, from the start of the topics it subscribes to; it commits
     * no offsets of its own.
     */
    static KafkaConsumer<String, String> committedReader(String bootstrapServers, String groupId) {
        return committedReader(bootstrapServers, groupId, new Properties());
    }

    /** The same with a deployment's client settings ({@code KafkaClientProperties}) under the reader's own. */
    static KafkaConsumer<String, String> committedReader(String bootstrapServers, String groupId,
            Properties deployment) {
        Properties props = new Properties();
        props.putAll(deployment);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
