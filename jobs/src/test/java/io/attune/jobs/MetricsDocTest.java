package io.attune.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/metrics.md lists exactly the metrics the job's operators register. */
class MetricsDocTest {

    /** A metric registered by name: {@code .counter("x")}, {@code .gauge("x", …)} and the like. */
    private static final Pattern REGISTERED =
            Pattern.compile("\\.(counter|gauge|histogram|meter)\\(\\s*\"([A-Za-z0-9_]+)\"");
    /** A metric's row in the page: its name in backticks in the first column. */
    private static final Pattern DOCUMENTED = Pattern.compile("(?m)^\\| `([A-Za-z0-9_]+)` \\|");

    @Test
    void thePageListsEveryMetricTheJobRegistersAndNoOther() throws IOException {
        Set<String> registered = new TreeSet<>();
        // Surefire runs in the module's directory.
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = REGISTERED.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    registered.add(matcher.group(2));
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        Matcher matcher = DOCUMENTED.matcher(Files.readString(Path.of("..", "docs", "metrics.md"),
                StandardCharsets.UTF_8));
        while (matcher.find()) {
            documented.add(matcher.group(1));
        }
        assertThat(registered).as("metrics found in the job's sources").contains("deadLetters", "messagesSuppressed",
                "dotCacheHits");
        assertThat(documented).as("docs/metrics.md against the job's sources").isEqualTo(registered);
    }
}
