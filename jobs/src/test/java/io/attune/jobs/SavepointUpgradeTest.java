package io.attune.jobs;

import static io.attune.jobs.testing.KafkaTestClient.poll;
import static org.apache.flink.runtime.testutils.CommonTestUtils.waitUntilCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.cli.LocalKafkaBroker;
import io.attune.jobs.events.AccountLink;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.events.RecommendedItem;
import io.attune.jobs.testing.JobRunner;
import io.attune.jobs.testing.KafkaTestClient;
import io.attune.jobs.testing.TestEvents;
import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.embedding.SharedEmbeddingModel;
import io.attune.models.embedding.TextEmbedder;
import io.attune.models.math.Vectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade through a savepoint keeps every piece of state: linked accounts (identity), the interest
 * vector and version (profile) and the catalog (the catalog store's keyed state, which it sends the profile stage
 * again after the restore). Nothing is re-sent to the job's topics after the restore.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SavepointUpgradeTest {

    private static final String GROUP = "attune-savepoint";
    private static final String SHOES_TEXT = "Trail running shoes tested on muddy mountain paths (running, outdoors)";
    private static final String JAZZ_QUESTION = "Any good live jazz concerts this weekend?";

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestClusters.miniCluster();

    @Test
    void restoredJobRemembersLinksInterestsVersionsAndCatalogAtAnotherParallelism(@TempDir Path savepoints)
            throws Exception {
        long t0 = 1_764_400_000_000L;
        try (LocalKafkaBroker broker = LocalKafkaBroker.start();
                KafkaTestClient kafka = new KafkaTestClient(broker.bootstrapServers())) {
            broker.createTopics(TestClusters.TOPICS, 1);
            kafka.send("content-catalog",
                    catalog("ig-trail-shoes", "INSTAGRAM", "Trail running shoes tested on muddy mountain paths",
                            "running", "outdoors"),
                    catalog("ig-pasta", "INSTAGRAM", "Fresh homemade pasta in ten minutes", "cooking"),
                    catalog("m-vinyl", "MESSENGER", "Classic jazz vinyl records at half price", "music"),
                    // The one item whose id is in the second catalog store subtask's key groups (720, parallelism 2).
                    catalog("m-quartet-tickets", "MESSENGER", "Tickets for a live jazz quartet on Saturday", "music"));
            kafka.send("account-links",
                    EventJson.toJson(new AccountLink("INSTAGRAM", "ig-sam", "center-sam", true, t0)),
                    EventJson.toJson(new AccountLink("MESSENGER", "m-sam", "center-sam", true, t0)));

            Configuration options = JobRunner.options(broker.bootstrapServers(), GROUP);
            List<RecommendationRefresh> refreshes = new ArrayList<>();
            try (KafkaConsumer<String, String> reader = kafka.committedReader("recommendation-refreshes")) {
                JobClient before = JobRunner.start(options);
                waitUntilCondition(() -> broker.consumedToEnd(GROUP, List.of("content-catalog", "account-links")));
                kafka.send("assistant-messages", message("msg-1", t0 + 1_000,
                        "How do I train for my first trail running ultramarathon?"));
                waitUntilCondition(() -> read(reader, refreshes, "msg-1") == 2);
                long versionBefore = refreshes.get(0).profileVersion();

                String savepoint = before.stopWithSavepoint(false, savepoints.toUri().toString(),
                        SavepointFormatType.CANONICAL).get();
                // Written by two subtasks, restored into one: keyed state is regrouped, the catalog store's too, and
                // the profile stage holds the message until the store has sent the whole catalog again.
                JobClient after = JobRunner.start(options, savepoint, 1);
                try {
                    kafka.send("assistant-messages", message("msg-2", t0 + 2_000, JAZZ_QUESTION));
                    waitUntilCondition(() -> read(reader, refreshes, "msg-2") == 2);
                } finally {
                    after.cancel().get();
                }

                List<RecommendationRefresh> restored = refreshes.stream()
                        .filter(r -> r.triggeredBy().equals("msg-2")).toList();
                assertThat(restored).as("both linked apps, without re-sending links")
                        .extracting(RecommendationRefresh::app).containsExactlyInAnyOrder("INSTAGRAM", "MESSENGER");
                assertThat(restored).allSatisfy(r -> {
                    assertThat(r.profileVersion()).isGreaterThan(versionBefore);
                    assertThat(r.items()).as("the whole catalog, from both store subtasks' state").hasSize(2);
                });
                RecommendationRefresh instagram = restored.stream()
                        .filter(r -> r.app().equals("INSTAGRAM")).findFirst().orElseThrow();
                float shoesScore = Arrays.stream(instagram.items())
                        .filter(i -> i.itemId().equals("ig-trail-shoes"))
                        .map(RecommendedItem::score).findFirst().orElseThrow();
                assertThat(instagram.items()[0].itemId()).isEqualTo("ig-trail-shoes");
                assertThat(shoesScore).as("the running interest survived the restore")
                        .isGreaterThan(similarityToJazzQuestionAlone() + 0.2f);
            }
        }
    }

    private static float similarityToJazzQuestionAlone() {
        EmbeddingConfig config = EmbeddingConfig.defaults();
        try (TextEmbedder embedder = SharedEmbeddingModel.acquire(config).newEmbedder()) {
            return Vectors.dot(embedder.embed(JAZZ_QUESTION), embedder.embed(SHOES_TEXT));
        } finally {
            SharedEmbeddingModel.release(config);
        }
    }

    private static int read(KafkaConsumer<String, String> reader, List<RecommendationRefresh> into, String eventId)
            throws Exception {
        for (String value : poll(reader)) {
            into.add(EventJson.refresh(value));
        }
        return (int) into.stream().filter(r -> r.triggeredBy().equals(eventId)).count();
    }

    private static String message(String eventId, long time, String text) {
        return TestEvents.message(eventId, "MESSENGER", "m-sam", time, text);
    }

    private static String catalog(String id, String app, String text, String... tags) {
        String surface = app.equals("INSTAGRAM") ? "REELS" : "ADS";
        return TestEvents.catalog(id, app, surface, text, tags);
    }
}
