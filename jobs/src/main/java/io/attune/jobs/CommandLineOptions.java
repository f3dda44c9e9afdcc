package io.attune.jobs;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;

/** Reads {@code --key value} pairs into a {@link Configuration} for {@link PersonalizationOptions}. */
public final class CommandLineOptions {

    private CommandLineOptions() {}

    public static Configuration parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("expected --key value, got '" + arg + "'");
            }
            String key = arg.substring(2);
            int eq = key.indexOf('=');
            if (eq > 0) {
                values.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for --" + key);
            }
        }
        return Configuration.fromMap(values);
    }
}
