package io.attune.jobs;

import static io.attune.jobs.testing.KafkaTestClient.poll;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.events.AccountLink;
import io.attune.jobs.events.DeadLetter;
import io.attune.jobs.events.ErasureReceipt;
import io.attune.jobs.events.ErasureRequest;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.events.SuppressionCount;
import io.attune.jobs.testing.JobRunner;
import io.attune.jobs.testing.KafkaBrokerExtension;
import io.attune.jobs.testing.KafkaTestClient;
import io.attune.jobs.testing.TestEvents;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.apache.flink.runtime.testutils.CommonTestUtils.waitUntilCondition;

/**
 * The whole job on a MiniCluster against a real in-process KRaft broker, with RocksDB state and
 * exactly-once checkpoints: the backbone scenario end to end.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PersonalizationJobKafkaTest {

    private static final String GROUP = "attune-it";

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestClusters.miniCluster();

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void refreshesReachEveryLinkedAppUntilUnlinkedAndBadInputIsDeadLettered() throws Exception {
        long t0 = 1_764_400_000_000L;
        KAFKA.client().send("content-catalog",
                TestEvents.catalog("ig-trail-shoes", "INSTAGRAM", "REELS", "Trail running shoes tested on muddy mountain paths",
                        "running", "outdoors"),
                TestEvents.catalog("ig-jazz-night", "INSTAGRAM", "REELS", "Live jazz night with a saxophone quartet", "music"),
                TestEvents.catalog("ig-pasta", "INSTAGRAM", "REELS", "Fresh homemade pasta in ten minutes", "cooking"),
                TestEvents.catalog("m-ultra-plan", "MESSENGER", "ADS", "A 12-week training plan for your first ultramarathon",
                        "running", "fitness"),
                TestEvents.catalog("m-vinyl", "MESSENGER", "ADS", "Classic vinyl records at half price", "music"),
                TestEvents.catalog("m-knives", "MESSENGER", "ADS", "Chef knives for the home kitchen", "cooking"));
        KAFKA.client().send("account-links",
                EventJson.toJson(new AccountLink("INSTAGRAM", "ig-ana", "center-ana", true, t0)),
                EventJson.toJson(new AccountLink("MESSENGER", "m-ana", "center-ana", true, t0)));

        Configuration options = JobRunner.options(KAFKA.broker().bootstrapServers(), GROUP);
        JobClient job = JobRunner.start(options);

        try (KafkaConsumer<String, String> refreshReader = KAFKA.client().committedReader("recommendation-refreshes");
                KafkaConsumer<String, String> deadLetterReader = KAFKA.client().committedReader("dead-letters");
                KafkaConsumer<String, String> auditReader = KAFKA.client().committedReader("suppression-audit")) {
            List<RecommendationRefresh> refreshes = new ArrayList<>();
            List<DeadLetter> deadLetters = new ArrayList<>();

            waitUntilCondition(() -> KAFKA.broker().consumedToEnd(GROUP, List.of("content-catalog", "account-links")));
            KAFKA.client().send("assistant-messages", TestEvents.message("msg-1", "MESSENGER", "m-ana", t0 + 1_000,
                    "What shoes and training do I need for my first trail running ultramarathon?"));

            waitUntilCondition(() -> {
                readRefreshes(refreshReader, refreshes);
                return triggeredBy(refreshes, "msg-1").size() == 2;
            });
            try (var rocksDbFiles = java.nio.file.Files.list(TestClusters.rocksDbDir())) {
                assertThat(rocksDbFiles).as("keyed state lives in RocksDB").isNotEmpty();
            }
            List<RecommendationRefresh> first = triggeredBy(refreshes, "msg-1");
            assertThat(first).extracting(RecommendationRefresh::app, RecommendationRefresh::accountId)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("INSTAGRAM", "ig-ana"),
                            org.assertj.core.groups.Tuple.tuple("MESSENGER", "m-ana"));
            for (RecommendationRefresh refresh : first) {
                assertThat(refresh.centerId()).isEqualTo("center-ana");
                assertThat(refresh.items()).hasSize(3);
                assertThat(refresh.items()[0].itemId()).as("running first on " + refresh.app())
                        .isIn("ig-trail-shoes", "m-ultra-plan");
                assertThat(refresh.items()[0].score()).isGreaterThan(refresh.items()[1].score());
            }

            KAFKA.client().send("account-links",
                    EventJson.toJson(new AccountLink("INSTAGRAM", "ig-ana", "center-ana", false, t0 + 2_000)));
            waitUntilCondition(() -> KAFKA.broker().consumedToEnd(GROUP, List.of("account-links")));
            KAFKA.client().send("assistant-messages",
                    "{this is not json",
                    TestEvents.message("msg-sensitive", "MESSENGER", "m-ana", t0 + 2_500,
                            "I was diagnosed with depression, which antidepressant should I ask my doctor about?"),
                    TestEvents.message("msg-2", "MESSENGER", "m-ana", t0 + 3_000, "Which running backpack should I take on long mountain runs?"),
                    // The app's retry: the same event again, which must count once.
                    TestEvents.message("msg-2", "MESSENGER", "m-ana", t0 + 3_000, "Which running backpack should I take on long mountain runs?"));

            waitUntilCondition(() -> {
                readRefreshes(refreshReader, refreshes);
                for (String value : poll(deadLetterReader)) {
                    deadLetters.add(EventJson.deadLetter(value));
                }
                return !triggeredBy(refreshes, "msg-2").isEmpty() && !deadLetters.isEmpty();
            });

            assertThat(triggeredBy(refreshes, "msg-2")).extracting(RecommendationRefresh::app)
                    .containsExactly("MESSENGER");
            assertThat(refreshes).filteredOn(r -> r.app().equals("INSTAGRAM"))
                    .as("Instagram hears nothing after the unlink")
                    .extracting(RecommendationRefresh::triggeredBy)
                    .containsOnly("msg-1");
            assertThat(triggeredBy(refreshes, "msg-sensitive")).as("sensitive message suppressed").isEmpty();
            assertThat(refreshes).extracting(RecommendationRefresh::profileVersion).isSorted();
            assertThat(deadLetters).singleElement().satisfies(letter -> {
                assertThat(letter.sourceTopic()).isEqualTo("assistant-messages");
                assertThat(letter.payload()).as("what people tell an assistant is never a dead letter's payload")
                        .isEqualTo("[withheld: 17 characters, not a JSON object]");
                assertThat(letter.reason()).startsWith("not valid JSON");
                assertThat(letter.origin()).as("where the withheld record is").isEqualTo("partition 0, offset 1");
            });
            List<SuppressionCount> audit = new ArrayList<>();
            waitUntilCondition(() -> {
                for (String value : poll(auditReader)) {
                    audit.add(EventJson.suppressionCount(value));
                }
                return !audit.isEmpty();
            });
            assertThat(audit).singleElement().satisfies(count -> {
                assertThat(count.app()).isEqualTo("MESSENGER");
                assertThat(count.category()).isEqualTo("HEALTH");
                assertThat(count.count()).isEqualTo(1L);
                assertThat(count.windowEnd() - count.windowStart()).isEqualTo(1_000L);
            });

            // The account holder objects to the use of assistant messages, the account's only signal: the ranking
            // they built is withdrawn at once.
            KAFKA.client().send("account-links",
                    EventJson.toJson(AccountLink.assistantMessages("MESSENGER", "m-ana", false, t0 + 3_500)));
            String objection = "setting:MESSENGER:m-ana@" + (t0 + 3_500);
            waitUntilCondition(() -> {
                readRefreshes(refreshReader, refreshes);
                return !triggeredBy(refreshes, objection).isEmpty();
            });
            assertThat(triggeredBy(refreshes, "msg-2")).as("sent twice, refreshed once").singleElement()
                    .satisfies(refresh -> assertThat(refresh.items()).isNotEmpty());
            assertThat(triggeredBy(refreshes, objection)).singleElement().satisfies(refresh -> {
                assertThat(refresh.app()).isEqualTo("MESSENGER");
                assertThat(refresh.items()).as("nothing personal left to rank by").isEmpty();
            });

            // The Instagram account, on its own since the unlink, is no longer to be profiled: its feed's ranking is
            // withdrawn at once.
            KAFKA.client().send("account-links",
                    EventJson.toJson(AccountLink.profiling("INSTAGRAM", "ig-ana", false, t0 + 3_600)));
            String noProfiling = "setting:INSTAGRAM:ig-ana@" + (t0 + 3_600);
            waitUntilCondition(() -> {
                readRefreshes(refreshReader, refreshes);
                return !triggeredBy(refreshes, noProfiling).isEmpty();
            });
            assertThat(triggeredBy(refreshes, noProfiling)).isNotEmpty().allSatisfy(refresh -> {
                assertThat(refresh.app()).isEqualTo("INSTAGRAM");
                assertThat(refresh.items()).as("nothing based on profiling").isEmpty();
            });

            // The account holder asks for erasure: a receipt, and the app's personal ranking is withdrawn.
            KAFKA.client().send("erasure-requests", EventJson.toJson(new ErasureRequest("erase-ana", "MESSENGER", "m-ana",
                    t0 + 4_000)));
            List<ErasureReceipt> receipts = new ArrayList<>();
            try (KafkaConsumer<String, String> receiptReader = KAFKA.client().committedReader("erasure-receipts")) {
                waitUntilCondition(() -> {
                    readRefreshes(refreshReader, refreshes);
                    for (String value : poll(receiptReader)) {
                        receipts.add(EventJson.erasureReceipt(value));
                    }
                    return !receipts.isEmpty() && !triggeredBy(refreshes, "erase-ana").isEmpty();
                });
            }
            assertThat(receipts).singleElement().satisfies(receipt -> {
                assertThat(receipt.requestId()).isEqualTo("erase-ana");
                assertThat(receipt.wasLinked()).isTrue();
            });
            assertThat(triggeredBy(refreshes, "erase-ana")).singleElement().satisfies(refresh -> {
                assertThat(refresh.app()).isEqualTo("MESSENGER");
                assertThat(refresh.items()).isEmpty();
            });
            assertThat(job.getJobStatus().get().isGloballyTerminalState()).as("job keeps running").isFalse();

            // A checkpoint every 300 ms for the whole test: the sinks reuse their transactional ids (12 here) where
            // one per checkpoint, sink and subtask left 592 in the broker's memory, for 7 days.
            try (var admin = KAFKA.broker().admin()) {
                assertThat(admin.listTransactions().all().get())
                        .filteredOn(listing -> listing.transactionalId().startsWith("attune-personalization-"))
                        .as("4 sinks, 2 subtasks each: a few ids each, whatever the number of checkpoints")
                        .hasSizeBetween(1, 4 * 2 * 3);
            }
        } finally {
            job.cancel().get();
        }
    }

    private static void readRefreshes(KafkaConsumer<String, String> reader, List<RecommendationRefresh> into)
            throws Exception {
        for (String value : poll(reader)) {
            into.add(EventJson.refresh(value));
        }
    }

    private static List<RecommendationRefresh> triggeredBy(List<RecommendationRefresh> refreshes, String eventId) {
        return refreshes.stream().filter(r -> r.triggeredBy().equals(eventId)).toList();
    }

}
