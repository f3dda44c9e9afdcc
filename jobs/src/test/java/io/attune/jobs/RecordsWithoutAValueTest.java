package io.attune.jobs;

import static io.attune.jobs.testing.KafkaTestClient.poll;
import static org.apache.flink.runtime.testutils.CommonTestUtils.waitUntilCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.events.AccountLink;
import io.attune.jobs.events.DeadLetter;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.testing.JobRunner;
import io.attune.jobs.testing.KafkaBrokerExtension;
import io.attune.jobs.testing.TestEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records without a value (tombstones: a compacted topic's deletes, or a producer's null) on every input topic go to
 * the dead letters with their reason, and the job goes on: a source that failed on them would fail again on the same
 * record after every restart.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RecordsWithoutAValueTest {

    private static final String GROUP = "attune-tombstones";
    private static final long T0 = 1_764_400_000_000L;

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestClusters.miniCluster();

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void aTombstoneOnAnyInputIsDeadLetteredAndTheJobGoesOn() throws Exception {
        List<String> inputs = List.of("assistant-messages", "engagement-signals", "account-links", "content-catalog",
                "erasure-requests");
        for (String topic : inputs) {
            KAFKA.client().sendWithoutValue(topic, "some-key");
        }
        KAFKA.client().send("content-catalog", TestEvents.catalog("m-ultra-plan", "MESSENGER", "ADS",
                "A 12-week training plan for your first ultramarathon", "running", "fitness"));
        KAFKA.client().send("account-links",
                EventJson.toJson(new AccountLink("MESSENGER", "m-ana", "center-ana", true, T0)));
        JobClient job = JobRunner.start(JobRunner.options(KAFKA.broker().bootstrapServers(), GROUP));
        try (KafkaConsumer<String, String> refreshReader = KAFKA.client().committedReader("recommendation-refreshes");
                KafkaConsumer<String, String> deadLetterReader = KAFKA.client().committedReader("dead-letters")) {
            waitUntilCondition(() -> KAFKA.broker().consumedToEnd(GROUP, List.of("content-catalog", "account-links")));
            KAFKA.client().send("assistant-messages", TestEvents.message("msg-1", "MESSENGER", "m-ana", T0 + 1_000,
                    "Which trail running shoes grip best on wet rock?"));
            List<RecommendationRefresh> refreshes = new ArrayList<>();
            List<DeadLetter> deadLetters = new ArrayList<>();
            waitUntilCondition(() -> {
                for (String value : poll(refreshReader)) {
                    refreshes.add(EventJson.refresh(value));
                }
                for (String value : poll(deadLetterReader)) {
                    deadLetters.add(EventJson.deadLetter(value));
                }
                return !refreshes.isEmpty() && deadLetters.size() == inputs.size();
            });
            assertThat(refreshes).extracting(RecommendationRefresh::triggeredBy).containsOnly("msg-1");
            assertThat(deadLetters).extracting(DeadLetter::sourceTopic).containsExactlyInAnyOrderElementsOf(inputs);
            assertThat(deadLetters).allSatisfy(letter -> assertThat(letter.reason()).isEqualTo("empty payload"));
            assertThat(job.getJobStatus().get().isGloballyTerminalState()).isFalse();
        } finally {
            job.cancel().get();
        }
    }
}
