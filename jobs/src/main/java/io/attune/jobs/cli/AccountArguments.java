package io.attune.jobs.cli;

import io.attune.jobs.CommandLineOptions;
import io.attune.jobs.PersonalizationOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;

/**
 * The arguments of a command about one account that talks to the job's Kafka ({@code erase},
 * {@code settings}): {@code --app}, {@code --account}, the command's own options, and the job's options
 * (topics, apps, Kafka) for the rest.
 *
 * @param own the command's own options that were given, by name without the dashes
 * @param options everything else, as the job reads it
 */
record AccountArguments(String app, String account, Map<String, String> own, Configuration options) {

    /**
     * @param ownNames the names of the command's own options
     * @throws IllegalArgumentException what is wrong, for the usage message: a malformed argument, no
     *     {@code --app} or {@code --account}, or no Kafka bootstrap servers
     */
    static AccountArguments parse(String[] args, String... ownNames) {
        Map<String, String> given = new LinkedHashMap<>(CommandLineOptions.parse(args).toMap());
        String app = given.remove("app");
        String account = given.remove("account");
        Map<String, String> own = new LinkedHashMap<>();
        for (String name : ownNames) {
            String value = given.remove(name);
            if (value != null) {
                own.put(name, value);
            }
        }
        if (app == null || account == null) {
            throw new IllegalArgumentException("--app and --account are required");
        }
        Configuration options = Configuration.fromMap(given);
        if (options.getOptional(PersonalizationOptions.BOOTSTRAP_SERVERS).isEmpty()) {
            throw new IllegalArgumentException("--" + PersonalizationOptions.BOOTSTRAP_SERVERS.key() + " is required");
        }
        return new AccountArguments(app, account, own, options);
    }
}
