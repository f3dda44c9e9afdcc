package io.attune.jobs.kafka;

import static io.attune.jobs.PersonalizationOptions.KAFKA_CLIENT_PROPERTIES_FILE;
import static io.attune.jobs.PersonalizationOptions.KAFKA_PROPERTIES;

import io.attune.jobs.PersonalizationOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The Kafka client settings a deployment adds to every client of the job and of {@code bin/attune}: how to reach a
 * secured cluster (TLS, SASL), from {@code kafka.client-properties-file} and then {@code kafka.properties.*}. Settings
 * the job decides itself are refused, naming the option that sets them, so that a properties file copied from another
 * application cannot quietly turn exactly-once into something else.
 */
public final class KafkaClientProperties {

    /** Client settings the job makes, by the option (or the reason) that decides them. */
    private static final Map<String, String> OWNED = Map.ofEntries(
            Map.entry("bootstrap.servers", "--" + PersonalizationOptions.BOOTSTRAP_SERVERS.key()),
            Map.entry("group.id", "--" + PersonalizationOptions.GROUP_ID.key()),
            Map.entry("isolation.level", "read_committed always: only committed refreshes and input count"),
            Map.entry("enable.auto.commit", "offsets are committed with checkpoints"),
            Map.entry("transactional.id", "--" + PersonalizationOptions.TRANSACTIONAL_ID_PREFIX.key()),
            Map.entry("transaction.timeout.ms", "--" + PersonalizationOptions.TRANSACTION_TIMEOUT.key()),
            Map.entry("key.serializer", "the job's JSON lines"),
            Map.entry("value.serializer", "the job's JSON lines"),
            Map.entry("key.deserializer", "the job's JSON lines"),
            Map.entry("value.deserializer", "the job's JSON lines"));

    private KafkaClientProperties() {}

    /** The deployment's client settings: the file's, then the options' over them; none when neither is given. */
    public static Properties of(ReadableConfig options) {
        Properties properties = new Properties();
        options.getOptional(KAFKA_CLIENT_PROPERTIES_FILE).ifPresent(file -> read(Path.of(file), properties));
        options.getOptional(KAFKA_PROPERTIES).ifPresent(properties::putAll);
        for (String key : properties.stringPropertyNames()) {
            String owner = OWNED.get(key);
            if (owner != null) {
                throw new IllegalConfigurationException("Kafka client setting '" + key + "' (from --"
                        + KAFKA_PROPERTIES.key() + " or --" + KAFKA_CLIENT_PROPERTIES_FILE.key()
                        + ") is the job's own: " + owner);
            }
        }
        return properties;
    }

    /** The deployment's settings with {@code properties} (the client's own) over them. */
    public static Properties with(ReadableConfig options, Properties properties) {
        Properties all = of(options);
        all.putAll(properties);
        return all;
    }

    private static void read(Path file, Properties into) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            into.load(reader);
        } catch (NoSuchFileException e) {
            throw new IllegalConfigurationException("--" + KAFKA_CLIENT_PROPERTIES_FILE.key() + " " + file
                    + ": no such file");
        } catch (IOException e) {
            throw new IllegalConfigurationException("--" + KAFKA_CLIENT_PROPERTIES_FILE.key() + " " + file
                    + " cannot be read: " + e.getMessage(), e);
        }
    }
}
