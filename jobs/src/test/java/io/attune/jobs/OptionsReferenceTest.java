package io.attune.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.junit.jupiter.api.Test;

class OptionsReferenceTest {

    @Test
    void everyOptionIsListedOnceWithADescription() throws Exception {
        List<String> declared = Arrays.stream(PersonalizationOptions.class.getFields())
                .filter(field -> field.getType().equals(ConfigOption.class))
                .map(OptionsReferenceTest::keyOf)
                .sorted()
                .toList();
        List<OptionsReference.Entry> entries = OptionsReference.entries();
        assertThat(entries).extracting(OptionsReference.Entry::key).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(declared);
        assertThat(declared).hasSizeGreaterThan(50);
        assertThat(entries).allSatisfy(entry -> assertThat(entry.description()).as(entry.key()).hasSizeGreaterThan(20));
        assertThat(entries).noneMatch(entry -> entry.section().equals("Other"));
    }

    @Test
    void defaultsAndTypesAreWrittenAsFlinkReadsThem() {
        assertThat(entry("profile.half-life")).extracting(OptionsReference.Entry::type, OptionsReference.Entry::defaultValue)
                .containsExactly("Duration", "7 d");
        assertThat(entry("refresh.dot-cache-size")).extracting(OptionsReference.Entry::type,
                OptionsReference.Entry::defaultValue).containsExactly("MemorySize", "16 mb");
        assertThat(entry("kafka.bootstrap-servers").defaultValue()).isNull();
        OptionsReference.Entry guarantee = entry("sink.delivery-guarantee");
        assertThat(guarantee.type()).isEqualTo("Enum");
        assertThat(guarantee.description()).endsWith("Possible values: exactly-once, at-least-once, none.");
        assertThat(OptionsReference.text()).contains("  --refresh.top-k  (Integer, default ");
    }

    @Test
    void docsConfigurationMdIsTheGeneratedReference() throws Exception {
        // Surefire runs in the module's directory; the docs are the repository's.
        Path doc = Path.of("..", "docs", "configuration.md");
        assertThat(Files.readString(doc, StandardCharsets.UTF_8))
                .as("docs/configuration.md is out of date: bin/attune options --markdown > docs/configuration.md")
                .isEqualTo(OptionsReference.markdown());
    }

    private static OptionsReference.Entry entry(String key) {
        return OptionsReference.entries().stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
    }

    private static String keyOf(Field field) {
        try {
            return ((ConfigOption<?>) field.get(null)).key();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
