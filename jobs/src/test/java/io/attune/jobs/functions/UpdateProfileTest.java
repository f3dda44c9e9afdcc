package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.events.RecommendedItem;
import io.attune.jobs.stream.ActivityKind;
import io.attune.jobs.stream.ActivitySignal;
import io.attune.jobs.stream.CatalogItem;
import io.attune.jobs.stream.PersonEvent;
import io.attune.jobs.stream.PersonEventType;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
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

    private KeyedBroadcastOperatorTestHarness<String, PersonEvent, CatalogItem, RecommendationRefresh> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(
                        new UpdateProfile(Duration.ofDays(7), RETENTION, 2), List.of(UpdateProfile.CATALOG)),
                new PersonKey(), Types.STRING, 128, 1, 0);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        harness.open();
        catalog("ig-run", "INSTAGRAM", "FEED", RUNNING);
        catalog("ig-jazz", "INSTAGRAM", "FEED", JAZZ);
        catalog("ig-cook", "INSTAGRAM", "REELS", COOKING);
        catalog("m-run", "MESSENGER", "FEED", RUNNING);
        catalog("m-jazz", "MESSENGER", "FEED", JAZZ);
        catalog("w-run", "WHATSAPP", "FEED", RUNNING);
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
        assertThat(instagramFeed.eventTime()).isEqualTo(1_000L);
        assertThat(out).extracting(RecommendationRefresh::profileVersion).containsOnly(instagramFeed.profileVersion());
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
    void deactivatedCatalogItemsAreNoLongerRecommended() throws Exception {
        join("ana", "MESSENGER", "m-ana");
        harness.processBroadcastElement(new CatalogItem("m-run", "MESSENGER", "FEED", new String[0], 5L, false, null, false),
                5L);
        message("ana", "MESSENGER", "m-ana", "e1", RUNNING, 1L);
        assertThat(lastRefresh().items()).extracting(RecommendedItem::itemId).containsExactly("m-jazz");
    }

    @Test
    void sensitiveCatalogItemsAreNeverRankedAndEngagingWithThemMovesNothing() throws Exception {
        float[] clinic = {0.9f, 0.1f, 0};
        harness.processBroadcastElement(
                new CatalogItem("m-clinic", "MESSENGER", "FEED", new String[0], 0L, true, clinic, true), 0L);
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
        join("ana", "MESSENGER", "m-ana");
        message("ana", "MESSENGER", "m-ana", "e1", RUNNING, 1L);
        assertThat(profileKeys()).isEqualTo(1);

        harness.setProcessingTime(1_000L + RETENTION.toMillis() - 1);
        assertThat(profileKeys()).isEqualTo(1);
        harness.setProcessingTime(1_000L + RETENTION.toMillis());
        assertThat(profileKeys()).isZero();

        int before = harness.extractOutputValues().size();
        message("ana", "MESSENGER", "m-ana", "e2", RUNNING, 2L);
        assertThat(harness.extractOutputValues()).as("linked accounts were forgotten too").hasSize(before);
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
        harness.processBroadcastElement(new CatalogItem(id, app, surface, new String[0], 0L, true, vector, false),
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

    private void engagement(String person, String app, String account, String eventId, ActivityKind kind,
            String itemId, long time) throws Exception {
        ActivitySignal signal = new ActivitySignal(eventId, app, account, time, kind, itemId, null);
        harness.processElement(new PersonEvent(person, PersonEventType.ACTIVITY, app, account, time, eventId, signal),
                time);
    }
}
