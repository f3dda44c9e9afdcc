package io.attune.jobs.cli;

import io.attune.jobs.PersonalizationOptions;
import io.attune.jobs.events.AccountLink;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.events.InvalidEventException;
import io.attune.jobs.kafka.KafkaClientProperties;
import java.util.HashSet;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code bin/attune assistant-settings}: records an account holder's settings for their assistant messages, as the
 * accounts center would, for a privacy team acting on a request: writes one event to the job's {@code account-links}
 * topic, keyed by account like a link, so the account's events stay in order.
 */
final class AssistantSettingsCommand {

    static final String USAGE = """
              assistant-settings
                       record an account holder's settings for their assistant messages (an account-links event)
                         --kafka.bootstrap-servers HOSTS --app APP --account ID, and one or both of:
                         --use true|false            false: an objection; what the messages taught is forgotten and
                                                     later ones are not used (true: used again from now on)
                         --across-apps true|false    false: what they teach shapes only the account's own app
                         --topic.account-links T --apps A;B  as the job's options
                         --kafka.client-properties-file F --kafka.properties.KEY V  a secured cluster, as the job
            """;

    private AssistantSettingsCommand() {}

    static int run(String[] args) throws Exception {
        AccountArguments parsed;
        Boolean useMessages;
        Boolean across;
        try {
            parsed = AccountArguments.parse(args, "use", "across-apps");
            String use = parsed.own().get("use");
            String acrossApps = parsed.own().get("across-apps");
            if (use == null && acrossApps == null) {
                return usage("nothing to record: give --use, --across-apps or both");
            }
            useMessages = use == null ? null : bool("--use", use);
            across = acrossApps == null ? null : bool("--across-apps", acrossApps);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        String app = parsed.app();
        String account = parsed.account();
        Configuration options = parsed.options();
        String json = EventJson.toJson(new AccountLink(app, account, null, false, System.currentTimeMillis(),
                useMessages, across));
        Properties deployment;
        try {
            new EventJson(new HashSet<>(options.get(PersonalizationOptions.APPS))).accountLink(json);
            deployment = KafkaClientProperties.of(options);
        } catch (InvalidEventException | IllegalConfigurationException e) {
            return usage(e.getMessage());
        }
        String topic = options.get(PersonalizationOptions.TOPIC_ACCOUNT_LINKS);
        try (KafkaProducer<String, String> producer =
                KafkaClients.producer(options.get(PersonalizationOptions.BOOTSTRAP_SERVERS), deployment)) {
            producer.send(new ProducerRecord<>(topic, app + ":" + account, json)).get();
        }
        System.out.println("recorded → " + topic + ": " + json);
        return 0;
    }

    private static boolean bool(String option, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(option + " must be true or false, was '" + value + "'");
        };
    }

    private static int usage(String problem) {
        System.err.println("assistant-settings: " + problem + "\n\nusage: bin/attune assistant-settings [options]\n"
                + USAGE);
        return 2;
    }
}
