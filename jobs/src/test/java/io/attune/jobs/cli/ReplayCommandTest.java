package io.attune.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.events.EventJson;
import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.events.RecommendedItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/attune replay}: the job over bounded files, in event-time order whatever the order of the
 * lines in and across the files.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ReplayCommandTest {

    @Test
    void replaysFilesInEventTimeOrderAndWritesEveryRefresh(@TempDir Path dir) throws Exception {
        Path catalog = write(dir, "catalog.jsonl",
                item("ig-trail-shoes", "Trail running shoes tested on muddy mountain paths", "running"),
                item("ig-jazz-club", "Inside a tiny jazz club: late-night saxophone session", "jazz"),
                item("ig-pasta", "Fresh homemade pasta in ten minutes", "cooking"),
                item("m-pasta-tips", "Five pasta dinners for busy weeknights", "cooking").replace("INSTAGRAM", "MESSENGER"));
        // Listed out of time order on purpose: the link (09:00) comes after the message it routes (09:05).
        Path links = write(dir, "links.jsonl",
                "{\"app\":\"MESSENGER\",\"accountId\":\"m-ana\",\"centerId\":\"center-ana\",\"linked\":true,"
                        + "\"timestamp\":\"2026-11-29T09:00:00Z\"}",
                "{\"app\":\"INSTAGRAM\",\"accountId\":\"ig-ana\",\"centerId\":\"center-ana\",\"linked\":true,"
                        + "\"timestamp\":\"2026-11-29T08:00:00Z\"}");
        Path messages = write(dir, "messages.jsonl",
                message("msg-jazz", "2026-11-29T09:30:00Z", "Any good live jazz concerts with saxophone tonight?"),
                message("msg-run", "2026-11-29T09:05:00Z", "Which shoes for my first trail running race?"),
                message("msg-early", "2026-11-29T08:30:00Z", "Easy pasta recipe for dinner?"),
                "{\"eventId\":\"broken\"");
        Path engagement = write(dir, "engagement.jsonl",
                "{\"eventId\":\"like-1\",\"app\":\"INSTAGRAM\",\"accountId\":\"ig-ana\","
                        + "\"timestamp\":\"2026-11-29T09:10:00Z\",\"kind\":\"LIKE\",\"itemId\":\"ig-trail-shoes\"}");
        Path output = dir.resolve("refreshes.jsonl");

        int status = ReplayCommand.run(new String[] {
            "--assistant-messages", messages.toString(), "--engagement-signals", engagement.toString(),
            "--account-links", links.toString(), "--catalog", catalog.toString(), "--output", output.toString()});

        assertThat(status).isZero();
        List<RecommendationRefresh> refreshes = Files.readAllLines(output).stream().map(ReplayCommandTest::refresh)
                .toList();
        assertThat(refreshes).extracting(RecommendationRefresh::triggeredBy)
                .as("the early message came before the MESSENGER link: it belongs to the account alone")
                .contains("msg-early", "msg-run", "like-1", "msg-jazz");
        assertThat(refreshes).filteredOn(r -> r.triggeredBy().equals("msg-early"))
                .extracting(RecommendationRefresh::centerId).containsOnly("MESSENGER:m-ana");
        assertThat(refreshes).filteredOn(r -> r.triggeredBy().equals("msg-run"))
                .extracting(RecommendationRefresh::centerId).containsOnly("center-ana");

        List<RecommendationRefresh> ana = refreshes.stream()
                .filter(r -> r.centerId().equals("center-ana") && r.app().equals("INSTAGRAM"))
                .sorted(Comparator.comparingLong(RecommendationRefresh::profileVersion))
                .toList();
        assertThat(ana).extracting(RecommendationRefresh::triggeredBy)
                .as("in event-time order, not file order")
                .containsSubsequence("msg-run", "like-1", "msg-jazz");
        RecommendationRefresh last = ana.get(ana.size() - 1);
        assertThat(last.triggeredBy()).isEqualTo("msg-jazz");
        assertThat(last.items()).extracting(RecommendedItem::itemId)
                .as("the liked item is not recommended back").doesNotContain("ig-trail-shoes")
                .first().isEqualTo("ig-jazz-club");

        assertThat(Files.readAllLines(Path.of(output + ".dead-letters.jsonl")))
                .singleElement().asString().contains("assistant-messages").contains("not valid JSON")
                .contains("\"origin\":\"line 4\"");
    }

    @Test
    void whatOthersLikedTogetherReachesTheReplaysRefreshes(@TempDir Path dir) throws Exception {
        Path catalog = feedCatalog(dir);
        Path engagement = write(dir, "engagement.jsonl",
                like("ig-dora", "2026-11-29T11:00:00Z", "ig-trail-shoes"),
                like("ig-ben", "2026-11-29T10:00:00Z", "ig-trail-shoes"),
                like("ig-ben", "2026-11-29T10:01:00Z", "ig-pasta"),
                like("ig-cleo", "2026-11-29T10:02:00Z", "ig-trail-shoes"),
                like("ig-cleo", "2026-11-29T10:03:00Z", "ig-pasta"));
        Path output = dir.resolve("refreshes.jsonl");

        // The neighbour tables are published on a timer (items.publish-interval); in batch mode it must still
        // fire, once per item, or co-engagement would silently vanish from every replay.
        assertThat(ReplayCommand.run(new String[] {"--engagement-signals", engagement.toString(),
            "--catalog", catalog.toString(), "--output", output.toString()})).isZero();

        RecommendationRefresh dora = Files.readAllLines(output).stream().map(ReplayCommandTest::refresh)
                .filter(r -> r.centerId().equals("INSTAGRAM:ig-dora")).reduce((a, b) -> b).orElseThrow();
        assertThat(dora.items()).filteredOn(i -> i.itemId().equals("ig-pasta")).singleElement()
                .extracting(RecommendedItem::reason).asString().startsWith("people who liked what you recently liked");
        assertThat(dora.items()[0].itemId()).as("co-engagement outranks content here").isEqualTo("ig-pasta");
    }

    @Test
    void whatTheSamePeopleLikedFurtherApartReachesTheReplaysRefreshesAsAffinity(@TempDir Path dir)
            throws Exception {
        Path catalog = feedCatalog(dir, item("ig-kayak", "Kayaking a quiet river at dawn", "outdoors"),
                item("ig-chess", "A chess opening in five minutes", "games"));
        // Ben and Cleo liked the shoes and, two likes later, the pasta: too far apart for short-range pairs of
        // window 1, within the affinity window.
        Path engagement = write(dir, "engagement.jsonl",
                like("ig-ben", "2026-11-29T10:00:00Z", "ig-trail-shoes"),
                like("ig-ben", "2026-11-29T10:01:00Z", "ig-kayak"),
                like("ig-ben", "2026-11-29T10:02:00Z", "ig-chess"),
                like("ig-ben", "2026-11-29T10:03:00Z", "ig-pasta"),
                like("ig-cleo", "2026-11-29T10:10:00Z", "ig-trail-shoes"),
                like("ig-cleo", "2026-11-29T10:11:00Z", "ig-chess"),
                like("ig-cleo", "2026-11-29T10:12:00Z", "ig-kayak"),
                like("ig-cleo", "2026-11-29T10:13:00Z", "ig-pasta"),
                like("ig-dora", "2026-11-29T11:00:00Z", "ig-trail-shoes"));

        RecommendedItem pasta = pastaForDora(dir, catalog, engagement, "with");
        assertThat(pasta).as("recommended to Dora").isNotNull();
        assertThat(pasta.reason()).startsWith("people who liked what you recently liked");
        RecommendedItem without = pastaForDora(dir, catalog, engagement, "without",
                "--items.affinity-window", "0", "--refresh.affinity-weight", "0");
        assertThat(without == null || !without.reason().startsWith("people who liked"))
                .as("without affinity the pasta is no co-engaged pick: %s", without).isTrue();
    }

    /** Replays with short-range pairs of window 1 and the given options; Dora's latest pasta pick, or null. */
    private static RecommendedItem pastaForDora(Path dir, Path catalog, Path engagement, String run,
            String... options) throws Exception {
        Path output = dir.resolve(run + ".jsonl");
        List<String> args = new java.util.ArrayList<>(List.of("--engagement-signals", engagement.toString(),
                "--catalog", catalog.toString(), "--output", output.toString(), "--items.pair-window", "1"));
        args.addAll(List.of(options));
        assertThat(ReplayCommand.run(args.toArray(String[]::new))).isZero();
        RecommendationRefresh dora = Files.readAllLines(output).stream().map(ReplayCommandTest::refresh)
                .filter(r -> r.centerId().equals("INSTAGRAM:ig-dora")).reduce((a, b) -> b).orElseThrow();
        return java.util.Arrays.stream(dora.items()).filter(i -> i.itemId().equals("ig-pasta")).findFirst()
                .orElse(null);
    }

    @Test
    void missingOutputOrInputsIsAUsageError(@TempDir Path dir) throws Exception {
        assertThat(ReplayCommand.run(new String[] {"--catalog", dir.resolve("none.jsonl").toString(),
            "--output", dir.resolve("out").toString()})).isEqualTo(2);
        assertThat(ReplayCommand.run(new String[] {"--output", dir.resolve("out").toString()})).isEqualTo(2);
    }

    @Test
    void anErasedAccountLeavesTheRemainingRankingAsIfItHadNeverBeenThere(@TempDir Path dir) throws Exception {
        Path catalog = write(dir, "catalog.jsonl",
                item("ig-trail-shoes", "Trail running shoes tested on muddy mountain paths", "running"),
                item("ig-jazz-club", "Inside a tiny jazz club: late-night saxophone session", "jazz"),
                item("m-jazz", "Tickets for a saxophone quartet playing live jazz", "jazz").replace("INSTAGRAM", "MESSENGER"),
                item("m-run", "A 12-week plan for your first trail running race", "running").replace("INSTAGRAM", "MESSENGER"),
                item("m-pasta", "Five pasta dinners for busy weeknights", "cooking").replace("INSTAGRAM", "MESSENGER"));
        Path links = write(dir, "links.jsonl",
                "{\"app\":\"MESSENGER\",\"accountId\":\"m-ana\",\"centerId\":\"center-ana\",\"linked\":true,"
                        + "\"timestamp\":\"2026-11-29T08:00:00Z\"}",
                "{\"app\":\"INSTAGRAM\",\"accountId\":\"ig-ana\",\"centerId\":\"center-ana\",\"linked\":true,"
                        + "\"timestamp\":\"2026-11-29T08:00:00Z\"}");
        String instagramJazz = message("ig-jazz", "2026-11-29T09:10:00Z", "Any good live jazz concerts with saxophone tonight?")
                .replace("MESSENGER", "INSTAGRAM").replace("m-ana", "ig-ana");
        String[] messengerMessages = {
            message("m-1", "2026-11-29T09:05:00Z", "Which shoes for my first trail running race?"),
            message("m-2", "2026-11-29T09:30:00Z", "Easy pasta recipe for dinner?")};
        Path withInstagram = write(dir, "with-instagram.jsonl",
                messengerMessages[0], instagramJazz, messengerMessages[1]);
        Path messengerOnly = write(dir, "messenger-only.jsonl", messengerMessages);
        Path erasure = write(dir, "erasure.jsonl", "{\"requestId\":\"erase-ig\",\"app\":\"INSTAGRAM\","
                + "\"accountId\":\"ig-ana\",\"timestamp\":\"2026-11-29T09:20:00Z\"}");
        Path erasedOutput = dir.resolve("erased.jsonl");
        Path receipts = dir.resolve("receipts.jsonl");
        Path neverOutput = dir.resolve("never.jsonl");

        assertThat(ReplayCommand.run(new String[] {"--assistant-messages", withInstagram.toString(),
            "--account-links", links.toString(), "--catalog", catalog.toString(), "--erasure-requests",
            erasure.toString(), "--output", erasedOutput.toString(), "--erasure-receipts", receipts.toString()}))
                .isZero();
        assertThat(ReplayCommand.run(new String[] {"--assistant-messages", messengerOnly.toString(),
            "--account-links", links.toString(), "--catalog", catalog.toString(), "--output", neverOutput.toString()}))
                .isZero();

        List<RecommendationRefresh> erased = Files.readAllLines(erasedOutput).stream().map(ReplayCommandTest::refresh)
                .toList();
        assertThat(erased).filteredOn(r -> r.app().equals("INSTAGRAM") && r.triggeredBy().equals("ig-jazz"))
                .as("before the erasure Instagram's jazz was ranked").isNotEmpty();
        assertThat(erased).filteredOn(r -> r.triggeredBy().equals("erase-ig"))
                .as("an empty refresh for the erased account, a new ranking for the remaining one")
                .extracting(RecommendationRefresh::app, r -> r.items().length == 0)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("INSTAGRAM", true),
                        org.assertj.core.groups.Tuple.tuple("MESSENGER", false));
        assertThat(erased).filteredOn(r -> r.triggeredBy().equals("m-2")).extracting(RecommendationRefresh::app)
                .as("Instagram hears nothing after its erasure").containsOnly("MESSENGER");
        RecommendationRefresh afterErasure = lastOf(erased, "MESSENGER");
        RecommendationRefresh withoutInstagram = lastOf(Files.readAllLines(neverOutput).stream()
                .map(ReplayCommandTest::refresh).toList(), "MESSENGER");
        assertThat(afterErasure.items()).extracting(RecommendedItem::itemId)
                .containsExactly(java.util.Arrays.stream(withoutInstagram.items()).map(RecommendedItem::itemId)
                        .toArray(String[]::new));
        for (int i = 0; i < afterErasure.items().length; i++) {
            assertThat(afterErasure.items()[i].score()).isCloseTo(withoutInstagram.items()[i].score(),
                    org.assertj.core.api.Assertions.within(1e-4f));
            assertThat(afterErasure.items()[i].reason()).isEqualTo(withoutInstagram.items()[i].reason());
        }
        assertThat(Files.readAllLines(receipts)).singleElement().asString()
                .contains("\"requestId\":\"erase-ig\"").contains("\"wasLinked\":true");
    }

    @Test
    void anObjectionToAssistantMessagesLeavesTheRankingAsIfTheyHadNeverBeenSentAndDropsLaterOnes(@TempDir Path dir)
            throws Exception {
        Path catalog = feedCatalog(dir,
                item("ig-sax", "Tickets for a saxophone quartet playing live jazz", "jazz"),
                item("ig-race", "A 12-week plan for your first trail running race", "running"));
        String[] linked = {
            "{\"app\":\"MESSENGER\",\"accountId\":\"m-ana\",\"centerId\":\"center-ana\",\"linked\":true,"
                    + "\"timestamp\":\"2026-11-29T08:00:00Z\"}",
            "{\"app\":\"INSTAGRAM\",\"accountId\":\"ig-ana\",\"centerId\":\"center-ana\",\"linked\":true,"
                    + "\"timestamp\":\"2026-11-29T08:00:00Z\"}"};
        Path links = write(dir, "links.jsonl", linked);
        Path linksWithObjection = write(dir, "links-objection.jsonl", linked[0], linked[1],
                "{\"app\":\"MESSENGER\",\"accountId\":\"m-ana\",\"useAssistantMessages\":false,"
                        + "\"timestamp\":\"2026-11-29T09:20:00Z\"}");
        Path messages = write(dir, "messages.jsonl",
                message("m-1", "2026-11-29T09:05:00Z", "Which shoes for my first trail running race?"),
                message("m-2", "2026-11-29T09:30:00Z", "How do I train for a mountain marathon?"));
        Path engagement = write(dir, "engagement.jsonl", like("ig-ana", "2026-11-29T09:10:00Z", "ig-jazz-club"));
        Path objected = dir.resolve("objected.jsonl");
        Path never = dir.resolve("never.jsonl");

        assertThat(ReplayCommand.run(new String[] {"--assistant-messages", messages.toString(),
            "--engagement-signals", engagement.toString(), "--account-links", linksWithObjection.toString(),
            "--catalog", catalog.toString(), "--output", objected.toString()})).isZero();
        assertThat(ReplayCommand.run(new String[] {"--engagement-signals", engagement.toString(),
            "--account-links", links.toString(), "--catalog", catalog.toString(), "--output", never.toString()}))
                .isZero();

        List<RecommendationRefresh> withObjection = Files.readAllLines(objected).stream()
                .map(ReplayCommandTest::refresh).toList();
        assertThat(withObjection).filteredOn(r -> r.app().equals("INSTAGRAM") && r.triggeredBy().equals("ig-ana-ig-jazz-club"))
                .singleElement().extracting(r -> r.items()[0].itemId())
                .as("before the objection the running question ranked first").isIn("ig-race", "ig-trail-shoes");
        assertThat(withObjection).extracting(RecommendationRefresh::triggeredBy)
                .as("the message after the objection was dropped").doesNotContain("m-2")
                .contains("setting:MESSENGER:m-ana@1795944000000");
        RecommendationRefresh afterObjection = lastOf(withObjection, "INSTAGRAM");
        assertThat(afterObjection.triggeredBy()).startsWith("setting:");
        assertThat(afterObjection.items()).extracting(RecommendedItem::itemId)
                .containsExactly(java.util.Arrays.stream(lastOf(Files.readAllLines(never).stream()
                        .map(ReplayCommandTest::refresh).toList(), "INSTAGRAM").items())
                        .map(RecommendedItem::itemId).toArray(String[]::new))
                .first().isEqualTo("ig-sax");
    }

    @Test
    void theMessagesOfAnObjectingAccountAreNeverReadSoTheGuardNeitherJudgesNorCountsThem(@TempDir Path dir)
            throws Exception {
        Path links = write(dir, "links.jsonl",
                "{\"app\":\"MESSENGER\",\"accountId\":\"m-ana\",\"useAssistantMessages\":false,"
                        + "\"timestamp\":\"2026-11-29T09:00:00Z\"}",
                "{\"app\":\"MESSENGER\",\"accountId\":\"m-cleo\",\"profiling\":false,"
                        + "\"timestamp\":\"2026-11-29T09:00:00Z\"}");
        String health = "My doctor says my blood sugar is far too high. Which diet helps with type 2 diabetes?";
        Path messages = write(dir, "messages.jsonl",
                message("ana-1", "2026-11-29T09:30:00Z", health),
                message("bob-1", "2026-11-29T09:30:00Z", health).replace("m-ana", "m-bob"),
                message("cleo-1", "2026-11-29T09:30:00Z", health).replace("m-ana", "m-cleo"));
        Path audit = dir.resolve("audit.jsonl");

        assertThat(ReplayCommand.run(new String[] {"--assistant-messages", messages.toString(),
            "--account-links", links.toString(), "--output", dir.resolve("refreshes.jsonl").toString(),
            "--audit", audit.toString()})).isZero();

        assertThat(Files.readAllLines(audit)).as("Bob's message alone was read and suppressed").singleElement()
                .asString().contains("\"app\":\"MESSENGER\"").contains("\"category\":\"HEALTH\"")
                .contains("\"count\":1");
    }

    @Test
    void anObjectionToProfilingEmptiesTheAppsFeedLeavesTheOthersAsIfTheAccountHadNeverBeenThereAndDropsItsActivity(
            @TempDir Path dir) throws Exception {
        Path catalog = feedCatalog(dir,
                item("m-jazz", "Tickets for a saxophone quartet playing live jazz", "jazz").replace("INSTAGRAM", "MESSENGER"),
                item("m-run", "A 12-week plan for your first trail running race", "running").replace("INSTAGRAM", "MESSENGER"),
                item("m-pasta", "Five pasta dinners for busy weeknights", "cooking").replace("INSTAGRAM", "MESSENGER"));
        String messengerLink = "{\"app\":\"MESSENGER\",\"accountId\":\"m-ana\",\"centerId\":\"center-ana\","
                + "\"linked\":true,\"timestamp\":\"2026-11-29T08:00:00Z\"}";
        Path links = write(dir, "links.jsonl", messengerLink,
                "{\"app\":\"INSTAGRAM\",\"accountId\":\"ig-ana\",\"centerId\":\"center-ana\",\"linked\":true,"
                        + "\"timestamp\":\"2026-11-29T08:00:00Z\"}",
                "{\"app\":\"INSTAGRAM\",\"accountId\":\"ig-ana\",\"profiling\":false,"
                        + "\"timestamp\":\"2026-11-29T09:20:00Z\"}");
        Path messengerOnly = write(dir, "messenger-link.jsonl", messengerLink);
        Path messages = write(dir, "messages.jsonl",
                message("m-1", "2026-11-29T09:05:00Z", "Which shoes for my first trail running race?"),
                message("m-2", "2026-11-29T09:30:00Z", "How do I train for a mountain marathon?"));
        Path engagement = write(dir, "engagement.jsonl", like("ig-ana", "2026-11-29T09:10:00Z", "ig-jazz-club"),
                like("ig-ana", "2026-11-29T09:40:00Z", "ig-pasta"));
        Path objected = dir.resolve("objected.jsonl");
        Path never = dir.resolve("never.jsonl");

        assertThat(ReplayCommand.run(new String[] {"--assistant-messages", messages.toString(),
            "--engagement-signals", engagement.toString(), "--account-links", links.toString(),
            "--catalog", catalog.toString(), "--output", objected.toString()})).isZero();
        assertThat(ReplayCommand.run(new String[] {"--assistant-messages", messages.toString(),
            "--account-links", messengerOnly.toString(), "--catalog", catalog.toString(), "--output",
            never.toString()})).isZero();

        List<RecommendationRefresh> withObjection = Files.readAllLines(objected).stream()
                .map(ReplayCommandTest::refresh).toList();
        assertThat(withObjection).filteredOn(r -> r.triggeredBy().equals("ig-ana-ig-jazz-club"))
                .as("before the objection Instagram's like shaped both apps")
                .extracting(RecommendationRefresh::app).containsExactlyInAnyOrder("INSTAGRAM", "MESSENGER");
        assertThat(withObjection).filteredOn(r -> r.triggeredBy().equals("setting:INSTAGRAM:ig-ana@1795944000000"))
                .as("nothing based on profiling for Instagram, a ranking without it for Messenger")
                .extracting(RecommendationRefresh::app, r -> r.items().length == 0, RecommendationRefresh::withheld)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("INSTAGRAM", true, io.attune.jobs.events.Withheld.NOT_PROFILED),
                        org.assertj.core.groups.Tuple.tuple("MESSENGER", false, null));
        assertThat(withObjection).filteredOn(r -> r.triggeredBy().equals("m-2")).extracting(RecommendationRefresh::app)
                .as("Instagram is sent nothing more").containsOnly("MESSENGER");
        assertThat(withObjection).extracting(RecommendationRefresh::triggeredBy)
                .as("the like after the objection was dropped").doesNotContain("ig-ana-ig-pasta");
        RecommendationRefresh last = lastOf(withObjection, "MESSENGER");
        RecommendationRefresh messengerAlone = lastOf(Files.readAllLines(never).stream()
                .map(ReplayCommandTest::refresh).toList(), "MESSENGER");
        assertThat(last.items()).extracting(RecommendedItem::itemId, RecommendedItem::reason)
                .as("as if Instagram had never been linked")
                .containsExactly(java.util.Arrays.stream(messengerAlone.items())
                        .map(i -> org.assertj.core.groups.Tuple.tuple(i.itemId(), i.reason()))
                        .toArray(org.assertj.core.groups.Tuple[]::new));
    }

    @Test
    void aMinorsAdsAreWithdrawnAndNeverRankedFromTheirProfileWhileTheirFeedStaysPersonal(@TempDir Path dir)
            throws Exception {
        Path catalog = feedCatalog(dir,
                item("ig-race-ad", "Sale: trail running race shoes, 30% off", "running").replace("FEED", "ADS"),
                item("ig-pasta-ad", "Pasta machines at half price", "cooking").replace("FEED", "ADS"));
        Path links = write(dir, "links.jsonl",
                "{\"app\":\"INSTAGRAM\",\"accountId\":\"ig-ana\",\"minor\":true,"
                        + "\"timestamp\":\"2026-11-29T09:20:00Z\"}");
        Path engagement = write(dir, "engagement.jsonl", like("ig-ana", "2026-11-29T09:10:00Z", "ig-trail-shoes"),
                like("ig-ana", "2026-11-29T09:30:00Z", "ig-pasta"));
        Path output = dir.resolve("refreshes.jsonl");

        assertThat(ReplayCommand.run(new String[] {"--engagement-signals", engagement.toString(),
            "--account-links", links.toString(), "--catalog", catalog.toString(), "--output", output.toString()}))
                .isZero();

        List<RecommendationRefresh> refreshes = Files.readAllLines(output).stream().map(ReplayCommandTest::refresh)
                .toList();
        assertThat(refreshes).filteredOn(r -> r.triggeredBy().equals("ig-ana-ig-trail-shoes"))
                .as("before the center said so, ads were ranked from the profile")
                .extracting(RecommendationRefresh::surface).containsExactlyInAnyOrder("FEED", "ADS");
        assertThat(refreshes).filteredOn(r -> r.triggeredBy().startsWith("setting:INSTAGRAM:ig-ana@"))
                .singleElement().satisfies(r -> {
                    assertThat(r.surface()).isEqualTo("ADS");
                    assertThat(r.items()).as("withdrawn").isEmpty();
                    assertThat(r.withheld()).isEqualTo(io.attune.jobs.events.Withheld.MINOR_ADVERTISING);
                });
        assertThat(refreshes).filteredOn(r -> r.triggeredBy().equals("ig-ana-ig-pasta"))
                .as("the feed stays personal, no ad is ranked").singleElement()
                .satisfies(r -> assertThat(r.surface()).isEqualTo("FEED"));
    }

    @Test
    void aResentEventCountsOnce(@TempDir Path dir) throws Exception {
        Path catalog = feedCatalog(dir);
        String like = like("ig-ana", "2026-11-29T09:10:00Z", "ig-trail-shoes");
        Path once = write(dir, "once.jsonl", like, like("ig-ana", "2026-11-29T09:20:00Z", "ig-pasta"));
        Path resent = write(dir, "resent.jsonl", like, like, like("ig-ana", "2026-11-29T09:20:00Z", "ig-pasta"));
        Path onceOutput = dir.resolve("once-refreshes.jsonl");
        Path resentOutput = dir.resolve("resent-refreshes.jsonl");

        assertThat(ReplayCommand.run(new String[] {"--engagement-signals", once.toString(), "--catalog",
            catalog.toString(), "--output", onceOutput.toString()})).isZero();
        assertThat(ReplayCommand.run(new String[] {"--engagement-signals", resent.toString(), "--catalog",
            catalog.toString(), "--output", resentOutput.toString()})).isZero();

        List<RecommendationRefresh> withResend = Files.readAllLines(resentOutput).stream()
                .map(ReplayCommandTest::refresh).toList();
        List<RecommendationRefresh> without = Files.readAllLines(onceOutput).stream()
                .map(ReplayCommandTest::refresh).toList();
        assertThat(withResend).extracting(RecommendationRefresh::triggeredBy)
                .as("one refresh for the like, however often it was sent")
                .isEqualTo(without.stream().map(RecommendationRefresh::triggeredBy).toList());
        assertThat(lastOf(withResend, "INSTAGRAM").items()).usingRecursiveFieldByFieldElementComparator()
                .as("the profile learned it once").containsExactly(lastOf(without, "INSTAGRAM").items());
    }

    @Test
    void messagesKeptToTheirOwnAppShapeNoOtherAppOfTheCenter(@TempDir Path dir) throws Exception {
        Path catalog = feedCatalog(dir,
                item("m-run", "A 12-week plan for your first trail running race", "running").replace("INSTAGRAM", "MESSENGER"));
        Path links = write(dir, "links.jsonl",
                "{\"app\":\"MESSENGER\",\"accountId\":\"m-ana\",\"centerId\":\"center-ana\",\"linked\":true,"
                        + "\"assistantMessagesAcrossApps\":false,\"timestamp\":\"2026-11-29T08:00:00Z\"}",
                "{\"app\":\"INSTAGRAM\",\"accountId\":\"ig-ana\",\"centerId\":\"center-ana\",\"linked\":true,"
                        + "\"timestamp\":\"2026-11-29T08:00:00Z\"}");
        Path messages = write(dir, "messages.jsonl",
                message("m-1", "2026-11-29T09:05:00Z", "Which shoes for my first trail running race?"));
        Path output = dir.resolve("refreshes.jsonl");

        assertThat(ReplayCommand.run(new String[] {"--assistant-messages", messages.toString(),
            "--account-links", links.toString(), "--catalog", catalog.toString(), "--output", output.toString()}))
                .isZero();

        List<RecommendationRefresh> refreshes = Files.readAllLines(output).stream().map(ReplayCommandTest::refresh)
                .filter(r -> r.triggeredBy().equals("m-1")).toList();
        assertThat(refreshes).extracting(RecommendationRefresh::app).containsExactlyInAnyOrder("INSTAGRAM", "MESSENGER");
        assertThat(refreshes).filteredOn(r -> r.app().equals("INSTAGRAM")).singleElement()
                .satisfies(r -> assertThat(r.items()).as("Messenger's question shapes no Instagram feed").isEmpty());
        assertThat(refreshes).filteredOn(r -> r.app().equals("MESSENGER")).singleElement()
                .satisfies(r -> assertThat(r.items()[0].itemId()).isEqualTo("m-run"));
    }

    @Test
    void messagesSentBeforeTheirUseDateAreNeverUsed(@TempDir Path dir) throws Exception {
        Path catalog = feedCatalog(dir,
                item("m-jazz", "Tickets for a saxophone quartet playing live jazz", "jazz").replace("INSTAGRAM", "MESSENGER"),
                item("m-run", "A 12-week plan for your first trail running race", "running").replace("INSTAGRAM", "MESSENGER"));
        Path messages = write(dir, "messages.jsonl",
                message("before", "2026-11-29T08:59:59Z", "Any good live jazz concerts with saxophone tonight?"),
                message("from", "2026-11-29T09:00:00Z", "Which shoes for my first trail running race?"));
        Path output = dir.resolve("refreshes.jsonl");

        assertThat(ReplayCommand.run(new String[] {"--assistant-messages", messages.toString(),
            "--catalog", catalog.toString(), "--output", output.toString(),
            "--assistant.messages-used-from", "2026-11-29T09:00:00Z"})).isZero();

        List<RecommendationRefresh> refreshes = Files.readAllLines(output).stream().map(ReplayCommandTest::refresh)
                .toList();
        assertThat(refreshes).extracting(RecommendationRefresh::triggeredBy).containsOnly("from");
        assertThat(refreshes.get(0).items()).extracting(RecommendedItem::itemId).first()
                .as("nothing of the jazz question before the date").isEqualTo("m-run");
        assertThat(ReplayCommand.run(new String[] {"--assistant-messages", messages.toString(),
            "--output", output.toString(), "--assistant.messages-used-from", "2026-11-29"}))
                .as("not an instant").isEqualTo(2);
    }

    private static RecommendationRefresh lastOf(List<RecommendationRefresh> refreshes, String app) {
        return refreshes.stream().filter(r -> r.app().equals(app))
                .max(Comparator.comparingLong(RecommendationRefresh::profileVersion)).orElseThrow();
    }

    private static RecommendationRefresh refresh(String json) {
        try {
            return EventJson.refresh(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    /** An INSTAGRAM feed of trail shoes, a jazz club and pasta, and the given items. */
    private static Path feedCatalog(Path dir, String... more) throws Exception {
        List<String> items = new java.util.ArrayList<>(List.of(
                item("ig-trail-shoes", "Trail running shoes tested on muddy mountain paths", "running"),
                item("ig-jazz-club", "Inside a tiny jazz club: late-night saxophone session", "jazz"),
                item("ig-pasta", "Fresh homemade pasta in ten minutes", "cooking")));
        items.addAll(List.of(more));
        return write(dir, "catalog.jsonl", items.toArray(String[]::new));
    }

    private static String item(String id, String text, String tag) {
        return "{\"itemId\":\"" + id + "\",\"app\":\"INSTAGRAM\",\"surface\":\"FEED\",\"text\":\"" + text
                + "\",\"tags\":[\"" + tag + "\"],\"timestamp\":\"2026-11-20T08:00:00Z\"}";
    }

    private static String like(String account, String time, String itemId) {
        return "{\"eventId\":\"" + account + "-" + itemId + "\",\"app\":\"INSTAGRAM\",\"accountId\":\"" + account
                + "\",\"timestamp\":\"" + time + "\",\"kind\":\"LIKE\",\"itemId\":\"" + itemId + "\"}";
    }

    private static String message(String id, String time, String text) {
        return "{\"eventId\":\"" + id + "\",\"app\":\"MESSENGER\",\"accountId\":\"m-ana\",\"timestamp\":\"" + time
                + "\",\"modality\":\"TEXT\",\"text\":\"" + text + "\"}";
    }

    private static Path write(Path dir, String name, String... lines) throws Exception {
        return Files.write(dir.resolve(name), List.of(lines));
    }
}
