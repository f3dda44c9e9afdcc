package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.events.RecommendedItem;
import io.attune.jobs.events.Withheld;
import io.attune.jobs.stream.ActivityKind;
import io.attune.jobs.stream.ActivitySignal;
import io.attune.jobs.stream.CatalogItem;
import io.attune.jobs.stream.CatalogUpdate;
import io.attune.jobs.stream.ItemSignals;
import io.attune.models.ranking.NeighborTable;
import io.attune.jobs.stream.PersonEvent;
import io.attune.jobs.stream.PersonEventType;
import io.attune.jobs.stream.Resent;
import io.attune.jobs.PersonalizationJob;
import io.attune.jobs.PersonalizationOptions;
import io.attune.jobs.state.DeferredItemSignalPack;
import io.attune.jobs.state.ItemSignalSlice;
import io.attune.jobs.state.ItemSignalSliceSerializer;
import io.attune.jobs.state.LinkedAccount;
import io.attune.jobs.state.ProfileState;
import io.attune.models.math.Vectors;
import io.attune.models.profile.Centroid;
import java.util.ArrayList;
import java.util.Random;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.OperatorStateHandle;
import org.apache.flink.streaming.api.operators.AbstractUdfStreamOperator;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpdateProfileTest {

    private static final Duration RETENTION = Duration.ofDays(90);
    private static final float[] RUNNING = {1, 0, 0};
    private static final float[] JAZZ = {0, 1, 0};
    private static final float[] COOKING = {0, 0, 1};

    private KeyedBroadcastOperatorTestHarness<String, PersonEvent, CatalogUpdate, RecommendationRefresh> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        catalog("ig-run", "INSTAGRAM", "FEED", RUNNING);
        catalog("ig-jazz", "INSTAGRAM", "FEED", JAZZ);
        catalog("ig-cook", "INSTAGRAM", "REELS", COOKING);
        catalog("m-run", "MESSENGER", "FEED", RUNNING);
        catalog("m-jazz", "MESSENGER", "FEED", JAZZ);
        catalog("w-run", "WHATSAPP", "FEED", RUNNING);
    }

    private static KeyedBroadcastOperatorTestHarness<String, PersonEvent, CatalogUpdate, RecommendationRefresh> newHarness()
            throws Exception {
        return newHarness(settings());
    }

    private static KeyedBroadcastOperatorTestHarness<String, PersonEvent, CatalogUpdate, RecommendationRefresh> newHarness(
            ProfileSettings settings) throws Exception {
        var opened = unopened(settings, 1, 0);
        opened.open();
        return opened;
    }

    /**
     * Subtask {@code index} of {@code parallelism}, on RocksDB, not yet opened: restore it first
     * ({@code initializeState}) or just open it.
     */
    static KeyedBroadcastOperatorTestHarness<String, PersonEvent, CatalogUpdate, RecommendationRefresh> unopened(
            ProfileSettings settings, int parallelism, int index) throws Exception {
        return unopened(new UpdateProfile(settings, "account-links"), parallelism, index);
    }

    /** As above, restored subtasks holding person events until the catalog store has sent the catalog again. */
    static KeyedBroadcastOperatorTestHarness<String, PersonEvent, CatalogUpdate, RecommendationRefresh> unopened(
            Duration catalogResendTimeout) throws Exception {
        return unopened(new UpdateProfile(settings(), "account-links", catalogResendTimeout), 1, 0);
    }

    private static KeyedBroadcastOperatorTestHarness<String, PersonEvent, CatalogUpdate, RecommendationRefresh> unopened(
            UpdateProfile function, int parallelism, int index) throws Exception {
        var harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(function,
                        List.of(UpdateProfile.CATALOG, UpdateProfile.ITEM_SIGNALS)),
                new PersonKey(), Types.STRING, 128, parallelism, index);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        return harness;
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aMessageRefreshesEveryLinkedAppAndSurfaceRankedByInterest() throws Exception {
        join("ana", "INSTAGRAM", "ig-ana");
        join("ana", "MESSENGER", "m-ana");
        assertThat(harness.extractOutputValues()).as("no signal yet, nothing to personalize").isEmpty();

        message("ana", "MESSENGER", "m-ana", "e1", RUNNING, 1_000L);

        List<RecommendationRefresh> out = harness.extractOutputValues();
        assertThat(out).extracting(RecommendationRefresh::app, RecommendationRefresh::surface)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("INSTAGRAM", "FEED"),
                        org.assertj.core.groups.Tuple.tuple("INSTAGRAM", "REELS"),
                        org.assertj.core.groups.Tuple.tuple("MESSENGER", "FEED"));
        RecommendationRefresh instagramFeed = out.stream()
                .filter(r -> r.app().equals("INSTAGRAM") && r.surface().equals("FEED")).findFirst().orElseThrow();
        assertThat(instagramFeed.items()).extracting(RecommendedItem::itemId).containsExactly("ig-run", "ig-jazz");
        assertThat(instagramFeed.items()[0].reason()).contains("MESSENGER");
        assertThat(instagramFeed.centerId()).isEqualTo("ana");
        assertThat(instagramFeed.accountId()).isEqualTo("ig-ana");
        assertThat(instagramFeed.triggeredBy()).isEqualTo("e1");
        assertThat(instagramFeed.withheld()).as("a ranking").isNull();
        assertThat(instagramFeed.eventTime()).isEqualTo(1_000L);
        assertThat(out).extracting(RecommendationRefresh::profileVersion).containsOnly(instagramFeed.profileVersion());
    }

    @Test
    void anAccountsCenterLinksAtMostTheConfiguredNumberOfAccounts() throws Exception {
        harness.close();
        Configuration options = options();
        options.set(PersonalizationOptions.MAX_ACCOUNTS, 2);
        harness = newHarness(PersonalizationOptions.profileSettings(options));
        catalog("ig-run", "INSTAGRAM", "FEED", RUNNING);
        catalog("m-run", "MESSENGER", "FEED", RUNNING);
        join("bug", "INSTAGRAM", "ig-1");
        join("bug", "MESSENGER", "m-1");
        join("bug", "WHATSAPP", "w-1");
        message("bug", "WHATSAPP", "w-2", "e-w2", RUNNING, 1_000L);
        message("bug", "MESSENGER", "m-1", "e-m1", RUNNING, 2_000L);

        assertThat(harness.extractOutputValues()).as("the linked accounts refresh; the refused ones do not")
                .extracting(RecommendationRefresh::triggeredBy, RecommendationRefresh::accountId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("e-m1", "ig-1"),
                        org.assertj.core.groups.Tuple.tuple("e-m1", "m-1"));
        assertThat(harness.getSideOutput(DeadLetters.TAG)).extracting(record -> record.getValue())
                .satisfiesExactly(
                        letter -> {
                            assertThat(letter.sourceTopic()).isEqualTo("account-links");
                            assertThat(letter.payload()).isEqualTo("app=WHATSAPP accountId=w-1 centerId=bug");
                            assertThat(letter.reason())
                                    .isEqualTo("accounts center already links 2 accounts (profile.max-accounts)");
                        },
                        letter -> assertThat(letter.payload())
                                .as("an activity that would link an account, without its text")
                                .isEqualTo("app=WHATSAPP accountId=w-2 eventId=e-w2 centerId=bug"));
    }

    @Test
    void versionsIncreaseWithEveryUpdate() throws Exception {
        join("ana", "MESSENGER", "m-ana");
        message("ana", "MESSENGER", "m-ana", "e1", RUNNING, 1_000L);
        message("ana", "MESSENGER", "m-ana", "e2", JAZZ, 2_000L);
        message("ana", "MESSENGER", "m-ana", "e3", JAZZ, 3_000L);
        assertThat(harness.extractOutputValues()).extracting(RecommendationRefresh::profileVersion)
                .isSortedAccordingTo(Long::compare)
                .doesNotHaveDuplicates();
    }

    @Test
    void newerInterestsOvertakeOlderOnesAsTheyDecay() throws Exception {
        join("ana", "MESSENGER", "m-ana");
        message("ana", "MESSENGER", "m-ana", "e1", RUNNING, 0L);
        message("ana", "MESSENGER", "m-ana", "e2", RUNNING, 1L);
        message("ana", "MESSENGER", "m-ana", "e3", JAZZ, Duration.ofDays(14).toMillis());
        RecommendationRefresh last = lastRefresh();
        assertThat(last.items()[0].itemId()).as("2 running signals fade to 0.5 vs 1 fresh jazz").isEqualTo("m-jazz");
    }

    @Test
    void hidingAnItemPushesTheProfileAwayFromIt() throws Exception {
        join("ana", "MESSENGER", "m-ana");
        message("ana", "MESSENGER", "m-ana", "e1", new float[] {0.6f, 0.8f, 0}, 0L);
        assertThat(lastRefresh().items()[0].itemId()).isEqualTo("m-jazz");
        engagement("ana", "MESSENGER", "m-ana", "e2", ActivityKind.HIDE, "m-jazz", 1L);
        assertThat(lastRefresh().items()[0].itemId()).isEqualTo("m-run");
    }

    @Test
    void likingAnUnknownItemChangesNothing() throws Exception {
        join("ana", "MESSENGER", "m-ana");
        engagement("ana", "MESSENGER", "m-ana", "e1", ActivityKind.LIKE, "no-such-item", 1L);
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void anAccountThatLeftGetsNoMoreRefreshes() throws Exception {
        join("ana", "INSTAGRAM", "ig-ana");
        join("ana", "MESSENGER", "m-ana");
        message("ana", "MESSENGER", "m-ana", "e1", RUNNING, 1L);
        harness.processElement(new PersonEvent("ana", PersonEventType.LEAVE, "INSTAGRAM", "ig-ana", 2L, "unlink",
                null), 2L);
        int before = harness.extractOutputValues().size();
        message("ana", "MESSENGER", "m-ana", "e2", JAZZ, 3L);
        List<RecommendationRefresh> after = harness.extractOutputValues().subList(before, harness.extractOutputValues()
                .size());
        assertThat(after).isNotEmpty().extracting(RecommendationRefresh::app).containsOnly("MESSENGER");
    }

    @Test
    void anErasedAccountLeavesItsPersonAndItsAppGetsAnEmptyRefreshAtOnce() throws Exception {
        harness.setProcessingTime(1_000L);
        join("ana", "INSTAGRAM", "ig-ana");
        join("ana", "MESSENGER", "m-ana");
        message("ana", "INSTAGRAM", "ig-ana", "e1", JAZZ, 1L);
        engagement("ana", "INSTAGRAM", "ig-ana", "e2", ActivityKind.LIKE, "ig-jazz", 2L);
        message("ana", "MESSENGER", "m-ana", "e3", RUNNING, 3L);
        long versionBefore = lastRefresh().profileVersion();
        int before = harness.extractOutputValues().size();

        erase("ana", "INSTAGRAM", "ig-ana", "erase-1", 4L);

        List<RecommendationRefresh> after = harness.extractOutputValues().subList(before,
                harness.extractOutputValues().size());
        List<RecommendationRefresh> toInstagram =
                after.stream().filter(r -> r.app().equals("INSTAGRAM")).toList();
        assertThat(toInstagram).extracting(RecommendationRefresh::surface).containsExactlyInAnyOrder("FEED", "REELS");
        assertThat(toInstagram).allSatisfy(r -> {
            assertThat(r.items()).isEmpty();
            assertThat(r.accountId()).isEqualTo("ig-ana");
            assertThat(r.triggeredBy()).isEqualTo("erase-1");
            assertThat(r.withheld()).isEqualTo(Withheld.ERASED);
            assertThat(r.profileVersion()).isGreaterThan(versionBefore);
        });
        RecommendationRefresh messenger = after.stream().filter(r -> r.app().equals("MESSENGER")).findFirst()
                .orElseThrow();
        assertThat(messenger.items()[0].itemId()).isEqualTo("m-run");
        assertThat(messenger.items()[0].reason()).as("nothing left from the erased account").doesNotContain("INSTAGRAM");
        assertThat(messenger.items()[1].score()).as("the jazz interest went with it").isLessThan(0.01f);
        ProfileState left = state("ana");
        assertThat(left.accounts()).extracting(a -> a.app()).containsExactly("MESSENGER");
    }

    @Test
    void anObjectionToProfilingDropsTheAccountEmptiesItsAppAndRanksTheOthersAtOnceFromWhatIsLeft() throws Exception {
        harness.close();
        Configuration options = options();
        options.set(PersonalizationOptions.MIN_REFRESH_INTERVAL, Duration.ofMinutes(1));
        harness = newHarness(PersonalizationOptions.profileSettings(options));
        harness.setProcessingTime(1_000L);
        catalog("m-run", "MESSENGER", "FEED", RUNNING);
        catalog("m-jazz", "MESSENGER", "FEED", JAZZ);
        catalog("ig-run", "INSTAGRAM", "FEED", RUNNING);
        catalog("ig-jazz", "INSTAGRAM", "FEED", JAZZ);
        join("ana", "INSTAGRAM", "ig-ana");
        join("ana", "MESSENGER", "m-ana");
        join("ana-messenger-alone", "MESSENGER", "m-ana");
        message("ana", "INSTAGRAM", "ig-ana", "e1", JAZZ, 1L);
        engagement("ana", "INSTAGRAM", "ig-ana", "e2", ActivityKind.LIKE, "ig-jazz", 2L);
        message("ana", "MESSENGER", "m-ana", "e3", RUNNING, 3L);
        message("ana-messenger-alone", "MESSENGER", "m-ana", "e3", RUNNING, 3L);
        long versionBefore = state("ana").version();
        int before = harness.extractOutputValues().size();

        setting("ana", "INSTAGRAM", "ig-ana", PersonEventType.STOP_PROFILING, 4L);

        List<RecommendationRefresh> after = harness.extractOutputValues().subList(before,
                harness.extractOutputValues().size());
        assertThat(after).as("inside the minimum interval, yet at once").extracting(RecommendationRefresh::app)
                .containsExactlyInAnyOrder("INSTAGRAM", "MESSENGER");
        RecommendationRefresh instagram = after.stream().filter(r -> r.app().equals("INSTAGRAM")).findFirst()
                .orElseThrow();
        assertThat(instagram.items()).as("nothing based on profiling").isEmpty();
        assertThat(instagram.withheld()).isEqualTo(Withheld.NOT_PROFILED);
        assertThat(instagram.profileVersion()).isGreaterThan(versionBefore);
        assertThat(instagram.triggeredBy()).isEqualTo("setting");
        RecommendationRefresh messenger = after.stream().filter(r -> r.app().equals("MESSENGER")).findFirst()
                .orElseThrow();
        assertThat(messenger.items()).extracting(RecommendedItem::itemId, RecommendedItem::reason)
                .as("ranked as from Messenger alone")
                .isEqualTo(Arrays.stream(lastRefresh("ana-messenger-alone").items())
                        .map(i -> org.assertj.core.groups.Tuple.tuple(i.itemId(), i.reason())).toList());
        assertThat(state("ana").accounts()).extracting(LinkedAccount::app).containsExactly("MESSENGER");

        int stopped = harness.extractOutputValues().size();
        harness.setProcessingTime(1_000L + Duration.ofMinutes(2).toMillis());
        message("ana", "MESSENGER", "m-ana", "e5", JAZZ, 5L);
        assertThat(harness.extractOutputValues().subList(stopped, harness.extractOutputValues().size()))
                .as("no more refreshes for the app that is not profiled").extracting(RecommendationRefresh::app)
                .containsOnly("MESSENGER");

        setting("ana", "INSTAGRAM", "ig-ana", PersonEventType.RESUME_PROFILING, 6L);
        LinkedAccount[] accounts = state("ana").accounts();
        assertThat(accounts).extracting(LinkedAccount::app).containsExactlyInAnyOrder("MESSENGER", "INSTAGRAM");
        assertThat(Arrays.stream(accounts).filter(a -> a.app().equals("INSTAGRAM")).findFirst().orElseThrow()
                .allInterests()).as("nothing from before comes back").isEmpty();
    }

    @Test
    void noAdvertisementIsRankedFromAMinorsProfileAndThoseRankedBeforeAreWithdrawnAtOnce() throws Exception {
        harness.close();
        Configuration options = options();
        options.set(PersonalizationOptions.MIN_REFRESH_INTERVAL, Duration.ofMinutes(1));
        harness = newHarness(PersonalizationOptions.profileSettings(options));
        harness.setProcessingTime(1_000L);
        catalog("ig-run", "INSTAGRAM", "FEED", RUNNING);
        catalog("ig-run-ad", "INSTAGRAM", "ADS", RUNNING);
        catalog("m-run", "MESSENGER", "FEED", RUNNING);
        catalog("m-run-ad", "MESSENGER", "ADS", RUNNING);
        join("teen", "INSTAGRAM", "ig-teen");
        join("teen", "MESSENGER", "m-teen");
        message("teen", "MESSENGER", "m-teen", "e1", RUNNING, 1L);
        assertThat(harness.extractOutputValues()).extracting(RecommendationRefresh::surface).contains("ADS");
        int before = harness.extractOutputValues().size();

        setting("teen", "INSTAGRAM", "ig-teen", PersonEventType.MINOR, 2L);

        List<RecommendationRefresh> withdrawn = harness.extractOutputValues().subList(before,
                harness.extractOutputValues().size());
        assertThat(withdrawn).as("inside the minimum interval, yet at once: every app's ads, and nothing else")
                .extracting(RecommendationRefresh::app, RecommendationRefresh::surface)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("INSTAGRAM", "ADS"),
                        org.assertj.core.groups.Tuple.tuple("MESSENGER", "ADS"));
        assertThat(withdrawn).allSatisfy(r -> {
            assertThat(r.items()).isEmpty();
            assertThat(r.withheld()).as("the app shows ads not based on the profile").isEqualTo(Withheld.MINOR_ADVERTISING);
        });

        int minor = harness.extractOutputValues().size();
        harness.setProcessingTime(1_000L + Duration.ofMinutes(2).toMillis());
        message("teen", "MESSENGER", "m-teen", "e3", RUNNING, 3L);
        List<RecommendationRefresh> later = harness.extractOutputValues().subList(minor,
                harness.extractOutputValues().size());
        assertThat(later).as("feeds are still personal, ads are not ranked").isNotEmpty()
                .extracting(RecommendationRefresh::surface).containsOnly("FEED");

        harness.setProcessingTime(1_000L + Duration.ofMinutes(4).toMillis());
        int adult = harness.extractOutputValues().size();
        setting("teen", "INSTAGRAM", "ig-teen", PersonEventType.NOT_MINOR, 4L);
        assertThat(harness.extractOutputValues().subList(adult, harness.extractOutputValues().size()))
                .extracting(RecommendationRefresh::surface).as("ranked again at once").contains("ADS", "FEED");
    }

    @Test
    void aProfileBuiltAgainLearnsThatTheHolderIsAMinorFromTheActivitysStamp() throws Exception {
        catalog("ig-run-ad", "INSTAGRAM", "ADS", RUNNING);
        ActivitySignal stamped = new ActivitySignal("e1", "INSTAGRAM", "ig-teen", 1L, ActivityKind.MESSAGE, null,
                RUNNING, false, true);
        harness.processElement(new PersonEvent("teen", PersonEventType.ACTIVITY, "INSTAGRAM", "ig-teen", 1L, "e1",
                stamped), 1L);
        assertThat(harness.extractOutputValues()).isNotEmpty().extracting(RecommendationRefresh::surface)
                .doesNotContain("ADS");
        assertThat(state("teen").accounts()[0].isMinor()).isTrue();
    }

    @Test
    void erasingThePersonsLastAccountClearsItsStateAndTimers() throws Exception {
        harness.setProcessingTime(1_000L);
        join("solo", "MESSENGER", "m-solo");
        message("solo", "MESSENGER", "m-solo", "e1", RUNNING, 1L);
        assertThat(profileKeys()).isEqualTo(1);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        erase("solo", "MESSENGER", "m-solo", "erase-1", 2L);

        assertThat(profileKeys()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(lastRefresh().items()).isEmpty();
        assertThat(lastRefresh().triggeredBy()).isEqualTo("erase-1");
    }

    @Test
    void erasingAnAccountThePersonDoesNotListChangesNothingButClearsAnEmptyProfile() throws Exception {
        join("ana", "MESSENGER", "m-ana");
        message("ana", "MESSENGER", "m-ana", "e1", RUNNING, 1L);
        int before = harness.extractOutputValues().size();
        erase("ana", "INSTAGRAM", "ig-other", "erase-1", 2L);
        assertThat(harness.extractOutputValues()).hasSize(before);
        assertThat(state("ana").accounts()).hasSize(1);

        // What an account that was later linked elsewhere leaves behind under its own id: a person without accounts.
        join("INSTAGRAM:ig-ana", "INSTAGRAM", "ig-ana");
        harness.processElement(new PersonEvent("INSTAGRAM:ig-ana", PersonEventType.LEAVE, "INSTAGRAM", "ig-ana", 3L,
                "link", null), 3L);
        assertThat(profileKeys()).isEqualTo(2);
        erase("INSTAGRAM:ig-ana", "INSTAGRAM", "ig-ana", "erase-2", 4L);
        assertThat(profileKeys()).isEqualTo(1);
        assertThat(harness.extractOutputValues()).hasSize(before);
    }

    @Test
    void deactivatedCatalogItemsAreNoLongerRecommended() throws Exception {
        join("ana", "MESSENGER", "m-ana");
        broadcast(CatalogItem.of("m-run", "MESSENGER", "FEED", new String[0], 5L, false, null, false),
                5L);
        message("ana", "MESSENGER", "m-ana", "e1", RUNNING, 1L);
        assertThat(lastRefresh().items()).extracting(RecommendedItem::itemId).containsExactly("m-jazz");
    }

    @Test
    void sensitiveCatalogItemsAreNeverRankedAndEngagingWithThemMovesNothing() throws Exception {
        float[] clinic = {0.9f, 0.1f, 0};
        broadcast(
                CatalogItem.of("m-clinic", "MESSENGER", "FEED", new String[0], 0L, true, clinic, true), 0L);
        join("ana", "MESSENGER", "m-ana");
        engagement("ana", "MESSENGER", "m-ana", "e1", ActivityKind.LIKE, "m-clinic", 1L);
        assertThat(harness.extractOutputValues()).as("a like of a sensitive item is no signal").isEmpty();

        message("ana", "MESSENGER", "m-ana", "e2", RUNNING, 2L);
        assertThat(lastRefresh().items()).extracting(RecommendedItem::itemId)
                .containsExactly("m-run", "m-jazz")
                .doesNotContain("m-clinic");
    }

    @Test
    void stateOfAnInactivePersonIsClearedAfterRetention() throws Exception {
        harness.setProcessingTime(1_000L);
        join("ana", "INSTAGRAM", "ig-ana");
        join("ana", "MESSENGER", "m-ana");
        message("ana", "MESSENGER", "m-ana", "e1", RUNNING, 1L);
        assertThat(profileKeys()).isEqualTo(1);

        harness.setProcessingTime(1_000L + RETENTION.toMillis() - 1);
        assertThat(profileKeys()).isEqualTo(1);
        harness.setProcessingTime(1_000L + RETENTION.toMillis());
        assertThat(profileKeys()).isZero();

        int before = harness.extractOutputValues().size();
        message("ana", "MESSENGER", "m-ana", "e2", JAZZ, 2L);
        List<RecommendationRefresh> after = harness.extractOutputValues().subList(before,
                harness.extractOutputValues().size());
        assertThat(after).as("the account that is still routed here starts over; the other links were forgotten")
                .extracting(RecommendationRefresh::app).containsOnly("MESSENGER");
        assertThat(after.get(0).items()[0].itemId()).as("nothing of the forgotten running interest").isEqualTo("m-jazz");
        assertThat(after.get(0).items()[0].score()).isGreaterThan(0.99f);
        assertThat(after.get(0).items()[1].score()).isLessThan(0.01f);
    }

    @Test
    void unlinkingAnAccountRetractsExactlyWhatItContributed() throws Exception {
        harness.close();
        harness = newHarness();
        Random random = new Random(17);
        float[][] topics = new float[8][];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = randomUnit(random);
        }
        join("ana", "INSTAGRAM", "ig-ana");
        join("ana", "MESSENGER", "m-ana");
        join("solo", "MESSENGER", "m-ana");
        long hour = Duration.ofHours(1).toMillis();
        for (int i = 0; i < 60; i++) {
            long time = i * 5 * hour;
            if (i % 2 == 0) {
                message("ana", "INSTAGRAM", "ig-ana", "ig-" + i, near(topics[random.nextInt(8)], random), time);
            } else {
                float[] signal = near(topics[random.nextInt(5)], random);
                message("ana", "MESSENGER", "m-ana", "m-" + i, signal, time);
                message("solo", "MESSENGER", "m-ana", "m-" + i, signal, time);
            }
        }
        harness.processElement(new PersonEvent("ana", PersonEventType.LEAVE, "INSTAGRAM", "ig-ana", 0L, "unlink",
                null), 0L);

        ProfileState linkedThenUnlinked = state("ana");
        ProfileState alone = state("solo");
        assertThat(linkedThenUnlinked.interestTime()).isEqualTo(alone.interestTime());
        assertThat(linkedThenUnlinked.accounts()).hasSize(1);
        Centroid[] retracted = linkedThenUnlinked.accounts()[0].allInterests();
        Centroid[] expected = alone.accounts()[0].allInterests();
        assertThat(expected).hasSizeGreaterThan(2);
        assertThat(retracted).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(retracted[i].norm()).isCloseTo(expected[i].norm(), within(1e-4f * expected[i].norm()));
            assertThat(Vectors.dot(retracted[i].direction(384), expected[i].direction(384))).isGreaterThan(0.9999f);
        }
    }

    @Test
    void anObjectionRetractsExactlyWhatTheAccountsMessagesTaughtAndKeepsWhatItsEngagementTaught() throws Exception {
        harness.close();
        Configuration options = options();
        options.set(PersonalizationOptions.TOP_K, 4);
        harness = newHarness(PersonalizationOptions.profileSettings(options));
        Random random = new Random(23);
        float[][] topics = new float[3][];
        float[][] asked = new float[2][];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = randomUnit(random);
            broadcast(CatalogItem.of("item-" + i, "MESSENGER", "FEED", new String[0], 0L, true, topics[i], false), 0L);
            broadcast(CatalogItem.of("like-item-" + i, "MESSENGER", "FEED", new String[0], 0L, true,
                    near(topics[i], random), false), 0L);
        }
        for (int i = 0; i < 4; i++) {
            broadcast(CatalogItem.of("other-item-" + i, "MESSENGER", "FEED", new String[0], 0L, true,
                    randomUnit(random), false), 0L);
        }
        for (int i = 0; i < asked.length; i++) {
            asked[i] = randomUnit(random);
            broadcast(CatalogItem.of("asked-item-" + i, "MESSENGER", "FEED", new String[0], 0L, true,
                    near(asked[i], random), false), 0L);
        }
        join("ana", "MESSENGER", "m-ana");
        join("solo", "MESSENGER", "m-ana");
        long hour = Duration.ofHours(1).toMillis();
        for (int i = 0; i < 30; i++) {
            long time = i * 3 * hour;
            if (i % 3 == 0) {
                message("ana", "MESSENGER", "m-ana", "m-" + i, near(asked[i % 2], random), time);
            } else {
                String item = "item-" + random.nextInt(topics.length);
                engagement("ana", "MESSENGER", "m-ana", "l-" + i, ActivityKind.LIKE, item, time);
                engagement("solo", "MESSENGER", "m-ana", "l-" + i, ActivityKind.LIKE, item, time);
            }
        }
        assertThat(state("ana").accounts()[0].messageInterests()).hasSizeGreaterThan(1);
        assertThat(ids(lastRefresh("ana"))).as("what was asked about ranks").isNotEqualTo(ids(lastRefresh("solo")))
                .anyMatch(id -> id.startsWith("asked-item"));
        int refreshes = harness.extractOutputValues().size();
        long version = state("ana").version();

        forgetMessages("ana", "MESSENGER", "m-ana", 100 * hour);

        LinkedAccount objected = state("ana").accounts()[0];
        LinkedAccount alone = state("solo").accounts()[0];
        assertThat(objected.messageInterests()).isEmpty();
        assertThat(objected.interests()).hasSameSizeAs(alone.interests()).isNotEmpty();
        for (int i = 0; i < alone.interests().length; i++) {
            assertThat(objected.interests()[i].codes()).as("what engagement taught, untouched")
                    .isEqualTo(alone.interests()[i].codes());
        }
        assertThat(objected.likeHashesOrNone()).isEqualTo(alone.likeHashesOrNone());
        List<RecommendationRefresh> after = harness.extractOutputValues().subList(refreshes,
                harness.extractOutputValues().size());
        assertThat(after).as("the app refreshed at once").hasSize(1);
        assertThat(after.get(0).profileVersion()).isGreaterThan(version);
        assertThat(ids(after.get(0))).as("ranked as from engagement alone").isEqualTo(ids(lastRefresh("solo")))
                .noneMatch(id -> id.startsWith("asked-item"));

        forgetMessages("ana", "MESSENGER", "m-ana", 101 * hour);
        assertThat(harness.extractOutputValues()).as("nothing left to forget: no refresh")
                .hasSize(refreshes + 1);
    }

    @Test
    void anObjectionThatLeavesNothingToRankByEmptiesEveryLinkedAppsRefreshes() throws Exception {
        join("ana", "INSTAGRAM", "ig-ana");
        join("ana", "MESSENGER", "m-ana");
        message("ana", "MESSENGER", "m-ana", "e1", RUNNING, 1_000L);
        long version = lastRefresh().profileVersion();
        int before = harness.extractOutputValues().size();

        forgetMessages("ana", "MESSENGER", "m-ana", 2_000L);

        List<RecommendationRefresh> out = harness.extractOutputValues().subList(before,
                harness.extractOutputValues().size());
        assertThat(out).extracting(RecommendationRefresh::app, RecommendationRefresh::surface)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("INSTAGRAM", "FEED"),
                        org.assertj.core.groups.Tuple.tuple("INSTAGRAM", "REELS"),
                        org.assertj.core.groups.Tuple.tuple("MESSENGER", "FEED"));
        assertThat(out).allSatisfy(refresh -> {
            assertThat(refresh.items()).isEmpty();
            assertThat(refresh.profileVersion()).isGreaterThan(version);
            assertThat(refresh.triggeredBy()).isEqualTo("objection");
            assertThat(refresh.withheld()).isEqualTo(Withheld.NOTHING_LEFT);
        });
        assertThat(state("ana").accounts()).allSatisfy(a -> assertThat(a.allInterests()).isEmpty());
    }

    @Test
    void anObjectionIsNotCoalescedAndStateFromBefore09LosesEveryInterestOfTheAccount() throws Exception {
        harness.close();
        Configuration options = options();
        options.set(PersonalizationOptions.MIN_REFRESH_INTERVAL, Duration.ofMinutes(1));
        harness = newHarness(PersonalizationOptions.profileSettings(options));
        catalog("m-run", "MESSENGER", "FEED", RUNNING);
        catalog("m-jazz", "MESSENGER", "FEED", JAZZ);
        join("ana", "MESSENGER", "m-ana");
        engagement("ana", "MESSENGER", "m-ana", "l1", ActivityKind.LIKE, "m-jazz", 1_000L);
        // As 0.8 kept it: one set of interests, messages' and engagement's together.
        ProfileState current = state("ana");
        LinkedAccount mixed = current.accounts()[0];
        setState("ana", current.withAccounts(new LinkedAccount[] {new LinkedAccount(mixed.app(), mixed.accountId(),
                mixed.interests(), mixed.recentItems(), null, null, mixed.likeHashes())}));
        message("ana", "MESSENGER", "m-ana", "e1", RUNNING, 2_000L);
        assertThat(state("ana").accounts()[0].messageInterests()).as("still one set").isNull();
        int before = harness.extractOutputValues().size();

        forgetMessages("ana", "MESSENGER", "m-ana", 3_000L);

        assertThat(state("ana").accounts()[0].allInterests()).isEmpty();
        assertThat(harness.extractOutputValues().subList(before, harness.extractOutputValues().size()))
                .as("inside the minimum interval, yet at once").hasSize(1)
                .allSatisfy(refresh -> assertThat(refresh.items()).isEmpty());
    }

    @Test
    void messagesKeptToTheirOwnAppRankOnlyForItAndTheOtherAppsDropWhatTheyTaught() throws Exception {
        join("ana", "INSTAGRAM", "ig-ana");
        join("ana", "MESSENGER", "m-ana");
        message("ana", "MESSENGER", "m-ana", "e1", RUNNING, 1_000L);
        assertThat(lastRefresh("INSTAGRAM", "FEED").items()[0].itemId()).isEqualTo("ig-run");
        long version = lastRefresh().profileVersion();
        int before = harness.extractOutputValues().size();

        setting("ana", "MESSENGER", "m-ana", PersonEventType.CONFINE_MESSAGES, 2_000L);

        List<RecommendationRefresh> out = harness.extractOutputValues().subList(before,
                harness.extractOutputValues().size());
        assertThat(out).as("at once, every app").extracting(RecommendationRefresh::app, RecommendationRefresh::surface,
                r -> r.items().length > 0).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("INSTAGRAM", "FEED", false),
                        org.assertj.core.groups.Tuple.tuple("INSTAGRAM", "REELS", false),
                        org.assertj.core.groups.Tuple.tuple("MESSENGER", "FEED", true));
        assertThat(out).allSatisfy(r -> assertThat(r.profileVersion()).isGreaterThan(version));
        assertThat(lastRefresh("MESSENGER", "FEED").items()[0].itemId()).isEqualTo("m-run");
        assertThat(state("ana").accounts()[1].messagesForOwnAppOnly()).isTrue();

        engagement("ana", "INSTAGRAM", "ig-ana", "like-jazz", ActivityKind.LIKE, "ig-jazz", 3_000L);
        message("ana", "MESSENGER", "m-ana", "e2", Vectors.normalized(new float[] {0.9f, 0, 0.1f}), 4_000L);
        assertThat(lastRefresh("INSTAGRAM", "REELS").items()).extracting(RecommendedItem::reason)
                .as("Instagram ranks by its own like, never by Messenger's questions")
                .allSatisfy(reason -> assertThat(reason).doesNotContain("MESSENGER"));
        assertThat(lastRefresh("MESSENGER", "FEED").items()).extracting(RecommendedItem::reason)
                .anySatisfy(reason -> assertThat(reason).contains("MESSENGER"))
                .anySatisfy(reason -> assertThat(reason).contains("INSTAGRAM"));

        setting("ana", "MESSENGER", "m-ana", PersonEventType.SHARE_MESSAGES, 5_000L);
        assertThat(lastRefresh("INSTAGRAM", "FEED").items()[0].itemId()).as("shared again").isEqualTo("ig-run");
        int shared = harness.extractOutputValues().size();
        setting("ana", "MESSENGER", "m-ana", PersonEventType.SHARE_MESSAGES, 6_000L);
        assertThat(harness.extractOutputValues()).as("nothing changed: no refresh").hasSize(shared);
    }

    @Test
    void aProfileBuiltAgainLearnsTheSettingFromTheMessagesStamp() throws Exception {
        join("ana", "INSTAGRAM", "ig-ana");
        join("ana", "MESSENGER", "m-ana");
        ActivitySignal stamped = new ActivitySignal("e1", "MESSENGER", "m-ana", 1_000L, ActivityKind.MESSAGE, null,
                RUNNING, true);
        harness.processElement(new PersonEvent("ana", PersonEventType.ACTIVITY, "MESSENGER", "m-ana", 1_000L, "e1",
                stamped), 1_000L);
        assertThat(state("ana").accounts()[1].messagesForOwnAppOnly()).isTrue();
        assertThat(lastRefresh("INSTAGRAM", "FEED").items()).isEmpty();
        assertThat(lastRefresh("MESSENGER", "FEED").items()).isNotEmpty();
    }

    @Test
    void aProfileWithEightInterestsOf384DimensionsTakesAtMost2KiB() throws Exception {
        harness.close();
        harness = newHarness();
        Random random = new Random(3);
        join("ana", "MESSENGER", "m-ana-0001");
        for (int i = 0; i < 40; i++) {
            message("ana", "MESSENGER", "m-ana-0001", "e" + i, randomUnit(random), i);
        }
        int likesKept = PersonalizationOptions.AFFINITY_LIKES.defaultValue();
        for (int i = 0; i < likesKept; i++) {
            // UUIDs, as many catalogs use: the likes are kept as 32-bit hashes, so the id's length does not count.
            String itemId = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            broadcast(CatalogItem.of(itemId, "MESSENGER", "FEED", new String[0], 0L,
                    true, randomUnit(random), false), 0L);
            engagement("ana", "MESSENGER", "m-ana-0001", "view" + i, ActivityKind.VIEW, itemId, 100 + i);
        }
        ProfileState state = state("ana");
        assertThat(state.accounts()[0].allInterests()).as("messages' and engagement's together").hasSize(8);
        assertThat(state.accounts()[0].interests()).as("engagement took its share").isNotEmpty();
        assertThat(state.accounts()[0].recentItems()).hasSize(16);
        assertThat(state.accounts()[0].likeHashesOrNone()).as("as many likes as a refresh sums")
                .hasSize(likesKept);

        TypeSerializer<ProfileState> serializer = TypeInformation.of(ProfileState.class)
                .createSerializer(new SerializerConfigImpl());
        DataOutputSerializer bytes = new DataOutputSerializer(4096);
        serializer.serialize(state, bytes);
        System.out.printf("profile state with 8 interests x 384 dims: %d bytes%n", bytes.length());
        assertThat(bytes.length()).isLessThanOrEqualTo(2048);
    }

    @Test
    void aPersonWithTwoInterestsSeesBothWithReasonsButNotWhatTheyJustEngagedWith() throws Exception {
        broadcast(CatalogItem.of("ig-run-2", "INSTAGRAM", "FEED", new String[] {"running"}, 0L,
                true, new float[] {0.8f, 0.6f, 0}, false), 0L);
        broadcast(CatalogItem.of("ig-run", "INSTAGRAM", "FEED", new String[] {"running"}, 0L,
                true, RUNNING, false), 0L);
        broadcast(CatalogItem.of("ig-jazz", "INSTAGRAM", "FEED", new String[] {"jazz"}, 0L,
                true, JAZZ, false), 0L);
        join("ana", "INSTAGRAM", "ig-ana");
        join("ana", "MESSENGER", "m-ana");
        message("ana", "MESSENGER", "m-ana", "e1", RUNNING, 1L);
        message("ana", "MESSENGER", "m-ana", "e2", RUNNING, 2L);
        message("ana", "MESSENGER", "m-ana", "e3", RUNNING, 3L);
        message("ana", "MESSENGER", "m-ana", "e4", JAZZ, 4L);

        RecommendationRefresh feed = lastRefresh("INSTAGRAM", "FEED");
        assertThat(feed.items()).extracting(RecommendedItem::itemId).as("a weaker interest still gets a slot")
                .containsExactly("ig-run", "ig-jazz");
        assertThat(feed.items()).extracting(RecommendedItem::reason).containsExactly(
                "matches your interest in running, from your MESSENGER activity",
                "matches your interest in jazz, from your MESSENGER activity");

        engagement("ana", "INSTAGRAM", "ig-ana", "e5", ActivityKind.LIKE, "ig-run", 5L);
        assertThat(lastRefresh("INSTAGRAM", "FEED").items()).extracting(RecommendedItem::itemId)
                .as("just liked: not recommended back").containsExactly("ig-run-2", "ig-jazz");
    }

    @Test
    void withAMinimumIntervalABurstIsCoalescedIntoOneRefreshOfTheLatestState() throws Exception {
        Configuration options = new Configuration();
        options.set(PersonalizationOptions.MIN_REFRESH_INTERVAL, Duration.ofSeconds(1));
        reopenWithRunningAndJazzOnly(options);
        harness.setProcessingTime(10_000L);
        join("ana", "MESSENGER", "m-ana");
        message("ana", "MESSENGER", "m-ana", "e1", RUNNING, 1L);
        assertThat(harness.extractOutputValues()).as("the first update refreshes at once").hasSize(1);

        harness.setProcessingTime(10_100L);
        message("ana", "MESSENGER", "m-ana", "e2", JAZZ, 2L);
        harness.setProcessingTime(10_200L);
        message("ana", "MESSENGER", "m-ana", "e3", JAZZ, 3L);
        harness.setProcessingTime(10_999L);
        assertThat(harness.extractOutputValues()).as("inside the interval: deferred").hasSize(1);

        harness.setProcessingTime(11_000L);
        List<RecommendationRefresh> out = harness.extractOutputValues();
        assertThat(out).hasSize(2);
        RecommendationRefresh coalesced = out.get(1);
        assertThat(coalesced.triggeredBy()).isEqualTo("e3");
        assertThat(coalesced.eventTime()).isEqualTo(3L);
        assertThat(coalesced.items()[0].itemId()).as("the latest state: jazz twice beats running once")
                .isEqualTo("m-jazz");
        assertThat(coalesced.profileVersion()).isGreaterThan(out.get(0).profileVersion() + 1);

        harness.setProcessingTime(20_000L);
        message("ana", "MESSENGER", "m-ana", "e4", RUNNING, 4L);
        assertThat(harness.extractOutputValues()).as("after a quiet interval: at once again").hasSize(3);
        harness.setProcessingTime(30_000L);
        assertThat(harness.extractOutputValues()).as("nothing pending, nothing more").hasSize(3);
    }

    /**
     * refresh.dot-cache-size changes no refresh: the same catalog (with live updates and withdrawals) and events,
     * ranked with dot products kept between refreshes and without, give the same items, scores and reasons.
     */
    @Test
    void keptDotProductsChangeNoRefresh() throws Exception {
        List<List<String>> refreshes = new ArrayList<>();
        for (String size : new String[] {"16mb", "0"}) {
            Configuration options = options();
            options.setString(PersonalizationOptions.DOT_CACHE_SIZE.key(), size);
            options.set(PersonalizationOptions.TOP_K, 10);
            var ranked = newHarness(PersonalizationOptions.profileSettings(options));
            try {
                Random random = new Random(17);
                for (int i = 0; i < 300; i++) {
                    ranked.processBroadcastElement(CatalogUpdate.of(CatalogItem.of("item-" + i, "MESSENGER", "FEED",
                            new String[] {"tag-" + i % 5}, 0L, true, randomUnit(random), false)), 0L);
                }
                for (String person : List.of("ana", "ben", "eva")) {
                    ranked.processElement(new PersonEvent(person, PersonEventType.JOIN, "MESSENGER", "m-" + person, 0L,
                            "link", null), 0L);
                }
                for (int e = 0; e < 90; e++) {
                    String person = List.of("ana", "ben", "eva").get(e % 3);
                    long time = 1_000L * e;
                    ActivitySignal signal = e % 4 == 0
                            ? new ActivitySignal("e" + e, "MESSENGER", "m-" + person, time, ActivityKind.LIKE,
                                    "item-" + random.nextInt(300), null)
                            : new ActivitySignal("e" + e, "MESSENGER", "m-" + person, time, ActivityKind.MESSAGE, null,
                                    randomUnit(random));
                    ranked.processElement(new PersonEvent(person, PersonEventType.ACTIVITY, "MESSENGER", "m-" + person,
                            time, "e" + e, signal), time);
                    if (e % 10 == 5) {
                        // The catalog changes between refreshes: an update and a withdrawal.
                        ranked.processBroadcastElement(CatalogUpdate.of(CatalogItem.of("item-" + random.nextInt(300),
                                "MESSENGER", "FEED", new String[] {"updated"}, time, true, randomUnit(random), false)),
                                time);
                        ranked.processBroadcastElement(CatalogUpdate.of(CatalogItem.of("item-" + random.nextInt(300),
                                "MESSENGER", "FEED", new String[0], time, false, null, false)), time);
                    }
                }
                List<String> rendered = new ArrayList<>();
                for (RecommendationRefresh refresh : ranked.extractOutputValues()) {
                    rendered.add(refresh.centerId() + " " + refresh.profileVersion() + " "
                            + List.of(refresh.items()));
                }
                refreshes.add(rendered);
            } finally {
                ranked.close();
            }
        }
        assertThat(refreshes.get(0)).hasSize(90).isEqualTo(refreshes.get(1));
    }

    /** profile.rounding-salt reaches the interests: the same events, the same interests, other 4-bit codes. */
    @Test
    void aRoundingSaltRoundsTheSameInterestsOtherwise() throws Exception {
        List<byte[]> codes = new ArrayList<>();
        for (long salt : new long[] {0L, 0L, 3L}) {
            Configuration options = new Configuration();
            options.set(PersonalizationOptions.ROUNDING_SALT, salt);
            reopenWithRunningAndJazzOnly(options);
            join("ana", "MESSENGER", "m-ana");
            message("ana", "MESSENGER", "m-ana", "e1", RUNNING, 1L);
            message("ana", "MESSENGER", "m-ana", "e2", Vectors.normalized(new float[] {0.95f, 0.2f, 0.1f}), 2L);
            message("ana", "MESSENGER", "m-ana", "e3", Vectors.normalized(new float[] {0.9f, 0.1f, 0.3f}), 3L);
            Centroid[] interests = state("ana").accounts()[0].messageInterestsOrNone();
            assertThat(interests).hasSize(1);
            assertThat(Vectors.dot(interests[0].direction(RUNNING.length), RUNNING)).isGreaterThan(0.9f);
            codes.add(interests[0].codes());
        }
        assertThat(codes.get(1)).as("unsalted twice").isEqualTo(codes.get(0));
        assertThat(codes.get(2)).as("salted").isNotEqualTo(codes.get(0));
    }

    @Test
    void withFinalRefreshesOnlyEachPersonGetsOneRefreshOfTheLatestStateWhenTheInputEnds() throws Exception {
        Configuration options = new Configuration();
        options.set(PersonalizationOptions.FINAL_REFRESH_ONLY, true);
        reopenWithRunningAndJazzOnly(options);
        join("ana", "MESSENGER", "m-ana");
        message("ana", "MESSENGER", "m-ana", "e1", RUNNING, 1L);
        message("ana", "MESSENGER", "m-ana", "e2", JAZZ, 2L);
        message("ana", "MESSENGER", "m-ana", "e3", JAZZ, 3L);
        join("ben", "MESSENGER", "m-ben");
        message("ben", "MESSENGER", "m-ben", "e4", RUNNING, 4L);
        harness.setProcessingTime(Duration.ofDays(1).toMillis());
        assertThat(harness.extractOutputValues()).as("nothing before the input ends").isEmpty();

        harness.processBroadcastWatermark(Long.MAX_VALUE);
        harness.processWatermark(Long.MAX_VALUE);
        List<RecommendationRefresh> out = harness.extractOutputValues();
        assertThat(out).extracting(RecommendationRefresh::centerId).containsExactlyInAnyOrder("ana", "ben");
        RecommendationRefresh ana = out.stream().filter(r -> r.centerId().equals("ana")).findFirst().orElseThrow();
        assertThat(ana.triggeredBy()).isEqualTo("e3");
        assertThat(ana.eventTime()).isEqualTo(3L);
        assertThat(ana.items()[0].itemId()).as("the latest state: jazz twice beats running once").isEqualTo("m-jazz");
        assertThat(out.stream().filter(r -> r.centerId().equals("ben")).findFirst().orElseThrow().items()[0].itemId())
                .isEqualTo("m-run");
    }

    @Test
    void aLiveJobRefusesFinalRefreshesOnly() {
        assertThatThrownBy(() -> PersonalizationJob.main(new String[] {"--refresh.final-only", "true"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bounded replays");
    }

    @Test
    void theItemTablesNameEachIdOnceAlsoAfterARestore() throws Exception {
        // Deserialized signals bring their own copy of every id: here, three distinct "ig-jazz" strings. Restored
        // from an earlier version's state, as this operator still writes only such tables into its slices.
        carriedFromBefore012(new ItemSignals("ig-run", 10f,
                        new NeighborTable(new String[] {new String("ig-jazz")}, new float[] {4f}, new float[1]),
                        new NeighborTable(new String[] {new String("ig-jazz")}, new float[] {2f}, new float[1])),
                new ItemSignals("w-run", 10f,
                        new NeighborTable(new String[] {new String("ig-jazz")}, new float[] {3f}, new float[1])));
        assertThat(namedIn(harness, "ig-run", false)).isEqualTo("ig-jazz").isSameAs(namedIn(harness, "w-run", false))
                .isSameAs(namedIn(harness, "ig-run", true));
        assertThat(function(harness).signalsOf("ig-run").neighbors().weights()).as("guaranteed weights")
                .containsExactly(4f);

        var snapshot = harness.snapshot(1L, 1L);
        harness.close();
        harness = unopened(settings(), 1, 0);
        harness.initializeState(snapshot);
        harness.open();
        assertThat(namedIn(harness, "ig-run", false)).as("restored: deserialized one by one, numbered once")
                .isEqualTo("ig-jazz").isSameAs(namedIn(harness, "w-run", false))
                .isSameAs(namedIn(harness, "ig-run", true));
        assertThat(function(harness).signalsOf("w-run").popularity()).isEqualTo(10f);
    }

    @Test
    void aCompletedCheckpointLetsGoOfItsItemSignalsAndTheNextWritesThemAgain() throws Exception {
        carriedFromBefore012(new ItemSignals("ig-run", 10f,
                new NeighborTable(new String[] {"ig-jazz"}, new float[] {4f}, new float[0])));
        ListStateDescriptor<ItemSignalSlice> packs =
                new ListStateDescriptor<>(UpdateProfile.ITEM_SIGNAL_SLICES, new ItemSignalSliceSerializer());

        var first = harness.snapshot(1L, 1L);
        assertThat(harness.getOperator().getOperatorStateBackend().getUnionListState(packs).get())
                .as("the slice as the checkpoint took it, frozen").singleElement()
                .isInstanceOf(DeferredItemSignalPack.class);
        harness.notifyOfCompletedCheckpoint(1L);
        assertThat(harness.getOperator().getOperatorStateBackend().getUnionListState(packs).get())
                .as("let go once complete").isEmpty();
        assertThat(written(first, UpdateProfile.ITEM_SIGNAL_SLICES)).as("the checkpoint itself kept it").isEqualTo(1);

        var second = harness.snapshot(2L, 2L);
        harness.close();
        harness = unopened(settings(), 1, 0);
        harness.initializeState(second);
        harness.open();
        assertThat(function(harness).signalsOf("ig-run").neighbors().weights()).containsExactly(4f);
    }

    /** Restores the harness from state that holds these item signals as a version before 0.12 wrote them. */
    private void carriedFromBefore012(ItemSignals... signals) throws Exception {
        var before = harness.getOperator().getOperatorStateBackend();
        for (ItemSignals each : signals) {
            before.getBroadcastState(UpdateProfile.ITEM_SIGNALS).put(each.itemId(), each);
        }
        var snapshot = harness.snapshot(0L, 0L);
        harness.close();
        harness = unopened(settings(), 1, 0);
        harness.initializeState(snapshot);
        harness.open();
    }

    private static String namedIn(
            KeyedBroadcastOperatorTestHarness<String, PersonEvent, CatalogUpdate, RecommendationRefresh> harness,
            String itemId, boolean affinity) throws Exception {
        ItemSignals signals = function(harness).signalsOf(itemId);
        return (affinity ? signals.affinityOrEmpty() : signals.neighbors()).neighbors()[0];
    }

    static UpdateProfile function(
            KeyedBroadcastOperatorTestHarness<String, PersonEvent, CatalogUpdate, RecommendationRefresh> harness) {
        return (UpdateProfile) ((AbstractUdfStreamOperator<?, ?>) harness.getOperator()).getUserFunction();
    }

    @Test
    void aProfileSubtaskHoldsItsJobsSharedItemTablesWhileOpenAndGivesThemBackOnClose() throws Exception {
        String job = harness.getEnvironment().getJobID().toHexString();
        assertThat(SharedProfileStorage.holders(job)).isEqualTo(1);
        harness.processBroadcastElement(CatalogUpdate.of(new ItemSignals("ig-run", 3f,
                new NeighborTable(new String[] {"ig-jazz"}, new float[] {2f}, new float[0]))), 0L);

        harness.close();
        assertThat(SharedProfileStorage.holders(job)).isZero();
        harness = newHarness();
    }

    @Test
    void aCheckpointHoldsNeitherTheCatalogNorTheItemTablesTheBroadcastBrings() throws Exception {
        var subtask = unopened(settings(), 1, 0);
        subtask.open();
        for (int n = 0; n < 60; n++) {
            subtask.processBroadcastElement(CatalogUpdate.of(CatalogItem.of("item-" + n, "INSTAGRAM", "FEED",
                    new String[] {"tag"}, 0L, true, n % 2 == 0 ? RUNNING : JAZZ, false)), 0L);
            subtask.processBroadcastElement(CatalogUpdate.of(new ItemSignals("item-" + n, n,
                    new NeighborTable(new String[] {"item-" + (n + 1) % 60}, new float[] {1f}, new float[1]))), 0L);
        }
        OperatorSubtaskState snapshot = subtask.snapshot(1L, 1L);
        subtask.close();

        assertThat(written(snapshot, UpdateProfile.CATALOG_SLICES)).as("the catalog store checkpoints the catalog")
                .isZero();
        assertThat(written(snapshot, UpdateProfile.ITEM_SIGNAL_SLICES))
                .as("the item neighbourhoods checkpoint what they published").isZero();
    }

    @Test
    void aRestoredSubtaskHoldsPersonEventsUntilEveryStoreSubtaskHasSentTheCatalogThenAppliesThemInOrder()
            throws Exception {
        restoredWithAna(Duration.ofMinutes(5));
        harness.setProcessingTime(1_000L);
        message("ana", "INSTAGRAM", "ig-ana", "e1", JAZZ, 1_000L);
        harness.processBroadcastElement(CatalogUpdate.resent(Resent.From.CATALOG_STORE, 1, 2), 1_000L);
        harness.processBroadcastElement(CatalogUpdate.resent(Resent.From.ITEM_NEIGHBORHOOD, 0, 1), 1_000L);
        catalog("ig-run", "INSTAGRAM", "FEED", RUNNING);
        catalog("ig-jazz", "INSTAGRAM", "FEED", JAZZ);
        message("ana", "INSTAGRAM", "ig-ana", "e2", RUNNING, 1_100L);
        message("ana", "INSTAGRAM", "ig-ana", "e3", RUNNING, 1_200L);
        harness.setProcessingTime(5_000L);
        assertThat(harness.extractOutputValues()).as("one store subtask of two is not the whole catalog").isEmpty();
        assertThat(heldEvents("ana")).isEqualTo(3);

        harness.processBroadcastElement(CatalogUpdate.resent(Resent.From.CATALOG_STORE, 0, 2), 5_000L);
        harness.setProcessingTime(5_500L);

        List<RecommendationRefresh> out = harness.extractOutputValues();
        assertThat(out).extracting(RecommendationRefresh::triggeredBy).containsExactly("e1", "e2", "e3");
        assertThat(out.get(0).items()).as("ranked against the catalog sent again")
                .extracting(RecommendedItem::itemId).containsExactly("ig-jazz", "ig-run");
        assertThat(out.get(2).items()).as("running, twice, outweighs jazz once")
                .extracting(RecommendedItem::itemId).containsExactly("ig-run", "ig-jazz");
        assertThat(out).extracting(RecommendationRefresh::profileVersion).isSorted().doesNotHaveDuplicates();
        assertThat(heldEvents("ana")).as("nothing held once applied").isZero();

        message("ana", "INSTAGRAM", "ig-ana", "e4", JAZZ, 6_000L);
        assertThat(harness.extractOutputValues()).as("from then on at once").hasSize(4);
    }

    @Test
    void anEventArrivingBeforeItsPersonsHeldEventsTimerAppliesThemFirst() throws Exception {
        restoredWithAna(Duration.ofMinutes(5));
        catalog("ig-run", "INSTAGRAM", "FEED", RUNNING);
        catalog("ig-jazz", "INSTAGRAM", "FEED", JAZZ);
        message("ana", "INSTAGRAM", "ig-ana", "e1", JAZZ, 100L);
        harness.processBroadcastElement(CatalogUpdate.resent(Resent.From.CATALOG_STORE, 0, 1), 100L);
        message("ana", "INSTAGRAM", "ig-ana", "e2", RUNNING, 150L);
        assertThat(harness.extractOutputValues()).as("the item tables are not all there yet").isEmpty();
        harness.processBroadcastElement(CatalogUpdate.resent(Resent.From.ITEM_NEIGHBORHOOD, 0, 1), 150L);
        message("ana", "INSTAGRAM", "ig-ana", "e3", RUNNING, 200L);

        assertThat(harness.extractOutputValues()).extracting(RecommendationRefresh::triggeredBy)
                .containsExactly("e1", "e2", "e3");
    }

    @Test
    void heldEventsGoOnAfterTheResendTimeoutIfAStoreSubtaskNeverAnswers() throws Exception {
        restoredWithAna(Duration.ofSeconds(10));
        catalog("ig-run", "INSTAGRAM", "FEED", RUNNING);
        harness.setProcessingTime(1_000L);
        message("ana", "INSTAGRAM", "ig-ana", "e1", RUNNING, 1_000L);
        harness.setProcessingTime(10_500L);
        assertThat(harness.extractOutputValues()).as("still within the timeout").isEmpty();

        harness.setProcessingTime(11_000L);
        assertThat(harness.extractOutputValues()).extracting(RecommendationRefresh::triggeredBy).containsExactly("e1");
    }

    @Test
    void aSubtaskThatWasNotRestoredHoldsNothing() throws Exception {
        harness.close();
        harness = unopened(Duration.ofMinutes(5));
        harness.open();
        catalog("ig-run", "INSTAGRAM", "FEED", RUNNING);
        join("ana", "INSTAGRAM", "ig-ana");
        message("ana", "INSTAGRAM", "ig-ana", "e1", RUNNING, 1_000L);

        assertThat(harness.extractOutputValues()).extracting(RecommendationRefresh::triggeredBy).containsExactly("e1");
    }

    /** Ana linked, then the harness restored as a job restores it, holding events for at most {@code timeout}. */
    private void restoredWithAna(Duration timeout) throws Exception {
        join("ana", "INSTAGRAM", "ig-ana");
        var snapshot = harness.snapshot(1L, 1L);
        harness.close();
        harness = unopened(timeout);
        harness.initializeState(snapshot);
        harness.open();
    }

    private long heldEvents(String person) throws Exception {
        harness.getOperator().setCurrentKey(person);
        Iterable<PersonEvent> held = harness.getOperator().getKeyedStateBackend()
                .getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                        UpdateProfile.heldDescriptor()).get();
        long count = 0;
        if (held != null) {
            for (PersonEvent ignored : held) {
                count++;
            }
        }
        return count;
    }

    @Test
    void itemsCarriedFromAnEarlierVersionsCatalogAreWrittenOnceUntilTheStoreSendsThem() throws Exception {
        // A catalog as 0.6 kept it (broadcast state; the slices of 0.7-0.11 are read the same way), restored into
        // three subtasks: each holds it whole, and their checkpoints hold it once, in slices.
        var before = harness.getOperator().getOperatorStateBackend();
        for (int n = 0; n < 60; n++) {
            before.getBroadcastState(UpdateProfile.CATALOG).put("item-" + n, CatalogItem.of("item-" + n, "INSTAGRAM",
                    "FEED", new String[] {"tag"}, 0L, true, n % 2 == 0 ? RUNNING : JAZZ, false));
            before.getBroadcastState(UpdateProfile.ITEM_SIGNALS).put("item-" + n, new ItemSignals("item-" + n, n,
                    NeighborTable.empty()));
        }
        OperatorSubtaskState legacy = harness.snapshot(1L, 1L);
        int written = 0;
        int writtenAfterUpdates = 0;
        int signalsWritten = 0;
        int signalsWrittenAfterUpdates = 0;
        for (int index = 0; index < 3; index++) {
            var subtask = unopened(settings(), 3, index);
            subtask.initializeState(AbstractStreamOperatorTestHarness.repartitionOperatorState(legacy, 128, 1, 3,
                    index));
            subtask.open();
            assertThat(function(subtask).catalogItem("item-59")).isNotNull();
            OperatorSubtaskState first = subtask.snapshot(2L, 2L);
            int slice = written(first, UpdateProfile.CATALOG_SLICES);
            assertThat(slice).as("a slice, not the whole catalog").isBetween(1, 59);
            written += slice;
            int signalSlice = itemsWithSignals(first);
            assertThat(signalSlice).as("a slice, not every item's tables").isBetween(1, 59);
            signalsWritten += signalSlice;
            // Through the store and the item neighbourhoods, every subtask alike: half of the items updated (one
            // withdrawn), a third published again.
            for (int n = 0; n < 30; n++) {
                subtask.processBroadcastElement(CatalogUpdate.of(CatalogItem.of("item-" + n, "INSTAGRAM", "FEED",
                        new String[] {"tag"}, 5L, n != 0, n != 0 ? RUNNING : null, false)), 5L);
            }
            for (int n = 40; n < 60; n++) {
                subtask.processBroadcastElement(CatalogUpdate.of(new ItemSignals("item-" + n, 100f + n,
                        NeighborTable.empty())), 5L);
            }
            OperatorSubtaskState second = subtask.snapshot(3L, 3L);
            writtenAfterUpdates += written(second, UpdateProfile.CATALOG_SLICES);
            signalsWrittenAfterUpdates += itemsWithSignals(second);
            assertThat(function(subtask).signalsOf("item-45").popularity()).isEqualTo(145f);
            assertThat(function(subtask).catalogItem("item-1")).as("held, the store's copy now").isNotNull();
            assertThat(function(subtask).catalogItem("item-0")).as("withdrawn").isNull();
            subtask.close();
        }
        assertThat(written).as("every carried item once").isEqualTo(60);
        assertThat(writtenAfterUpdates).as("only those the store never sent").isEqualTo(30);
        assertThat(signalsWritten).as("every carried item's tables once").isEqualTo(60);
        assertThat(signalsWrittenAfterUpdates).as("only those never published again").isEqualTo(40);
    }

    /** How many of item-0 to item-59 have signals in what one subtask wrote, restored alone. */
    private static int itemsWithSignals(OperatorSubtaskState snapshot) throws Exception {
        var alone = unopened(settings(), 1, 0);
        alone.initializeState(AbstractStreamOperatorTestHarness.repartitionOperatorState(snapshot, 128, 1, 1, 0));
        alone.open();
        int count = 0;
        for (int n = 0; n < 60; n++) {
            count += function(alone).signalsOf("item-" + n) == null ? 0 : 1;
        }
        alone.close();
        return count;
    }

    @Test
    void aCatalogKeptAsBroadcastStateBefore07IsReadOnceAndThenLeftEmpty() throws Exception {
        // As a savepoint of 0.6 or earlier holds them: every subtask's copy of the catalog and signals as broadcast state.
        var before = harness.getOperator().getOperatorStateBackend();
        before.getBroadcastState(UpdateProfile.CATALOG).put("ig-old", CatalogItem.of("ig-old", "INSTAGRAM", "FEED",
                new String[] {"running"}, 0L, true, RUNNING, false));
        before.getBroadcastState(UpdateProfile.ITEM_SIGNALS).put("ig-old", new ItemSignals("ig-old", 7f,
                NeighborTable.empty()));
        var snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = unopened(settings(), 1, 0);
        harness.initializeState(snapshot);
        harness.open();

        assertThat(function(harness).catalogItem("ig-old")).isNotNull();
        assertThat(function(harness).signalsOf("ig-old").popularity()).isEqualTo(7f);
        var after = harness.getOperator().getOperatorStateBackend();
        assertThat(after.getBroadcastState(UpdateProfile.CATALOG).immutableEntries()).as("not written again").isEmpty();
        assertThat(after.getBroadcastState(UpdateProfile.ITEM_SIGNALS).immutableEntries()).isEmpty();
        assertThat(written(harness.snapshot(2L, 2L), UpdateProfile.CATALOG_SLICES))
                .as("the restored item, which no store holds, as a slice; not the six of open()").isEqualTo(1);
        join("ana", "INSTAGRAM", "ig-ana");
        message("ana", "INSTAGRAM", "ig-ana", "msg-1", RUNNING, 1_000L);
        assertThat(harness.extractOutputValues()).filteredOn(refresh -> refresh.surface().equals("FEED"))
                .singleElement().satisfies(refresh -> assertThat(refresh.items())
                        .extracting(RecommendedItem::itemId).contains("ig-old"));
    }

    @Test
    void itemSignalsSlicedButNotPackedAsEarly07BuildsWroteThemAreReadOnceAndThenLeftEmpty() throws Exception {
        // As a build of 0.7 before packing wrote them: each item's signals an element of the union list state.
        ListStateDescriptor<ItemSignals> unpacked =
                new ListStateDescriptor<>(UpdateProfile.UNPACKED_ITEM_SIGNAL_SLICES, ItemSignals.class);
        harness.getOperator().getOperatorStateBackend().getUnionListState(unpacked).update(List.of(
                new ItemSignals("ig-run", 7f, new NeighborTable(new String[] {"ig-jazz"}, new float[] {3f},
                        new float[0])),
                new ItemSignals("ig-jazz", 2f, NeighborTable.empty(),
                        new NeighborTable(new String[] {"ig-run"}, new float[] {1.5f}, new float[0]))));
        var snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = unopened(settings(), 1, 0);
        harness.initializeState(snapshot);
        harness.open();

        assertThat(function(harness).signalsOf("ig-run").popularity()).isEqualTo(7f);
        assertThat(function(harness).signalsOf("ig-run").neighbors().neighbors()).containsExactly("ig-jazz");
        assertThat(function(harness).signalsOf("ig-jazz").affinityOrEmpty().weights()).containsExactly(1.5f);
        assertThat(harness.getOperator().getOperatorStateBackend().getUnionListState(unpacked).get())
                .as("not written again").isEmpty();
        var next = harness.snapshot(2L, 2L);
        assertThat(written(next, UpdateProfile.ITEM_SIGNAL_SLICES)).as("packed instead").isEqualTo(1);
        harness.close();
        harness = unopened(settings(), 1, 0);
        harness.initializeState(next);
        harness.open();
        assertThat(function(harness).signalsOf("ig-jazz").affinityOrEmpty().neighbors()).containsExactly("ig-run");
    }

    /** How many elements a snapshot's union or split list state holds under {@code name} (0 if none). */
    private static int written(OperatorSubtaskState snapshot, String name) {
        int elements = 0;
        for (OperatorStateHandle handle : snapshot.getManagedOperatorState()) {
            OperatorStateHandle.StateMetaInfo info = handle.getStateNameToPartitionOffsets().get(name);
            elements += info == null ? 0 : info.getOffsets().length;
        }
        return elements;
    }

    @Test
    void itemsCoEngagedWithWhatThePersonLikedAreRecommendedAndSaySo() throws Exception {
        // ig-cook-2 is far from the running interest in content, but people who liked ig-run liked it too.
        broadcast(CatalogItem.of("ig-cook-2", "INSTAGRAM", "REELS", new String[] {"cooking"}, 0L, true,
                new float[] {0, 0.6f, 0.8f}, false), 0L);
        harness.processBroadcastElement(CatalogUpdate.of(new ItemSignals("ig-run", 10f,
                new NeighborTable(new String[] {"ig-cook-2", "ig-jazz"}, new float[] {8f, 1f}, new float[2]))), 0L);
        harness.processBroadcastElement(CatalogUpdate.of(new ItemSignals("ig-cook-2", 9f, NeighborTable.empty())), 0L);
        join("ana", "INSTAGRAM", "ig-ana");
        engagement("ana", "INSTAGRAM", "ig-ana", "e1", ActivityKind.LIKE, "ig-run", 1L);

        RecommendationRefresh reels = lastRefresh("INSTAGRAM", "REELS");
        assertThat(reels.items()).extracting(RecommendedItem::itemId).startsWith("ig-cook-2");
        assertThat(reels.items()[0].reason()).isEqualTo("people who liked what you recently liked also liked this");
        assertThat(lastRefresh("INSTAGRAM", "FEED").items()).extracting(RecommendedItem::itemId)
                .as("the liked item itself is not recommended back").doesNotContain("ig-run");
    }

    @Test
    void underLikeRecencyDecayTheLatestLikesNeighboursComeFirst() throws Exception {
        assertThat(firstCoEngagedAfterRunThenJazz(1f)).as("all recent likes alike: the stronger pair wins")
                .isEqualTo("with-run");
        assertThat(firstCoEngagedAfterRunThenJazz(0.25f)).as("the latest like counts four times the one before")
                .isEqualTo("with-jazz");
    }

    @Test
    void coEngagementAsymmetryDecidesBetweenANicheAndAPopularNeighbour() throws Exception {
        // Cosine: niche 3 / (√(10·3) + 5) = 0.29 beats hit 6 / (√(10·100) + 5) = 0.16.
        assertThat(firstCoEngagedAfterRun(0.5f)).isEqualTo("niche");
        // Share of the liked item's engagements: hit 6 / (10 + 5) = 0.40 beats niche 3 / 15 = 0.20.
        assertThat(firstCoEngagedAfterRun(1f)).isEqualTo("hit");
        Configuration outOfRange = options();
        outOfRange.set(PersonalizationOptions.CO_ENGAGEMENT_ASYMMETRY, 1.5f);
        assertThatThrownBy(() -> PersonalizationOptions.profileSettings(outOfRange))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refresh.co-engagement-asymmetry");
    }

    @Test
    void whatTheSamePeopleLikedAsALikeOlderThanTheRecentOnesIsRecommended() throws Exception {
        assertThat(firstAfterFourLikes(1f)).as("affinity of the first like, two likes past profile.recent-likes")
                .isEqualTo("with-first");
        assertThat(firstAfterFourLikes(0f)).as("affinity weighted 0").isNotEqualTo("with-first");
    }

    /**
     * On a fresh operator keeping two recent likes and four for affinity: likes four items, the first of
     * which the same people liked with "with-first", and returns the top REELS item.
     */
    private String firstAfterFourLikes(float affinityWeight) throws Exception {
        harness.close();
        Configuration options = options();
        options.set(PersonalizationOptions.RECENT_LIKES, 2);
        options.set(PersonalizationOptions.AFFINITY_LIKES, 4);
        options.set(PersonalizationOptions.AFFINITY_WEIGHT, affinityWeight);
        options.set(PersonalizationOptions.POPULARITY_WEIGHT, 0f);
        harness = newHarness(PersonalizationOptions.profileSettings(options));
        for (String liked : List.of("first", "second", "third", "fourth")) {
            catalog(liked, "INSTAGRAM", "FEED", RUNNING);
        }
        catalog("with-first", "INSTAGRAM", "REELS", COOKING);
        catalog("with-fourth", "INSTAGRAM", "REELS", COOKING);
        harness.processBroadcastElement(CatalogUpdate.of(new ItemSignals("first", 10f, NeighborTable.empty(),
                new NeighborTable(new String[] {"with-first"}, new float[] {6f}, new float[1]))), 0L);
        harness.processBroadcastElement(CatalogUpdate.of(new ItemSignals("fourth", 10f,
                new NeighborTable(new String[] {"with-fourth"}, new float[] {1f}, new float[1]))), 0L);
        harness.processBroadcastElement(CatalogUpdate.of(new ItemSignals("with-first", 5f, NeighborTable.empty())), 0L);
        harness.processBroadcastElement(
                CatalogUpdate.of(new ItemSignals("with-fourth", 5f, NeighborTable.empty())), 0L);
        join("ana", "INSTAGRAM", "ig-ana");
        long time = 1L;
        for (String liked : List.of("first", "second", "third", "fourth")) {
            engagement("ana", "INSTAGRAM", "ig-ana", "e" + time, ActivityKind.LIKE, liked, time++);
        }
        return lastRefresh("INSTAGRAM", "REELS").items()[0].itemId();
    }

    /** On a fresh operator with the given asymmetry and no popularity prior: likes ig-run, returns the top REELS item. */
    private String firstCoEngagedAfterRun(float asymmetry) throws Exception {
        harness.close();
        Configuration options = options();
        options.set(PersonalizationOptions.CO_ENGAGEMENT_ASYMMETRY, asymmetry);
        options.set(PersonalizationOptions.POPULARITY_WEIGHT, 0f);
        harness = newHarness(PersonalizationOptions.profileSettings(options));
        catalog("ig-run", "INSTAGRAM", "FEED", RUNNING);
        catalog("niche", "INSTAGRAM", "REELS", COOKING);
        catalog("hit", "INSTAGRAM", "REELS", COOKING);
        harness.processBroadcastElement(CatalogUpdate.of(new ItemSignals("ig-run", 10f,
                new NeighborTable(new String[] {"niche", "hit"}, new float[] {3f, 6f}, new float[2]))), 0L);
        harness.processBroadcastElement(CatalogUpdate.of(new ItemSignals("niche", 3f, NeighborTable.empty())), 0L);
        harness.processBroadcastElement(CatalogUpdate.of(new ItemSignals("hit", 100f, NeighborTable.empty())), 0L);
        join("ana", "INSTAGRAM", "ig-ana");
        engagement("ana", "INSTAGRAM", "ig-ana", "e1", ActivityKind.LIKE, "ig-run", 1L);
        return lastRefresh("INSTAGRAM", "REELS").items()[0].itemId();
    }

    /** On a fresh operator with the given decay: likes ig-run, then ig-jazz, and returns the top REELS item. */
    private String firstCoEngagedAfterRunThenJazz(float likeRecencyDecay) throws Exception {
        harness.close();
        Configuration options = options();
        options.set(PersonalizationOptions.LIKE_RECENCY_DECAY, likeRecencyDecay);
        harness = newHarness(PersonalizationOptions.profileSettings(options));
        catalog("ig-run", "INSTAGRAM", "FEED", RUNNING);
        catalog("ig-jazz", "INSTAGRAM", "FEED", JAZZ);
        catalog("with-run", "INSTAGRAM", "REELS", COOKING);
        catalog("with-jazz", "INSTAGRAM", "REELS", COOKING);
        harness.processBroadcastElement(CatalogUpdate.of(new ItemSignals("ig-run", 10f,
                new NeighborTable(new String[] {"with-run"}, new float[] {6f}, new float[1]))), 0L);
        harness.processBroadcastElement(CatalogUpdate.of(new ItemSignals("ig-jazz", 10f,
                new NeighborTable(new String[] {"with-jazz"}, new float[] {4f}, new float[1]))), 0L);
        harness.processBroadcastElement(CatalogUpdate.of(new ItemSignals("with-run", 5f, NeighborTable.empty())), 0L);
        harness.processBroadcastElement(CatalogUpdate.of(new ItemSignals("with-jazz", 5f, NeighborTable.empty())), 0L);
        join("ana", "INSTAGRAM", "ig-ana");
        engagement("ana", "INSTAGRAM", "ig-ana", "e1", ActivityKind.LIKE, "ig-run", 1L);
        engagement("ana", "INSTAGRAM", "ig-ana", "e2", ActivityKind.LIKE, "ig-jazz", 2L);
        return lastRefresh("INSTAGRAM", "REELS").items()[0].itemId();
    }

    private RecommendationRefresh lastRefresh(String person) {
        return harness.extractOutputValues().stream().filter(r -> r.centerId().equals(person))
                .reduce((a, b) -> b).orElseThrow();
    }

    private static List<String> ids(RecommendationRefresh refresh) {
        return Arrays.stream(refresh.items()).map(RecommendedItem::itemId).toList();
    }

    private RecommendationRefresh lastRefresh(String app, String surface) {
        List<RecommendationRefresh> out = harness.extractOutputValues().stream()
                .filter(r -> r.app().equals(app) && r.surface().equals(surface)).toList();
        assertThat(out).isNotEmpty();
        return out.get(out.size() - 1);
    }

    private ProfileState state(String person) throws Exception {
        var backend = harness.getOperator().getKeyedStateBackend();
        backend.setCurrentKey(person);
        return backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                new ValueStateDescriptor<>("profile", ProfileState.class)).value();
    }

    private static float[] randomUnit(Random random) {
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalized(v);
    }

    /** A paraphrase of a topic: cosine about 0.9 with it. */
    private static float[] near(float[] topic, Random random) {
        float[] out = topic.clone();
        Vectors.scale(out, 0.9f);
        Vectors.addScaled(out, randomUnit(random), 0.436f);
        return Vectors.normalized(out);
    }

    static ProfileSettings settings() {
        return PersonalizationOptions.profileSettings(options());
    }

    private static Configuration options() {
        Configuration options = new Configuration();
        options.set(PersonalizationOptions.PROFILE_RETENTION, RETENTION);
        options.set(PersonalizationOptions.TOP_K, 2);
        return options;
    }

    /** A fresh operator with the given options, two slots per refresh and a Messenger feed of two items. */
    private void reopenWithRunningAndJazzOnly(Configuration options) throws Exception {
        harness.close();
        options.set(PersonalizationOptions.TOP_K, 2);
        harness = newHarness(PersonalizationOptions.profileSettings(options));
        catalog("m-run", "MESSENGER", "FEED", RUNNING);
        catalog("m-jazz", "MESSENGER", "FEED", JAZZ);
    }

    private void broadcast(CatalogItem item, long time) throws Exception {
        harness.processBroadcastElement(CatalogUpdate.of(item), time);
    }

    private long profileKeys() {
        return harness.getOperator().getKeyedStateBackend().getKeys("profile", VoidNamespace.INSTANCE).count();
    }

    private RecommendationRefresh lastRefresh() {
        List<RecommendationRefresh> out = harness.extractOutputValues();
        assertThat(out).isNotEmpty();
        return out.get(out.size() - 1);
    }

    private void catalog(String id, String app, String surface, float[] vector) throws Exception {
        broadcast(CatalogItem.of(id, app, surface, new String[0], 0L, true, vector, false),
                0L);
    }

    private void join(String person, String app, String account) throws Exception {
        harness.processElement(new PersonEvent(person, PersonEventType.JOIN, app, account, 0L, "link", null), 0L);
    }

    private void message(String person, String app, String account, String eventId, float[] vector, long time)
            throws Exception {
        ActivitySignal signal = new ActivitySignal(eventId, app, account, time, ActivityKind.MESSAGE, null, vector);
        harness.processElement(new PersonEvent(person, PersonEventType.ACTIVITY, app, account, time, eventId, signal),
                time);
    }

    private void forgetMessages(String person, String app, String account, long time) throws Exception {
        harness.processElement(new PersonEvent(person, PersonEventType.FORGET_MESSAGES, app, account, time,
                "objection", null), time);
    }

    private void setting(String person, String app, String account, PersonEventType type, long time) throws Exception {
        harness.processElement(new PersonEvent(person, type, app, account, time, "setting", null), time);
    }

    private void setState(String person, ProfileState state) throws Exception {
        var backend = harness.getOperator().getKeyedStateBackend();
        backend.setCurrentKey(person);
        backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                new ValueStateDescriptor<>("profile", ProfileState.class)).update(state);
    }

    private void erase(String person, String app, String account, String requestId, long time) throws Exception {
        harness.processElement(new PersonEvent(person, PersonEventType.ERASE, app, account, time, requestId, null),
                time);
    }

    private void engagement(String person, String app, String account, String eventId, ActivityKind kind,
            String itemId, long time) throws Exception {
        ActivitySignal signal = new ActivitySignal(eventId, app, account, time, kind, itemId, null);
        harness.processElement(new PersonEvent(person, PersonEventType.ACTIVITY, app, account, time, eventId, signal),
                time);
    }
}
