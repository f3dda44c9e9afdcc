package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.events.AccountLink;
import io.attune.jobs.events.AssistantMessage;
import io.attune.jobs.events.Modality;
import io.attune.jobs.state.MessageObjections;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DropObjectedMessagesTest {

    private static final Duration RETENTION = Duration.ofDays(90);

    private KeyedTwoInputStreamOperatorTestHarness<String, AccountLink, AssistantMessage, AssistantMessage> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new DropObjectedMessages(RETENTION)),
                new AccountKeys.OfLink(), new AccountKeys.OfMessage(), Types.STRING);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void messagesOfAnAccountWithNoSettingPass() throws Exception {
        harness.processElement1(new AccountLink("MESSENGER", "m-1", "center-1", true, 100L), 100L);
        harness.processElement2(message("e1", "m-1", 200L), 200L);
        harness.processElement2(message("e2", "other", 200L), 200L);

        assertThat(harness.extractOutputValues()).extracting(AssistantMessage::eventId).containsExactly("e1", "e2");
        assertThat(objectionKeys()).as("a link without settings keeps nothing").isZero();
    }

    @Test
    void anObjectionToMessagesDropsTheAccountsMessagesUntilConsentAndNoOtherAccounts() throws Exception {
        harness.processElement2(message("before", "m-1", 100L), 100L);
        harness.processElement1(AccountLink.assistantMessages("MESSENGER", "m-1", false, 200L), 200L);
        harness.processElement2(message("while", "m-1", 300L), 300L);
        harness.processElement2(message("someone-else", "m-2", 300L), 300L);
        harness.processElement1(AccountLink.assistantMessages("MESSENGER", "m-1", true, 400L), 400L);
        harness.processElement2(message("after", "m-1", 500L), 500L);

        assertThat(harness.extractOutputValues()).extracting(AssistantMessage::eventId)
                .containsExactly("before", "someone-else", "after");
    }

    @Test
    void anObjectionToProfilingDropsTheAccountsMessagesToo() throws Exception {
        harness.processElement1(AccountLink.profiling("MESSENGER", "m-1", false, 200L), 200L);
        harness.processElement2(message("while", "m-1", 300L), 300L);
        harness.processElement1(AccountLink.assistantMessages("MESSENGER", "m-1", true, 350L), 350L);
        harness.processElement2(message("still", "m-1", 360L), 360L);
        harness.processElement1(AccountLink.profiling("MESSENGER", "m-1", true, 400L), 400L);
        harness.processElement2(message("after", "m-1", 500L), 500L);

        assertThat(harness.extractOutputValues()).extracting(AssistantMessage::eventId).containsExactly("after");
    }

    @Test
    void aStaleSettingArrivingLateChangesNothing() throws Exception {
        harness.processElement1(AccountLink.assistantMessages("MESSENGER", "m-1", true, 500L), 500L);
        harness.processElement1(AccountLink.assistantMessages("MESSENGER", "m-1", false, 100L), 600L);
        harness.processElement1(AccountLink.profiling("MESSENGER", "m-1", false, 700L), 700L);
        harness.processElement1(AccountLink.profiling("MESSENGER", "m-1", true, 650L), 800L);
        harness.processElement2(message("e1", "m-1", 900L), 900L);

        assertThat(harness.extractOutputValues()).as("the profiling objection at 700 stands").isEmpty();
        harness.processElement1(AccountLink.profiling("MESSENGER", "m-1", true, 1_000L), 1_000L);
        harness.processElement2(message("e2", "m-1", 1_100L), 1_100L);
        assertThat(harness.extractOutputValues()).extracting(AssistantMessage::eventId).containsExactly("e2");
    }

    @Test
    void anObjectionIsKeptHoweverLongTheAccountIsQuietAndConsentIsForgottenAfterTheRetention() throws Exception {
        harness.setProcessingTime(1_000L);
        harness.processElement1(AccountLink.assistantMessages("MESSENGER", "m-1", false, 100L), 100L);
        harness.setProcessingTime(1_000L + 10 * RETENTION.toMillis());
        harness.processElement2(message("years-later", "m-1", 200L), 200L);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(objectionsOf("MESSENGER:m-1")).isNotNull();

        long consentAt = 2_000L + 10 * RETENTION.toMillis();
        harness.setProcessingTime(consentAt);
        harness.processElement1(AccountLink.assistantMessages("MESSENGER", "m-1", true, 300L), 300L);
        harness.setProcessingTime(consentAt + RETENTION.toMillis() - 1);
        assertThat(objectionsOf("MESSENGER:m-1")).as("kept through the retention period").isNotNull();
        harness.setProcessingTime(consentAt + RETENTION.toMillis());
        assertThat(objectionsOf("MESSENGER:m-1")).as("cleared after it").isNull();
        assertThat(objectionKeys()).isZero();
    }

    @Test
    void aConsentFollowedByAnotherObjectionBeforeTheRetentionEndsIsKept() throws Exception {
        harness.setProcessingTime(1_000L);
        harness.processElement1(AccountLink.assistantMessages("MESSENGER", "m-1", true, 100L), 100L);
        harness.setProcessingTime(2_000L);
        harness.processElement1(AccountLink.profiling("MESSENGER", "m-1", false, 200L), 200L);
        harness.setProcessingTime(2_000L + 2 * RETENTION.toMillis());

        assertThat(objectionsOf("MESSENGER:m-1")).extracting(MessageObjections::objects).isEqualTo(true);
    }

    private long objectionKeys() {
        return harness.getOperator().getKeyedStateBackend().getKeys("message-objections", VoidNamespace.INSTANCE).count();
    }

    private MessageObjections objectionsOf(String account) throws Exception {
        harness.getOperator().getKeyedStateBackend().setCurrentKey(account);
        return harness.getOperator().getKeyedStateBackend()
                .getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                        DropObjectedMessages.objectionsDescriptor())
                .value();
    }

    private static AssistantMessage message(String eventId, String accountId, long timestamp) {
        return new AssistantMessage(eventId, "MESSENGER", accountId, timestamp, Modality.TEXT, "some text", "en");
    }
}
