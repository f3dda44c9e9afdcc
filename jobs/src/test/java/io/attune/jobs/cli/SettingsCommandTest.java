package io.attune.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.events.AccountLink;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.testing.KafkaBrokerExtension;
import io.attune.jobs.testing.KafkaTestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code bin/attune settings} against a real (in-process) Kafka broker. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SettingsCommandTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void writesTheSettingsAsTheJobReadsThemFromItsLinksTopic() throws Exception {
        assertThat(SettingsCommand.run(new String[] {"--kafka.bootstrap-servers",
            KAFKA.broker().bootstrapServers(), "--app", "MESSENGER", "--account", "m-ana", "--use", "false"})).isZero();
        assertThat(SettingsCommand.run(new String[] {"--kafka.bootstrap-servers",
            KAFKA.broker().bootstrapServers(), "--app", "WHATSAPP", "--account", "w-ana", "--across-apps", "false",
            "--use", "true"})).isZero();
        assertThat(SettingsCommand.run(new String[] {"--kafka.bootstrap-servers",
            KAFKA.broker().bootstrapServers(), "--app", "MESSENGER", "--account", "m-ben", "--profiling", "false", "--minor", "true"}))
                .isZero();

        EventJson json = new EventJson(Set.of("MESSENGER", "WHATSAPP"));
        List<AccountLink> events = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = KAFKA.client().committedReader("account-links")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (events.size() < 3 && System.nanoTime() < deadline) {
                for (String value : KafkaTestClient.poll(reader)) {
                    events.add(json.accountLink(value));
                }
            }
        }
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).satisfies(e -> {
            assertThat(e.changesMembership()).as("a setting, no link").isFalse();
            assertThat(e.useAssistantMessages()).isFalse();
            assertThat(e.assistantMessagesAcrossApps()).isNull();
            assertThat(e.timestamp()).isPositive();
        });
        assertThat(events.get(1)).satisfies(e -> {
            assertThat(e.app()).isEqualTo("WHATSAPP");
            assertThat(e.useAssistantMessages()).isTrue();
            assertThat(e.assistantMessagesAcrossApps()).isFalse();
            assertThat(e.profiling()).as("not said: left as it was").isNull();
        });
        assertThat(events.get(2)).satisfies(e -> {
            assertThat(e.accountId()).isEqualTo("m-ben");
            assertThat(e.changesMembership()).isFalse();
            assertThat(e.profiling()).isFalse();
            assertThat(e.minor()).isTrue();
            assertThat(e.useAssistantMessages()).isNull();
        });
    }

    @Test
    void aRequestThatRecordsNothingOrNamesNoAccountIsAUsageError() throws Exception {
        String servers = KAFKA.broker().bootstrapServers();
        assertThat(SettingsCommand.run(new String[] {"--kafka.bootstrap-servers", servers,
            "--app", "MESSENGER", "--account", "m-ana"})).isEqualTo(2);
        assertThat(SettingsCommand.run(new String[] {"--kafka.bootstrap-servers", servers,
            "--app", "MESSENGER", "--use", "false"})).isEqualTo(2);
        assertThat(SettingsCommand.run(new String[] {"--kafka.bootstrap-servers", servers,
            "--app", "MESSENGER", "--account", "m-ana", "--use", "no"})).isEqualTo(2);
        assertThat(SettingsCommand.run(new String[] {"--kafka.bootstrap-servers", servers,
            "--app", "MESSENGER", "--account", "m-ana", "--profiling", "off"})).isEqualTo(2);
        assertThat(SettingsCommand.run(new String[] {"--kafka.bootstrap-servers", servers,
            "--app", "MYSPACE", "--account", "m-ana", "--use", "false"})).as("unknown app").isEqualTo(2);
        assertThat(SettingsCommand.run(new String[] {"--app", "MESSENGER", "--account", "m-ana",
            "--use", "false"})).as("no broker").isEqualTo(2);
    }
}
