package io.attune.jobs.cli;

import static io.attune.jobs.testing.KafkaTestClient.poll;
import static org.apache.flink.runtime.testutils.CommonTestUtils.waitUntilCondition;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.jobs.PersonalizationJob;
import io.attune.jobs.TestClusters;
import io.attune.jobs.Uids;
import io.attune.jobs.events.AccountLink;
import io.attune.jobs.events.EngagementKind;
import io.attune.jobs.events.EngagementSignal;
import io.attune.jobs.events.ErasureRequest;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.functions.UpdateProfile;
import io.attune.jobs.testing.JobRunner;
import io.attune.jobs.testing.KafkaTestClient;
import io.attune.jobs.testing.TestEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/attune inspect} on a savepoint the job has just written after real traffic through a real broker: an
 * account's access report shows its person, interests, recent items and windows; an erased account shows only its
 * erasure marker; the summary counts; and no word of any message, sensitive or not, is anywhere in the savepoint.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class InspectCommandTest {

    private static final String GROUP = "attune-inspect";
    private static final long T0 = 1_764_400_000_000L;
    private static final String RUNNING_QUESTION = "How should I pace my first trail ultramarathon in the Alps?";
    private static final String SENSITIVE_QUESTION =
            "I was diagnosed with depression, which antidepressant should I ask my doctor about?";

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestClusters.miniCluster();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void inspectsWhatTheJobHoldsAndFindsNoMessageText(@TempDir Path work) throws Exception {
        Path[] savepoints = savepointsAfterTraffic(work);
        Path savepoint = savepoints[0];

        JsonNode sam = inspect(work, "--savepoint", savepoint.toString(), "--app", "MESSENGER", "--account", "m-sam");
        assertThat(sam.path("held").asBoolean()).isTrue();
        assertThat(sam.path("identity").path("person").asText()).isEqualTo("center-sam");
        assertThat(sam.path("identity").path("inAnAccountsCenter").asBoolean()).isTrue();
        JsonNode person = sam.path("person");
        assertThat(person.path("profileVersion").asLong()).isPositive();
        List<String> apps = new ArrayList<>();
        person.path("accounts").forEach(a -> apps.add(a.path("app").asText()));
        assertThat(apps).as("the person's accounts, both").containsExactlyInAnyOrder("INSTAGRAM", "MESSENGER");
        JsonNode messenger = account(person, "MESSENGER");
        JsonNode interest = messenger.path("interests").get(0);
        assertThat(interest.path("weight").asDouble()).isPositive();
        assertThat(interest.path("learnedFrom").asText()).isEqualTo("assistant messages");
        assertThat(sam.path("identity").path("assistantMessages").asText()).isEqualTo("used");
        assertThat(sam.path("identity").path("profiling").asText()).isEqualTo("allowed");
        assertThat(sam.path("identity").path("recentEventIds").asInt()).as("its messages' ids, to drop resends")
                .isPositive();
        assertThat(interest.path("closestCatalogItems").get(0).path("tags").toString())
                .as("the interest the running question left reads as running").contains("running");
        JsonNode instagram = account(person, "INSTAGRAM");
        assertThat(instagram.path("interests")).isNotEmpty()
                .allSatisfy(i -> assertThat(i.path("learnedFrom").asText()).isEqualTo("engagement"));
        assertThat(texts(instagram.path("recentlyLikedItems"))).containsExactly("ig-pasta", "ig-trail-shoes");
        assertThat(texts(instagram.path("recentlyEngagedItems"))).containsExactlyInAnyOrder("ig-pasta", "ig-trail-shoes");
        assertThat(texts(person.path("recentEngagements").path("items"))).containsExactly("ig-pasta", "ig-trail-shoes");

        JsonNode alex = inspect(work, "--savepoint", savepoint.toString(), "--app", "INSTAGRAM", "--account", "ig-alex");
        assertThat(alex.path("held").asBoolean()).as("the erasure marker is held").isTrue();
        assertThat(alex.path("identity").path("erasedThrough").isTextual()).isTrue();
        assertThat(alex.path("identity").path("assistantMessages").asText()).isEqualTo("not used: the holder objects");
        assertThat(alex.path("identity").path("profiling").asText()).isEqualTo("none: the holder objects");
        assertThat(alex.path("identity").path("minor").asBoolean()).isTrue();
        assertThat(alex.path("beforeEmbedding").path("objectsToAssistantMessages").asBoolean())
                .as("the stage before the model holds the objections too").isTrue();
        assertThat(alex.path("beforeEmbedding").path("objectsToProfiling").asBoolean()).isTrue();
        assertThat(sam.has("beforeEmbedding")).as("no setting, nothing kept there").isFalse();
        assertThat(alex.path("person").has("accounts")).as("no profile after erasure").isFalse();
        assertThat(alex.path("person").has("recentEngagements")).as("no window after erasure").isFalse();

        JsonNode nobody = inspect(work, "--savepoint", savepoint.toString(), "--app", "INSTAGRAM", "--account", "nobody");
        assertThat(nobody.path("held").asBoolean()).isFalse();

        JsonNode summary = inspect(work, "--savepoint", savepoint.toString());
        assertThat(summary.path("accounts").path("total").asInt()).isEqualTo(3);
        assertThat(summary.path("accounts").path("inAnAccountsCenter").asInt()).isEqualTo(2);
        assertThat(summary.path("accounts").path("withAnErasureMarker").asInt()).isEqualTo(1);
        assertThat(summary.path("accounts").path("objectingToAssistantMessages").asInt()).isEqualTo(1);
        assertThat(summary.path("accounts").path("objectingToProfiling").asInt()).isEqualTo(1);
        assertThat(summary.path("accounts").path("ofMinors").asInt()).isEqualTo(1);
        assertThat(summary.path("accounts").path("objectionsHeldBeforeEmbedding").asInt()).isEqualTo(1);
        assertThat(summary.path("persons").path("total").asInt()).isEqualTo(1);
        assertThat(summary.path("coEngagementWindows").asInt()).isEqualTo(1);
        assertThat(summary.path("itemsWithLearnedSignals").asInt()).isPositive();
        assertThat(summary.path("catalog").path("items").asInt()).isEqualTo(4);
        assertThat(summary.has("operatorsNotInSavepoint")).isFalse();
        JsonNode profileBytes = operatorBytes(summary, Uids.UPDATE_PROFILE);
        assertThat(profileBytes.path("keyed").asLong()).as("profiles").isPositive();
        List<String> union = new ArrayList<>();
        long named = 0;
        for (JsonNode state : profileBytes.path("operatorStates")) {
            if (state.path("mode").asText().equals("UNION")) {
                union.add(state.path("name").asText());
            }
            named += state.path("bytes").asLong();
        }
        // The catalog is the store's, the items' published tables the item neighbourhoods'.
        assertThat(union).as("no catalog and no item tables written by the profile stage")
                .doesNotContain(UpdateProfile.CATALOG_SLICES, UpdateProfile.ITEM_SIGNAL_SLICES);
        assertThat(named).isLessThanOrEqualTo(profileBytes.path("operatorState").asLong());
        assertThat(operatorBytes(summary, Uids.CATALOG_STORE).path("keyed").asLong()).as("the catalog, keyed by item")
                .isPositive();
        assertThat(operatorBytes(summary, Uids.RESOLVE_IDENTITY).path("keyed").asLong()).isPositive();
        assertThat(operatorBytes(summary, Uids.ITEM_NEIGHBORHOOD).path("keyed").asLong()).isPositive();
        assertThat(operatorBytes(summary, Uids.DROP_OBJECTED_MESSAGES).path("keyed").asLong()).isPositive();

        JsonNode fromNative = inspect(work, "--savepoint", savepoints[1].toString(), "--app", "MESSENGER",
                "--account", "m-sam");
        assertThat(fromNative.path("person")).as("RocksDB's native format reads the same")
                .isEqualTo(sam.path("person"));

        String stored = savepointBytes(savepoint);
        assertThat(stored).as("the scan sees state as written: ids are there").contains("center-sam", "ig-trail-shoes");
        for (String word : List.of("ultramarathon", "Alps", "depression", "antidepressant", "doctor",
                "homemade", "muddy")) {
            assertThat(stored).as("'%s' is in no state", word).doesNotContain(word);
        }
    }

    @Test
    void findsEachAccountOfACommittedSavepoint(@TempDir Path work) throws Exception {
        // Both accounts, whichever comes first in its key group range: a reader that yields nothing for a key it
        // does not want would end the read there (the State Processor API's contract), and miss the other.
        for (String[] account : new String[][] {{"INSTAGRAM", "ig-sam"}, {"MESSENGER", "m-sam"}}) {
            JsonNode report = inspect(work, "--savepoint", "src/test/resources/savepoints/0.4/savepoint",
                    "--app", account[0], "--account", account[1]);
            assertThat(report.path("held").asBoolean()).as(account[1]).isTrue();
            assertThat(report.path("person").path("accounts")).hasSize(2);
        }
    }

    @Test
    void readsTheObjectionsTheStageBeforeTheModelKeptInACommittedSavepoint(@TempDir Path work) throws Exception {
        JsonNode alex = inspect(work, "--savepoint", "src/test/resources/savepoints/0.11/savepoint",
                "--app", "MESSENGER", "--account", "m-alex");
        assertThat(alex.path("beforeEmbedding").path("objectsToAssistantMessages").asBoolean()).isTrue();
        assertThat(alex.path("beforeEmbedding").path("objectsToProfiling").asBoolean()).isFalse();
        JsonNode summary = inspect(work, "--savepoint", "src/test/resources/savepoints/0.11/savepoint");
        assertThat(summary.path("accounts").path("objectionsHeldBeforeEmbedding").asInt()).isEqualTo(1);
        assertThat(summary.has("operatorsNotInSavepoint")).isFalse();
    }

    @Test
    void readsTheCatalogFromTheStoreSince012AndFromTheProfileStageBefore(@TempDir Path work) throws Exception {
        for (String version : List.of("0.11", "0.12")) {
            JsonNode summary = inspect(work, "--savepoint", "src/test/resources/savepoints/" + version + "/savepoint");
            assertThat(summary.path("catalog").path("items").asInt()).as(version).isEqualTo(3);
            assertThat(summary.path("catalog").path("writtenByProfileStage").asInt())
                    .as("%s: the items a restore would carry in the profile stage's slices", version)
                    .isEqualTo(version.equals("0.11") ? 3 : 0);
        }
        JsonNode summary = inspect(work, "--savepoint", "src/test/resources/savepoints/0.12/savepoint");
        assertThat(operatorBytes(summary, Uids.CATALOG_STORE).path("keyed").asLong()).isPositive();
    }

    @Test
    void anOlderReleasesSavepointLacksSomeStages(@TempDir Path work) throws Exception {
        JsonNode summary = inspect(work, "--savepoint", "src/test/resources/savepoints/0.1/savepoint");
        assertThat(summary.path("accounts").path("total").asInt()).isEqualTo(2);
        assertThat(texts(summary.path("operatorsNotInSavepoint")))
                .contains(Uids.DROP_OBJECTED_MESSAGES, Uids.CO_ENGAGEMENT_PAIRS, Uids.ITEM_NEIGHBORHOOD);
    }

    @Test
    void refusesWhatIsNotASavepoint(@TempDir Path work) throws Exception {
        assertThat(InspectCommand.run(new String[] {"--savepoint", work.toString()})).isEqualTo(2);
        assertThat(InspectCommand.run(new String[] {})).isEqualTo(2);
        assertThat(InspectCommand.run(new String[] {"--savepoint", work.toString(), "--app", "INSTAGRAM"}))
                .isEqualTo(2);
    }

    @Test
    void checkpointsStayAlignedWhateverTheConfigurationAsks() {
        Configuration asked = new Configuration();
        asked.set(CheckpointingOptions.ENABLE_UNALIGNED, true);
        Configuration conf = PersonalizationJob.flinkConfiguration(asked);
        assertThat(conf.get(CheckpointingOptions.ENABLE_UNALIGNED))
                .as("in-flight messages, text included, never go into a checkpoint").isFalse();
    }

    /** A canonical savepoint and a native one (RocksDB's files) of the same state. */
    private static Path[] savepointsAfterTraffic(Path work) throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.start();
                KafkaTestClient kafka = new KafkaTestClient(broker.bootstrapServers())) {
            broker.createTopics(TestClusters.TOPICS, 1);
            kafka.send("content-catalog",
                    TestEvents.catalog("ig-trail-shoes", "INSTAGRAM", "REELS",
                            "Trail running shoes tested on muddy mountain paths", "running", "outdoors"),
                    TestEvents.catalog("ig-pasta", "INSTAGRAM", "REELS", "Fresh homemade pasta in ten minutes",
                            "cooking"),
                    TestEvents.catalog("m-ultra-plan", "MESSENGER", "ADS",
                            "A 12-week training plan for your first mountain race", "running", "fitness"),
                    TestEvents.catalog("m-vinyl", "MESSENGER", "ADS", "Classic jazz vinyl records at half price",
                            "music"));
            kafka.send("account-links",
                    EventJson.toJson(new AccountLink("INSTAGRAM", "ig-sam", "center-sam", true, T0)),
                    EventJson.toJson(new AccountLink("MESSENGER", "m-sam", "center-sam", true, T0)));
            Configuration options = JobRunner.options(broker.bootstrapServers(), GROUP);
            JobClient job = JobRunner.start(options);
            List<String> receipts = new ArrayList<>();
            List<String> refreshes = new ArrayList<>();
            try (KafkaConsumer<String, String> refreshReader = kafka.committedReader("recommendation-refreshes");
                    KafkaConsumer<String, String> receiptReader = kafka.committedReader("erasure-receipts")) {
                waitUntilCondition(() -> broker.consumedToEnd(GROUP, List.of("content-catalog", "account-links")));
                kafka.send("assistant-messages",
                        TestEvents.message("msg-run", "MESSENGER", "m-sam", T0 + 1_000, RUNNING_QUESTION),
                        TestEvents.message("msg-health", "MESSENGER", "m-sam", T0 + 1_500, SENSITIVE_QUESTION));
                kafka.send("engagement-signals",
                        like("like-1", "ig-sam", T0 + 2_000, "ig-pasta"),
                        like("like-2", "ig-sam", T0 + 3_000, "ig-trail-shoes"),
                        like("like-alex", "ig-alex", T0 + 4_000, "ig-pasta"));
                kafka.send("erasure-requests",
                        EventJson.toJson(new ErasureRequest("erase-alex", "INSTAGRAM", "ig-alex", T0 + 5_000)));
                kafka.send("account-links",
                        EventJson.toJson(AccountLink.assistantMessages("INSTAGRAM", "ig-alex", false, T0 + 6_000)),
                        EventJson.toJson(AccountLink.profiling("INSTAGRAM", "ig-alex", false, T0 + 7_000)),
                        EventJson.toJson(AccountLink.minor("INSTAGRAM", "ig-alex", true, T0 + 8_000)));
                waitUntilCondition(() -> {
                    refreshes.addAll(poll(refreshReader));
                    receipts.addAll(poll(receiptReader));
                    return refreshes.stream().filter(r -> r.contains("\"like-2\"")).count() == 2
                            && !receipts.isEmpty() && broker.consumedToEnd(GROUP, List.of("account-links"));
                });
            }
            // RocksDB's own format, as its retained checkpoints are written.
            String nativeFormat = job.triggerSavepoint(work.resolve("native").toUri().toString(),
                    SavepointFormatType.NATIVE).get();
            String written = job.stopWithSavepoint(false, work.resolve("savepoints").toUri().toString(),
                    SavepointFormatType.CANONICAL).get();
            return new Path[] {Path.of(java.net.URI.create(written)), Path.of(java.net.URI.create(nativeFormat))};
        }
    }

    private static String like(String eventId, String account, long time, String item) {
        return EventJson.toJson(new EngagementSignal(eventId, "INSTAGRAM", account, time, EngagementKind.LIKE, item));
    }

    private static JsonNode operatorBytes(JsonNode summary, String uid) {
        for (JsonNode operator : summary.path("stateBytes")) {
            if (operator.path("operator").asText().equals(uid)) {
                return operator;
            }
        }
        throw new AssertionError("no stateBytes for " + uid + " in " + summary.path("stateBytes"));
    }

    private static JsonNode inspect(Path work, String... args) throws Exception {
        Path output = Files.createTempFile(work, "inspect", ".json");
        String[] all = Stream.concat(Stream.of(args), Stream.of("--output", output.toString()))
                .toArray(String[]::new);
        assertThat(InspectCommand.run(all)).isZero();
        return JSON.readTree(output.toFile());
    }

    private static JsonNode account(JsonNode person, String app) {
        for (JsonNode account : person.path("accounts")) {
            if (account.path("app").asText().equals(app)) {
                return account;
            }
        }
        throw new AssertionError("no " + app + " account in " + person);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Every file of the savepoint, as one string of bytes (state values are written as UTF-8 or modified UTF-8). */
    private static String savepointBytes(Path savepoint) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(savepoint)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }
}
