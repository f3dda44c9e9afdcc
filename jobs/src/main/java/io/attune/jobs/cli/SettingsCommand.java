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
 * {@code bin/attune settings}: records an account holder's settings (for their assistant messages, or for profiling
 * altogether), as the accounts center would, for a privacy team acting on a request: writes one event to the job's
 * {@code account-links} topic, keyed by account like a link, so the account's events stay in order.
 */
final class SettingsCommand {

    static final String USAGE = """
              settings
                       record an account holder's settings (an account-links event)
                         --kafka.bootstrap-servers HOSTS --app APP --account ID, and one or more of:
                         --use true|false            false: an objection to the use of assistant messages; what
                                                     they taught is forgotten and later ones are not used (true:
                                                     used again from now on)
                         --across-apps true|false    false: what they teach shapes only the account's own app
                         --profiling true|false      false: an objection to profiling (recommendations not based
                                                     on profiling); everything the account taught is forgotten,
                                                     its app is sent no more recommendations and its activity is
                                                     not used (true: profiled again from now on, from scratch)
                         --minor true|false          whether the holder is a minor (the center's age assurance):
                                                     no advertisement is ranked for them from a profile
                         --topic.account-links T --apps A;B  as the job's options
                         --kafka.client-properties-file F --kafka.properties.KEY V  a secured cluster, as the job
            """;

    private SettingsCommand() {}

    static int run(String[] args) throws Exception {
        AccountArguments parsed;
        Boolean useMessages;
        Boolean across;
        Boolean profiling;
        Boolean minor;
        try {
            parsed = AccountArguments.parse(args, "use", "across-apps", "profiling", "minor");
            String use = parsed.own().get("use");
            String acrossApps = parsed.own().get("across-apps");
            String profile = parsed.own().get("profiling");
            String isMinor = parsed.own().get("minor");
            if (use == null && acrossApps == null && profile == null && isMinor == null) {
                return usage("nothing to record: give --use, --across-apps, --profiling, --minor or more than one");
            }
            minor = isMinor == null ? null : bool("--minor", isMinor);
            useMessages = use == null ? null : bool("--use", use);
            across = acrossApps == null ? null : bool("--across-apps", acrossApps);
            profiling = profile == null ? null : bool("--profiling", profile);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        String app = parsed.app();
        String account = parsed.account();
        Configuration options = parsed.options();
        String json = EventJson.toJson(new AccountLink(app, account, null, false, System.currentTimeMillis(),
                useMessages, across, profiling, minor));
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
        System.err.println("settings: " + problem + "\n\nusage: bin/attune settings [options]\n"
                + USAGE);
        return 2;
    }
}
