package io.attune.jobs;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
        rejectMistypedJobOptions(values.keySet());
        Configuration options = Configuration.fromMap(values);
        // Read once so that a malformed date stops the command here, with the option's name, not the job later.
        PersonalizationOptions.messagesUsedFrom(options);
        return options;
    }

    /**
     * Refuses a key in one of the job's own namespaces ({@code refresh.}, {@code items.}, {@code kafka.}, …) that
     * names no job option. Flink's options, and a command's own, pass through: they live in other namespaces. Without
     * this a mistyped option ({@code --refresh.diversty 0}) was ignored without a word and the run used the default.
     */
    static void rejectMistypedJobOptions(Collection<String> keys) {
        Set<String> declared = new TreeSet<>();
        Set<String> namespaces = new HashSet<>();
        Set<String> mapPrefixes = new HashSet<>();
        for (OptionsReference.Entry entry : OptionsReference.entries()) {
            declared.add(entry.key());
            namespaces.add(namespace(entry.key()));
            if (entry.type().startsWith("Map")) {
                // Flink reads a map option's entries from keys under it: --kafka.properties.security.protocol SSL.
                mapPrefixes.add(entry.key() + ".");
            }
        }
        for (String key : keys) {
            if (mapPrefixes.stream().anyMatch(key::startsWith)) {
                continue;
            }
            // A key without a dot is a command's own (replay's --audit FILE), even when a namespace has its name.
            if (key.indexOf('.') > 0 && namespaces.contains(namespace(key)) && !declared.contains(key)) {
                String nearest = declared.stream().min(Comparator.comparingInt(k -> editDistance(k, key))).orElseThrow();
                throw new IllegalArgumentException("unknown option --" + key
                        + (editDistance(nearest, key) <= Math.max(2, key.length() / 4) ? "; did you mean --" + nearest + "?"
                                : "") + " (bin/attune options lists every option)");
            }
        }
    }

    private static String namespace(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
