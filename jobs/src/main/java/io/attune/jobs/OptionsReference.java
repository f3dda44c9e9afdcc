package io.attune.jobs;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.description.BlockElement;
import org.apache.flink.configuration.description.LineBreakElement;
import org.apache.flink.configuration.description.TextElement;
import org.apache.flink.util.TimeUtils;

/**
 * The reference of every {@link PersonalizationOptions} option, read from the options themselves: what {@code
 * bin/attune options} prints and {@code docs/configuration.md} holds (a test keeps the two the same), so the
 * documentation cannot drift from the code.
 */
public final class OptionsReference {

    /** Sections in the order a reader needs them; an option whose key starts otherwise goes under "other". */
    private static final List<String[]> SECTIONS = List.of(
            new String[] {"kafka.", "Kafka"},
            new String[] {"topic.", "Topics"},
            new String[] {"sink.", "Delivery"},
            new String[] {"checkpoint.", "Checkpoints and parallelism"},
            new String[] {"max-parallelism", "Checkpoints and parallelism"},
            new String[] {"catalog.", "Checkpoints and parallelism"},
            new String[] {"apps", "Apps"},
            new String[] {"assistant.", "Assistant messages"},
            new String[] {"audit.", "Suppression audit"},
            new String[] {"profile.", "Profiles"},
            new String[] {"refresh.", "Refreshes and ranking"},
            new String[] {"items.", "Item neighbourhoods (co-engagement, affinity, popularity)"},
            new String[] {"embedding.", "Embedding"});

    private OptionsReference() {}

    /** One option as documented. */
    public record Entry(String key, String type, String defaultValue, String description, String section) {}

    /** Every option, section by section, sorted by key within a section. */
    public static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (Field field : PersonalizationOptions.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || !ConfigOption.class.equals(field.getType())) {
                continue;
            }
            ConfigOption<?> option;
            try {
                option = (ConfigOption<?>) field.get(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + field, e);
            }
            Type valueType = ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
            String description = describe(option);
            if (valueType instanceof Class<?> type && type.isEnum()) {
                description += " Possible values: " + Arrays.stream(type.getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", ")) + ".";
            }
            entries.add(new Entry(option.key(), typeName(valueType), defaultOf(option), description,
                    sectionOf(option.key())));
        }
        entries.sort(Comparator.comparingInt((Entry e) -> sectionOrder(e.section())).thenComparing(Entry::key));
        return entries;
    }

    /** The reference as Markdown: {@code docs/configuration.md}. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Configuration\n\n")
                .append("Every option of the personalization job, with its default. Give them as program arguments"
                        + " (`--refresh.top-k 20`),\nto `bin/attune local`, `latency` and `replay` the same way, or in"
                        + " the Flink configuration. Generated from\n`PersonalizationOptions` by `bin/attune options"
                        + " --markdown > docs/configuration.md`; `OptionsReferenceTest` fails when\nthis file and"
                        + " the code differ.\n");
        String section = null;
        for (Entry entry : entries()) {
            if (!entry.section().equals(section)) {
                section = entry.section();
                out.append("\n## ").append(section).append("\n\n")
                        .append("| Key | Default | Type | Description |\n")
                        .append("|---|---|---|---|\n");
            }
            out.append("| `").append(entry.key()).append("` | ")
                    .append(entry.defaultValue() == null ? "(none)" : "`" + entry.defaultValue() + "`").append(" | ")
                    .append(entry.type()).append(" | ")
                    .append(entry.description().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }

    /** The reference for a terminal: {@code bin/attune options}. */
    public static String text() {
        StringBuilder out = new StringBuilder();
        String section = null;
        for (Entry entry : entries()) {
            if (!entry.section().equals(section)) {
                section = entry.section();
                out.append(out.length() == 0 ? "" : "\n").append(section).append('\n');
            }
            out.append("  --").append(entry.key()).append("  (").append(entry.type()).append(", default ")
                    .append(entry.defaultValue() == null ? "none" : entry.defaultValue()).append(")\n");
            out.append(wrapped(entry.description(), "      ", 100));
        }
        return out.toString();
    }

    private static String describe(ConfigOption<?> option) {
        StringBuilder text = new StringBuilder();
        for (BlockElement block : option.description().getBlocks()) {
            if (block instanceof TextElement element) {
                text.append(element.getElements().isEmpty()
                        ? element.getFormat()
                        : String.format(element.getFormat(), element.getElements().stream()
                                .map(Object::toString).toArray()));
            } else if (block instanceof LineBreakElement) {
                text.append(' ');
            } else {
                throw new IllegalStateException(option.key() + ": a description block this reference cannot render: "
                        + block.getClass().getSimpleName());
            }
        }
        return text.toString().trim();
    }

    private static String defaultOf(ConfigOption<?> option) {
        if (!option.hasDefaultValue()) {
            return null;
        }
        Object value = option.defaultValue();
        if (value instanceof Duration duration) {
            return TimeUtils.formatWithHighestUnit(duration);
        }
        if (value instanceof List<?> list) {
            // Flink's syntax for a list value.
            return list.stream().map(Object::toString).collect(Collectors.joining(";"));
        }
        return String.valueOf(value);
    }

    private static String typeName(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return ((Class<?>) parameterized.getRawType()).getSimpleName() + "<" + Arrays.stream(
                    parameterized.getActualTypeArguments()).map(OptionsReference::typeName)
                    .collect(Collectors.joining(", ")) + ">";
        }
        Class<?> raw = (Class<?>) type;
        return raw.isEnum() ? "Enum" : raw.getSimpleName();
    }

    private static String sectionOf(String key) {
        for (String[] section : SECTIONS) {
            if (key.startsWith(section[0])) {
                return section[1];
            }
        }
        return "Other";
    }

    private static int sectionOrder(String section) {
        for (int i = 0; i < SECTIONS.size(); i++) {
            if (SECTIONS.get(i)[1].equals(section)) {
                return i;
            }
        }
        return SECTIONS.size();
    }

    private static String wrapped(String text, String indent, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > indent.length()) {
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
