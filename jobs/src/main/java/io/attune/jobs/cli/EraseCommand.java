package io.attune.jobs.cli;

import io.attune.jobs.PersonalizationOptions;
import io.attune.jobs.events.ErasureReceipt;
import io.attune.jobs.kafka.KafkaClientProperties;
import io.attune.jobs.events.ErasureRequest;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.events.InvalidEventException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.util.TimeUtils;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code bin/attune erase}: asks a running job to forget everything it derived from one account, by writing an
 * erasure request to its {@code erasure-requests} topic, and with {@code --wait} waits for the job's receipt. The
 * request is validated as the job would validate it, so a typo fails here, not in the dead letters.
 */
final class EraseCommand {

    static final String USAGE = """
              erase    ask the running job to forget everything derived from one account (GDPR erasure):
                       writes an erasure request to Kafka and prints its id
                         --kafka.bootstrap-servers HOSTS --app APP --account ID
                         --request-id ID       (default: a random UUID)
                         --wait DURATION       wait this long for the job's receipt (e.g. 60s; default: don't)
                         --topic.erasure-requests T --topic.erasure-receipts T --apps A;B  as the job's options
                         --kafka.client-properties-file F --kafka.properties.KEY V  a secured cluster, as the job
            """;

    private EraseCommand() {}

    static int run(String[] args) throws Exception {
        AccountArguments parsed;
        try {
            parsed = AccountArguments.parse(args, "request-id", "wait");
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        String app = parsed.app();
        String account = parsed.account();
        String requestId = parsed.own().get("request-id");
        String wait = parsed.own().get("wait");
        Configuration options = parsed.options();
        Duration waitFor;
        try {
            waitFor = wait == null ? Duration.ZERO : TimeUtils.parseDuration(wait);
        } catch (IllegalArgumentException e) {
            return usage("--wait: " + e.getMessage());
        }
        ErasureRequest request = new ErasureRequest(requestId == null ? UUID.randomUUID().toString() : requestId,
                app, account, System.currentTimeMillis());
        String json = EventJson.toJson(request);
        try {
            new EventJson(new HashSet<>(options.get(PersonalizationOptions.APPS))).erasureRequest(json);
        } catch (InvalidEventException e) {
            return usage(e.getMessage());
        }
        String servers = options.get(PersonalizationOptions.BOOTSTRAP_SERVERS);
        String topic = options.get(PersonalizationOptions.TOPIC_ERASURE_REQUESTS);
        Properties deployment;
        try {
            deployment = KafkaClientProperties.of(options);
        } catch (IllegalConfigurationException e) {
            return usage(e.getMessage());
        }
        try (KafkaProducer<String, String> producer = KafkaClients.producer(servers, deployment)) {
            // Keyed by account, so one account's requests stay in order in one partition.
            producer.send(new ProducerRecord<>(topic, app + ":" + account, json)).get();
        }
        System.out.println("erasure requested: " + request.requestId() + " (" + app + ":" + account + ") → " + topic);
        if (waitFor.isZero()) {
            return 0;
        }
        ErasureReceipt receipt = awaitReceipt(servers, deployment,
                options.get(PersonalizationOptions.TOPIC_ERASURE_RECEIPTS), request.requestId(), waitFor);
        if (receipt == null) {
            System.err.println("erase: no receipt for " + request.requestId() + " within " + wait
                    + " (is the job running and reading " + topic + "?)");
            return 1;
        }
        System.out.println("erased at " + java.time.Instant.ofEpochMilli(receipt.erasedAt())
                + (receipt.wasLinked() ? " (the accounts center keeps its other accounts)" : ""));
        return 0;
    }

    /** Reads committed receipts from the start of the topic until this request's appears or time runs out. */
    private static ErasureReceipt awaitReceipt(String servers, Properties deployment, String topic, String requestId,
            Duration timeout) throws InvalidEventException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer =
                KafkaClients.committedReader(servers, "attune-erase-" + requestId, deployment)) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    ErasureReceipt receipt = EventJson.erasureReceipt(record.value());
                    if (receipt.requestId().equals(requestId)) {
                        return receipt;
                    }
                }
            }
        }
        return null;
    }

    private static int usage(String problem) {
        System.err.println("erase: " + problem + "\n\nusage: bin/attune erase [options]\n" + USAGE);
        return 2;
    }
}
