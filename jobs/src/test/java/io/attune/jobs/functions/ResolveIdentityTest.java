package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.attune.jobs.PersonalizationOptions;
import io.attune.jobs.events.AccountLink;
import io.attune.jobs.events.ErasureReceipt;
import io.attune.jobs.events.ErasureRequest;
import io.attune.jobs.stream.ActivityKind;
import io.attune.jobs.stream.ActivitySignal;
import io.attune.jobs.stream.PersonEvent;
import io.attune.jobs.stream.PersonEventType;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResolveIdentityTest {

    private static final Duration RETENTION = Duration.ofDays(90);

    private KeyedTwoInputStreamOperatorTestHarness<String, AccountLink, ActivitySignal, PersonEvent> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new ResolveIdentity(RETENTION,
                        PersonalizationOptions.DEDUP_WINDOW.defaultValue())),
                new AccountKeys.OfLink(), new AccountKeys.OfActivity(), Types.STRING);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void anUnlinkedAccountIsAPersonOfItsOwn() throws Exception {
        harness.processElement2(message("e1", "INSTAGRAM", "ig-1", 10L), 10L);
        assertThat(harness.extractOutputValues()).usingRecursiveFieldByFieldElementComparator().containsExactly(
                new PersonEvent("INSTAGRAM:ig-1", PersonEventType.JOIN, "INSTAGRAM", "ig-1", 10L, "e1", null),
                activity("INSTAGRAM:ig-1", message("e1", "INSTAGRAM", "ig-1", 10L)));
    }

    @Test
    void linkedActivityGoesToTheCenterAndUnlinkingMovesTheAccountBack() throws Exception {
        harness.processElement1(new AccountLink("MESSENGER", "m-1", "center-1", true, 100L), 100L);
        harness.processElement2(message("e1", "MESSENGER", "m-1", 200L), 200L);
        harness.processElement1(new AccountLink("MESSENGER", "m-1", "center-1", false, 300L), 300L);
        harness.processElement2(message("e2", "MESSENGER", "m-1", 400L), 400L);

        List<PersonEvent> out = harness.extractOutputValues();
        assertThat(out).extracting(PersonEvent::personId, PersonEvent::type).containsExactly(
                tuple("center-1", PersonEventType.JOIN),
                tuple("center-1", PersonEventType.ACTIVITY),
                tuple("center-1", PersonEventType.LEAVE),
                tuple("MESSENGER:m-1", PersonEventType.JOIN),
                tuple("MESSENGER:m-1", PersonEventType.ACTIVITY));
        assertThat(out.get(2).triggeredBy()).isEqualTo("link:MESSENGER:m-1@300");
    }

    @Test
    void aStaleLinkEventCannotUndoANewerOne() throws Exception {
        harness.processElement1(new AccountLink("MESSENGER", "m-1", "center-1", false, 500L), 500L);
        harness.processElement1(new AccountLink("MESSENGER", "m-1", "center-1", true, 100L), 600L);
        harness.processElement2(message("e1", "MESSENGER", "m-1", 700L), 700L);
        assertThat(harness.extractOutputValues()).extracting(PersonEvent::personId)
                .containsOnly("MESSENGER:m-1");
    }

    @Test
    void movingBetweenCentersLeavesTheOldOne() throws Exception {
        harness.processElement1(new AccountLink("WHATSAPP", "w-1", "center-1", true, 1L), 1L);
        harness.processElement1(new AccountLink("WHATSAPP", "w-1", "center-2", true, 2L), 2L);
        harness.processElement1(new AccountLink("WHATSAPP", "w-1", "center-2", true, 3L), 3L);
        assertThat(harness.extractOutputValues()).extracting(PersonEvent::personId, PersonEvent::type).containsExactly(
                tuple("center-1", PersonEventType.JOIN),
                tuple("center-1", PersonEventType.LEAVE),
                tuple("center-2", PersonEventType.JOIN));
    }

    @Test
    void unlinkedAccountStateIsClearedAfterRetentionButLinksAreKept() throws Exception {
        harness.setProcessingTime(1_000L);
        harness.processElement2(message("e1", "INSTAGRAM", "ig-1", 10L), 10L);
        harness.processElement1(new AccountLink("MESSENGER", "m-1", "center-1", true, 10L), 10L);
        assertThat(identityKeys()).isEqualTo(2L);

        harness.setProcessingTime(1_000L + RETENTION.toMillis() - 1);
        assertThat(identityKeys()).isEqualTo(2L);
        harness.setProcessingTime(1_000L + RETENTION.toMillis());
        assertThat(identityKeys()).as("only the linked account remains").isEqualTo(1L);
        assertThat(harness.numProcessingTimeTimers()).isZero();

        harness.processElement2(message("e2", "MESSENGER", "m-1", 20L), 20L);
        assertThat(harness.extractOutputValues()).last().extracting(PersonEvent::personId).isEqualTo("center-1");
    }

    @Test
    void activityMovesTheRetentionTimerInsteadOfAddingTimers() throws Exception {
        for (int i = 0; i < 5; i++) {
            harness.setProcessingTime(i * 1_000L);
            harness.processElement2(message("e" + i, "INSTAGRAM", "ig-1", i), i);
        }
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1L);
    }

    @Test
    void erasingALinkedAccountTellsTheCenterAndItsOwnPersonAndForgetsTheLink() throws Exception {
        harness.setProcessingTime(5_000L);
        harness.processElement2(message("e0", "MESSENGER", "m-1", 50L), 50L);
        harness.processElement1(new AccountLink("MESSENGER", "m-1", "center-1", true, 100L), 100L);
        harness.processElement2(message("e1", "MESSENGER", "m-1", 200L), 200L);
        harness.processElement2(new ErasureActivity().map(
                new ErasureRequest("erase-1", "MESSENGER", "m-1", 300L)), 300L);
        harness.processElement2(message("e2", "MESSENGER", "m-1", 400L), 400L);

        List<PersonEvent> out = harness.extractOutputValues();
        assertThat(out.subList(5, out.size())).extracting(PersonEvent::personId, PersonEvent::type,
                PersonEvent::triggeredBy).containsExactly(
                tuple("center-1", PersonEventType.ERASE, "erase-1"),
                tuple("MESSENGER:m-1", PersonEventType.ERASE, "erase-1"),
                // No JOIN: the profile stage adds an account it does not list with its first activity.
                tuple("MESSENGER:m-1", PersonEventType.ACTIVITY, "e2"));
        assertThat(harness.getSideOutput(ResolveIdentity.RECEIPTS)).extracting(r -> r.getValue())
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactly(new ErasureReceipt("erase-1", "MESSENGER", "m-1", 300L, 5_000L, true));
    }

    @Test
    void activityAndLinksFromBeforeTheErasureThatArriveLateAreDropped() throws Exception {
        harness.processElement2(message("e1", "INSTAGRAM", "ig-1", 100L), 100L);
        harness.processElement2(new ErasureActivity().map(
                new ErasureRequest("erase-1", "INSTAGRAM", "ig-1", 300L)), 300L);
        harness.processElement2(message("late", "INSTAGRAM", "ig-1", 250L), 310L);
        harness.processElement2(message("at-the-request", "INSTAGRAM", "ig-1", 300L), 320L);
        harness.processElement1(new AccountLink("INSTAGRAM", "ig-1", "center-1", true, 200L), 330L);

        assertThat(harness.extractOutputValues()).extracting(PersonEvent::triggeredBy)
                .containsExactly("e1", "e1", "erase-1");
        assertThat(harness.getSideOutput(ResolveIdentity.RECEIPTS)).extracting(r -> r.getValue().wasLinked())
                .containsExactly(false);
    }

    @Test
    void whatAnErasureKeepsIsClearedAfterRetention() throws Exception {
        harness.setProcessingTime(1_000L);
        harness.processElement1(new AccountLink("MESSENGER", "m-1", "center-1", true, 10L), 10L);
        harness.processElement2(new ErasureActivity().map(
                new ErasureRequest("erase-1", "MESSENGER", "m-1", 20L)), 20L);
        assertThat(identityKeys()).isEqualTo(1L);
        assertThat(harness.numProcessingTimeTimers()).as("the tombstone's retention").isEqualTo(1L);

        harness.setProcessingTime(1_000L + RETENTION.toMillis());
        assertThat(identityKeys()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void aLinkNewerThanTheErasureLinksTheAccountAgain() throws Exception {
        harness.processElement1(new AccountLink("MESSENGER", "m-1", "center-1", true, 10L), 10L);
        harness.processElement2(new ErasureActivity().map(
                new ErasureRequest("erase-1", "MESSENGER", "m-1", 20L)), 20L);
        harness.processElement1(new AccountLink("MESSENGER", "m-1", "center-1", true, 30L), 30L);
        harness.processElement2(message("late", "MESSENGER", "m-1", 15L), 40L);
        harness.processElement2(message("e2", "MESSENGER", "m-1", 50L), 50L);

        assertThat(harness.extractOutputValues()).extracting(PersonEvent::personId, PersonEvent::type)
                .containsExactly(
                        tuple("center-1", PersonEventType.JOIN),
                        tuple("center-1", PersonEventType.ERASE),
                        tuple("MESSENGER:m-1", PersonEventType.ERASE),
                        tuple("MESSENGER:m-1", PersonEventType.LEAVE),
                        tuple("center-1", PersonEventType.JOIN),
                        tuple("center-1", PersonEventType.ACTIVITY));
    }

    @Test
    void anObjectionToAssistantMessagesTellsTheCenterAndTheOwnPersonToForgetThemAndDropsLaterMessages()
            throws Exception {
        harness.processElement2(message("e0", "MESSENGER", "m-1", 50L), 50L);
        harness.processElement1(new AccountLink("MESSENGER", "m-1", "center-1", true, 100L), 100L);
        harness.processElement2(message("e1", "MESSENGER", "m-1", 200L), 200L);
        harness.processElement1(AccountLink.assistantMessages("MESSENGER", "m-1", false, 300L), 300L);
        harness.processElement1(AccountLink.assistantMessages("MESSENGER", "m-1", false, 310L), 310L);
        harness.processElement2(message("after", "MESSENGER", "m-1", 400L), 400L);
        harness.processElement2(message("late", "MESSENGER", "m-1", 250L), 410L);
        harness.processElement2(like("like", "MESSENGER", "m-1", 420L), 420L);

        List<PersonEvent> out = harness.extractOutputValues();
        assertThat(out.subList(5, out.size())).extracting(PersonEvent::personId, PersonEvent::type,
                PersonEvent::triggeredBy).containsExactly(
                tuple("center-1", PersonEventType.FORGET_MESSAGES, "setting:MESSENGER:m-1@300"),
                tuple("MESSENGER:m-1", PersonEventType.FORGET_MESSAGES, "setting:MESSENGER:m-1@300"),
                // The objection is to messages: engagement is still the account's.
                tuple("center-1", PersonEventType.ACTIVITY, "like"));
    }

    @Test
    void afterConsentOnlyMessagesSentSinceAreUsedAndAStaleSettingChangesNothing() throws Exception {
        harness.processElement1(AccountLink.assistantMessages("INSTAGRAM", "ig-1", false, 100L), 100L);
        harness.processElement1(AccountLink.assistantMessages("INSTAGRAM", "ig-1", true, 200L), 200L);
        harness.processElement1(AccountLink.assistantMessages("INSTAGRAM", "ig-1", false, 150L), 210L);
        harness.processElement2(message("while-objecting", "INSTAGRAM", "ig-1", 150L), 220L);
        harness.processElement2(message("since", "INSTAGRAM", "ig-1", 250L), 250L);
        harness.processElement1(AccountLink.assistantMessages("INSTAGRAM", "ig-1", true, 260L), 260L);
        harness.processElement2(message("again", "INSTAGRAM", "ig-1", 270L), 270L);

        assertThat(harness.extractOutputValues()).extracting(PersonEvent::type, PersonEvent::triggeredBy)
                .containsExactly(
                        tuple(PersonEventType.FORGET_MESSAGES, "setting:INSTAGRAM:ig-1@100"),
                        tuple(PersonEventType.ACTIVITY, "since"),
                        tuple(PersonEventType.ACTIVITY, "again"));
    }

    @Test
    void aLinkEventMayCarryTheSettingAndALinkWithoutOneLeavesItAsItWas() throws Exception {
        harness.processElement1(new AccountLink("WHATSAPP", "w-1", "center-1", true, 100L, false), 100L);
        harness.processElement1(new AccountLink("WHATSAPP", "w-1", "center-2", true, 200L), 200L);
        harness.processElement2(message("e1", "WHATSAPP", "w-1", 300L), 300L);

        assertThat(harness.extractOutputValues()).extracting(PersonEvent::personId, PersonEvent::type)
                .containsExactly(
                        tuple("WHATSAPP:w-1", PersonEventType.FORGET_MESSAGES),
                        tuple("WHATSAPP:w-1", PersonEventType.LEAVE),
                        tuple("center-1", PersonEventType.JOIN),
                        tuple("center-1", PersonEventType.LEAVE),
                        tuple("center-2", PersonEventType.JOIN));
    }

    @Test
    void anObjectionOutlivesRetentionAndAnErasure() throws Exception {
        harness.setProcessingTime(1_000L);
        harness.processElement1(AccountLink.assistantMessages("INSTAGRAM", "ig-1", false, 10L), 10L);
        harness.processElement2(new ErasureActivity().map(
                new ErasureRequest("erase-1", "INSTAGRAM", "ig-1", 20L)), 20L);
        harness.setProcessingTime(1_000L + 2 * RETENTION.toMillis());
        assertThat(identityKeys()).as("the objection is kept").isEqualTo(1L);

        harness.processElement2(message("much-later", "INSTAGRAM", "ig-1", 30L), 30L);
        assertThat(harness.extractOutputValues()).extracting(PersonEvent::triggeredBy)
                .doesNotContain("much-later");

        harness.processElement1(AccountLink.assistantMessages("INSTAGRAM", "ig-1", true, 40L), 40L);
        harness.setProcessingTime(1_000L + 4 * RETENTION.toMillis());
        assertThat(identityKeys()).as("the consent's time is kept too").isEqualTo(1L);
        harness.processElement2(message("sent-while-objecting", "INSTAGRAM", "ig-1", 35L), 50L);
        harness.processElement2(message("since", "INSTAGRAM", "ig-1", 45L), 60L);
        assertThat(harness.extractOutputValues()).extracting(PersonEvent::triggeredBy)
                .doesNotContain("sent-while-objecting").contains("since");
    }

    @Test
    void keepingMessagesToTheOwnAppTellsThePersonsAndStampsEveryLaterMessageOfTheAccount() throws Exception {
        harness.setProcessingTime(1_000L);
        harness.processElement1(new AccountLink("MESSENGER", "m-1", "center-1", true, 10L), 10L);
        harness.processElement1(AccountLink.assistantMessagesAcrossApps("MESSENGER", "m-1", false, 100L), 100L);
        harness.processElement1(AccountLink.assistantMessagesAcrossApps("MESSENGER", "m-1", false, 110L), 110L);
        harness.processElement2(message("kept", "MESSENGER", "m-1", 200L), 200L);
        harness.processElement2(like("like", "MESSENGER", "m-1", 210L), 210L);
        harness.processElement1(AccountLink.assistantMessagesAcrossApps("MESSENGER", "m-1", true, 300L), 300L);
        harness.processElement1(AccountLink.assistantMessagesAcrossApps("MESSENGER", "m-1", false, 250L), 310L);
        harness.processElement2(message("shared", "MESSENGER", "m-1", 400L), 400L);

        List<PersonEvent> out = harness.extractOutputValues();
        assertThat(out.subList(1, out.size())).extracting(PersonEvent::personId, PersonEvent::type,
                PersonEvent::triggeredBy).containsExactly(
                tuple("center-1", PersonEventType.CONFINE_MESSAGES, "setting:MESSENGER:m-1@100"),
                tuple("MESSENGER:m-1", PersonEventType.CONFINE_MESSAGES, "setting:MESSENGER:m-1@100"),
                tuple("center-1", PersonEventType.ACTIVITY, "kept"),
                tuple("center-1", PersonEventType.ACTIVITY, "like"),
                tuple("center-1", PersonEventType.SHARE_MESSAGES, "setting:MESSENGER:m-1@300"),
                tuple("MESSENGER:m-1", PersonEventType.SHARE_MESSAGES, "setting:MESSENGER:m-1@300"),
                tuple("center-1", PersonEventType.ACTIVITY, "shared"));
        assertThat(out).filteredOn(e -> e.type() == PersonEventType.ACTIVITY)
                .extracting(e -> e.activity().eventId(), e -> e.activity().ownAppOnly())
                .containsExactly(tuple("kept", true), tuple("like", false), tuple("shared", false));
    }

    @Test
    void aSettingToKeepMessagesToTheOwnAppOutlivesRetention() throws Exception {
        harness.setProcessingTime(1_000L);
        harness.processElement1(AccountLink.assistantMessagesAcrossApps("INSTAGRAM", "ig-1", false, 10L), 10L);
        harness.setProcessingTime(1_000L + 2 * RETENTION.toMillis());
        assertThat(identityKeys()).isEqualTo(1L);
        harness.processElement2(message("later", "INSTAGRAM", "ig-1", 20L), 20L);
        assertThat(harness.extractOutputValues()).last()
                .satisfies(event -> assertThat(event.activity().ownAppOnly()).isTrue());
    }

    @Test
    void anObjectionToProfilingTellsBothPersonsAndDropsActivityOfEveryKindUntilProfilingIsAllowedAgain()
            throws Exception {
        harness.processElement2(like("before-link", "MESSENGER", "m-1", 50L), 50L);
        harness.processElement1(new AccountLink("MESSENGER", "m-1", "center-1", true, 100L), 100L);
        harness.processElement1(AccountLink.profiling("MESSENGER", "m-1", false, 200L), 200L);
        harness.processElement1(AccountLink.profiling("MESSENGER", "m-1", false, 210L), 210L);
        harness.processElement2(like("like-while-objecting", "MESSENGER", "m-1", 300L), 300L);
        harness.processElement2(message("message-while-objecting", "MESSENGER", "m-1", 310L), 310L);
        harness.processElement1(AccountLink.profiling("MESSENGER", "m-1", true, 400L), 400L);
        harness.processElement2(like("late-from-the-objection", "MESSENGER", "m-1", 350L), 410L);
        harness.processElement2(message("since", "MESSENGER", "m-1", 500L), 500L);

        List<PersonEvent> out = harness.extractOutputValues();
        assertThat(out.subList(4, out.size())).extracting(PersonEvent::personId, PersonEvent::type,
                PersonEvent::triggeredBy).containsExactly(
                tuple("center-1", PersonEventType.STOP_PROFILING, "setting:MESSENGER:m-1@200"),
                tuple("MESSENGER:m-1", PersonEventType.STOP_PROFILING, "setting:MESSENGER:m-1@200"),
                // Only the person the account belongs to lists it again.
                tuple("center-1", PersonEventType.RESUME_PROFILING, "setting:MESSENGER:m-1@400"),
                tuple("center-1", PersonEventType.ACTIVITY, "since"));
    }

    @Test
    void whileTheHolderObjectsToProfilingNoCenterTheAccountJoinsIsToldOfIt() throws Exception {
        harness.processElement1(new AccountLink("WHATSAPP", "w-1", "center-1", true, 100L), 100L);
        harness.processElement1(AccountLink.profiling("WHATSAPP", "w-1", false, 200L), 200L);
        harness.processElement1(new AccountLink("WHATSAPP", "w-1", "center-2", true, 300L), 300L);
        harness.processElement1(AccountLink.profiling("WHATSAPP", "w-1", true, 400L), 400L);
        harness.processElement2(like("like", "WHATSAPP", "w-1", 500L), 500L);

        assertThat(harness.extractOutputValues()).extracting(PersonEvent::personId, PersonEvent::type)
                .containsExactly(
                        tuple("center-1", PersonEventType.JOIN),
                        tuple("center-1", PersonEventType.STOP_PROFILING),
                        tuple("WHATSAPP:w-1", PersonEventType.STOP_PROFILING),
                        // No LEAVE to center-1 (it no longer lists the account), no JOIN to center-2 yet.
                        tuple("center-2", PersonEventType.RESUME_PROFILING),
                        tuple("center-2", PersonEventType.ACTIVITY));
    }

    @Test
    void anObjectionToProfilingOutlivesRetentionAndAnErasureAndAStaleSettingChangesNothing() throws Exception {
        harness.setProcessingTime(1_000L);
        harness.processElement1(AccountLink.profiling("INSTAGRAM", "ig-1", false, 10L), 10L);
        harness.processElement1(AccountLink.profiling("INSTAGRAM", "ig-1", true, 5L), 15L);
        harness.processElement2(new ErasureActivity().map(
                new ErasureRequest("erase-1", "INSTAGRAM", "ig-1", 20L)), 20L);
        harness.setProcessingTime(1_000L + 2 * RETENTION.toMillis());
        assertThat(identityKeys()).as("the objection is kept").isEqualTo(1L);
        harness.processElement2(like("much-later", "INSTAGRAM", "ig-1", 30L), 30L);

        harness.processElement1(AccountLink.profiling("INSTAGRAM", "ig-1", true, 40L), 40L);
        harness.setProcessingTime(1_000L + 4 * RETENTION.toMillis());
        assertThat(identityKeys()).as("the time profiling was allowed again is kept too").isEqualTo(1L);
        harness.processElement2(like("done-while-objecting", "INSTAGRAM", "ig-1", 35L), 50L);
        harness.processElement2(like("since", "INSTAGRAM", "ig-1", 45L), 60L);

        assertThat(harness.extractOutputValues()).extracting(PersonEvent::type, PersonEvent::triggeredBy)
                .containsExactly(
                        tuple(PersonEventType.STOP_PROFILING, "setting:INSTAGRAM:ig-1@10"),
                        tuple(PersonEventType.ERASE, "erase-1"),
                        tuple(PersonEventType.RESUME_PROFILING, "setting:INSTAGRAM:ig-1@40"),
                        tuple(PersonEventType.ACTIVITY, "since"));
    }

    @Test
    void aMinorsAccountTellsItsPersonsStampsEveryActivityAndTellsEveryCenterItJoins() throws Exception {
        harness.setProcessingTime(1_000L);
        harness.processElement1(new AccountLink("INSTAGRAM", "ig-1", "center-1", true, 10L), 10L);
        harness.processElement1(AccountLink.minor("INSTAGRAM", "ig-1", true, 20L), 20L);
        harness.processElement1(AccountLink.minor("INSTAGRAM", "ig-1", true, 25L), 25L);
        harness.processElement2(like("like", "INSTAGRAM", "ig-1", 30L), 30L);
        harness.processElement2(message("message", "INSTAGRAM", "ig-1", 40L), 40L);
        harness.processElement1(new AccountLink("INSTAGRAM", "ig-1", "center-2", true, 50L), 50L);
        harness.processElement1(AccountLink.minor("INSTAGRAM", "ig-1", false, 15L), 55L);
        harness.processElement1(AccountLink.minor("INSTAGRAM", "ig-1", false, 60L), 60L);
        harness.processElement2(like("adult-like", "INSTAGRAM", "ig-1", 70L), 70L);

        List<PersonEvent> out = harness.extractOutputValues();
        assertThat(out).extracting(PersonEvent::personId, PersonEvent::type).containsExactly(
                tuple("center-1", PersonEventType.JOIN),
                tuple("center-1", PersonEventType.MINOR),
                tuple("INSTAGRAM:ig-1", PersonEventType.MINOR),
                tuple("center-1", PersonEventType.ACTIVITY),
                tuple("center-1", PersonEventType.ACTIVITY),
                tuple("center-1", PersonEventType.LEAVE),
                tuple("center-2", PersonEventType.JOIN),
                // The center joined learns it at once, not with the account's next activity.
                tuple("center-2", PersonEventType.MINOR),
                // A statement older than the last one applied changes nothing.
                tuple("center-2", PersonEventType.NOT_MINOR),
                tuple("INSTAGRAM:ig-1", PersonEventType.NOT_MINOR),
                tuple("center-2", PersonEventType.ACTIVITY));
        assertThat(out).filteredOn(e -> e.type() == PersonEventType.ACTIVITY)
                .extracting(e -> e.activity().eventId(), e -> e.activity().minor())
                .containsExactly(tuple("like", true), tuple("message", true), tuple("adult-like", false));
    }

    @Test
    void whatTheCenterSaysOfAMinorOutlivesRetention() throws Exception {
        harness.setProcessingTime(1_000L);
        harness.processElement1(AccountLink.minor("INSTAGRAM", "ig-1", true, 10L), 10L);
        harness.setProcessingTime(1_000L + 2 * RETENTION.toMillis());
        assertThat(identityKeys()).isEqualTo(1L);
        harness.processElement2(like("later", "INSTAGRAM", "ig-1", 20L), 20L);
        assertThat(harness.extractOutputValues()).last()
                .satisfies(event -> assertThat(event.activity().minor()).isTrue());
    }

    @Test
    void aResentEventIsDroppedWithinTheWindowAndAnEventOfTheOtherTopicWithTheSameIdIsNot() throws Exception {
        harness.setProcessingTime(1_000L);
        harness.processElement2(like("e1", "INSTAGRAM", "ig-1", 10L), 10L);
        harness.processElement2(like("e1", "INSTAGRAM", "ig-1", 10L), 11L);
        harness.processElement2(message("e1", "INSTAGRAM", "ig-1", 12L), 12L);
        harness.processElement2(like("e1", "INSTAGRAM", "ig-2", 13L), 13L);
        harness.setProcessingTime(1_000L + Duration.ofDays(1).toMillis() - 1);
        harness.processElement2(message("e1", "INSTAGRAM", "ig-1", 12L), 14L);
        harness.setProcessingTime(1_000L + Duration.ofDays(1).toMillis() + 1);
        harness.processElement2(like("e1", "INSTAGRAM", "ig-1", 10L), 15L);

        assertThat(harness.extractOutputValues()).filteredOn(e -> e.type() == PersonEventType.ACTIVITY)
                .extracting(e -> e.activity().accountId(), e -> e.activity().kind())
                .containsExactly(
                        tuple("ig-1", ActivityKind.LIKE),
                        tuple("ig-1", ActivityKind.MESSAGE),
                        tuple("ig-2", ActivityKind.LIKE),
                        // Past the window (a day by default), the id counts as new.
                        tuple("ig-1", ActivityKind.LIKE));
    }

    @Test
    void withoutADedupWindowEveryEventCounts() throws Exception {
        harness.close();
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new ResolveIdentity(RETENTION, Duration.ZERO)),
                new AccountKeys.OfLink(), new AccountKeys.OfActivity(), Types.STRING);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        harness.open();
        harness.processElement2(like("e1", "INSTAGRAM", "ig-1", 10L), 10L);
        harness.processElement2(like("e1", "INSTAGRAM", "ig-1", 10L), 11L);
        assertThat(harness.extractOutputValues()).filteredOn(e -> e.type() == PersonEventType.ACTIVITY).hasSize(2);
    }

    private long identityKeys() {
        return harness.getOperator().getKeyedStateBackend().getKeys("identity", VoidNamespace.INSTANCE).count();
    }

    static ActivitySignal message(String eventId, String app, String account, long time) {
        return new ActivitySignal(eventId, app, account, time, ActivityKind.MESSAGE, null, new float[] {1, 0});
    }

    private static ActivitySignal like(String eventId, String app, String account, long time) {
        return new ActivitySignal(eventId, app, account, time, ActivityKind.LIKE, "item-1", null);
    }

    private static PersonEvent activity(String personId, ActivitySignal signal) {
        return new PersonEvent(personId, PersonEventType.ACTIVITY, signal.app(), signal.accountId(),
                signal.timestamp(), signal.eventId(), signal);
    }
}
