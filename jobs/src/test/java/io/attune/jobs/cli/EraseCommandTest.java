package io.attune.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.events.ErasureReceipt;
import io.attune.jobs.events.ErasureRequest;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.testing.KafkaBrokerExtension;
import io.attune.jobs.testing.KafkaTestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/** {@code bin/attune erase} against a real (in-process) Kafka broker. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EraseCommandTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void writesAValidRequestToTheJobsTopic() throws Exception {
        assertThat(EraseCommand.run(new String[] {"--kafka.bootstrap-servers", KAFKA.broker().bootstrapServers(),
            "--app", "INSTAGRAM", "--account", "ig-ana", "--request-id", "r1"})).isZero();

        EventJson json = new EventJson(Set.of("INSTAGRAM"));
        List<ErasureRequest> requests = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = KAFKA.client().committedReader("erasure-requests")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (requests.stream().noneMatch(r -> r.requestId().equals("r1")) && System.nanoTime() < deadline) {
                for (String value : KafkaTestClient.poll(reader)) {
                    requests.add(json.erasureRequest(value));
                }
            }
        }
        // The other tests write their requests to the same topic.
        assertThat(requests).filteredOn(r -> r.requestId().equals("r1")).singleElement().satisfies(request -> {
            assertThat(request.requestId()).isEqualTo("r1");
            assertThat(request.app()).isEqualTo("INSTAGRAM");
            assertThat(request.accountId()).isEqualTo("ig-ana");
            assertThat(request.timestamp()).isPositive();
        });
    }

    @Test
    void waitsForTheJobsReceiptAndFailsWithoutOne() throws Exception {
        KAFKA.client().send("erasure-receipts", EventJson.toJson(new ErasureReceipt("r2", "MESSENGER", "m-ana", 1L, 2L, true)));
        assertThat(EraseCommand.run(new String[] {"--kafka.bootstrap-servers", KAFKA.broker().bootstrapServers(),
            "--app", "MESSENGER", "--account", "m-ana", "--request-id", "r2", "--wait", "30s"})).isZero();
        assertThat(EraseCommand.run(new String[] {"--kafka.bootstrap-servers", KAFKA.broker().bootstrapServers(),
            "--app", "MESSENGER", "--account", "m-ana", "--request-id", "r3", "--wait", "2s"}))
                .as("no receipt for r3").isEqualTo(1);
    }

    @Test
    void refusesIncompleteOrInvalidRequestsBeforeWritingAnything() throws Exception {
        assertThat(EraseCommand.run(new String[] {"--kafka.bootstrap-servers", KAFKA.broker().bootstrapServers(),
            "--app", "INSTAGRAM"})).isEqualTo(2);
        assertThat(EraseCommand.run(new String[] {"--app", "INSTAGRAM", "--account", "a"})).isEqualTo(2);
        assertThat(EraseCommand.run(new String[] {"--kafka.bootstrap-servers", KAFKA.broker().bootstrapServers(),
            "--app", "MYSPACE", "--account", "a"})).isEqualTo(2);
        assertThat(EraseCommand.run(new String[] {"--kafka.bootstrap-servers", KAFKA.broker().bootstrapServers(),
            "--app", "INSTAGRAM", "--account", "a", "--wait", "soon"})).isEqualTo(2);
    }
}
