package io.attune.models.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Training examples written for Attune, expanded from two resource files. Deterministic.
 *
 * <ul>
 *   <li>{@code benign-templates.tsv}: everyday requests in French, German and Spanish (openers times
 *       objects, plus full sentences), all NONE. They teach the head that a language is not a topic.
 *   <li>{@code disclosure-templates.tsv}: assistant messages in seven languages that disclose a sensitive
 *       topic ("I'm twelve weeks pregnant, any tips?"), and everyday ones built the same way ("I'm a nurse
 *       on night shifts, …"). They teach that the assistant register is not a topic either: the labelled
 *       data has sensitive topics only as tweets, Usenet posts, stories and patient questions.
 *   <li>{@code catalog-templates.tsv}: catalog items (titles, products, events with their tags), everyday and
 *       sensitive, for the catalog head only: titles use topic words as names ("The Winter King").
 * </ul>
 */
final class TemplateExamples {

    private static final String BENIGN = "benign-templates.tsv";
    private static final String DISCLOSURES = "disclosure-templates.tsv";
    private static final String CATALOG = "catalog-templates.tsv";
    private static final int ASKS_PER_STATEMENT = 3;

    private TemplateExamples() {}

    /** Both files' examples. */
    static List<LabeledText> all() {
        List<LabeledText> examples = new ArrayList<>(benign());
        examples.addAll(disclosures());
        return examples;
    }

    static List<LabeledText> benign() {
        Map<String, List<String>> openers = new LinkedHashMap<>();
        Map<String, List<String>> objects = new LinkedHashMap<>();
        List<LabeledText> examples = new ArrayList<>();
        for (String[] parts : GuardResources.rows(BENIGN, 3)) {
            switch (parts[1]) {
                case "open" -> openers.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[2]);
                case "obj" -> objects.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[2]);
                default -> examples.add(new LabeledText(parts[2], LabeledText.NONE, parts[0], "attune/templates"));
            }
        }
        openers.forEach((lang, opens) -> {
            for (String open : opens) {
                for (String object : objects.getOrDefault(lang, List.of())) {
                    String text = open + " " + object + (open.startsWith("¿") ? "?" : open.endsWith(":") ? "." : " ?");
                    examples.add(new LabeledText(text, LabeledText.NONE, lang, "attune/templates"));
                }
            }
        });
        return examples;
    }

    /**
     * Each statement alone and with three of its language's requests, rotating through them and through
     * three ways of joining (comma, full stop, lower-case chat without punctuation).
     */
    static List<LabeledText> disclosures() {
        Map<String, List<String>> asks = new LinkedHashMap<>();
        List<String[]> statements = new ArrayList<>();
        List<LabeledText> examples = new ArrayList<>();
        for (String[] parts : GuardResources.rows(DISCLOSURES, 4)) {
            switch (parts[1]) {
                case "ask" -> asks.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[3]);
                case "say" -> statements.add(parts);
                case "full" -> examples.add(new LabeledText(parts[3], parts[2], parts[0], "attune/disclosures"));
                default -> throw new IllegalStateException("unknown kind " + parts[1] + " in " + DISCLOSURES);
            }
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String[] statement : statements) {
            String lang = statement[0];
            String category = statement[2];
            String say = statement[3];
            int index = seen.merge(lang, 1, Integer::sum) - 1;
            examples.add(new LabeledText(capitalize(say) + ".", category, lang, "attune/disclosures"));
            List<String> requests = asks.getOrDefault(lang, List.of());
            for (int j = 0; j < Math.min(ASKS_PER_STATEMENT, requests.size()); j++) {
                String ask = requests.get((index * ASKS_PER_STATEMENT + j) % requests.size());
                String text = switch (j) {
                    case 0 -> capitalize(say) + ", " + ask;
                    case 1 -> capitalize(say) + ". " + capitalize(ask);
                    default -> (say + " " + ask).toLowerCase(Locale.ROOT).replaceAll("[?.!,¿]", "").strip();
                };
                examples.add(new LabeledText(text, category, lang, "attune/disclosures"));
            }
        }
        return examples;
    }

    /** The catalog items, as they are: the catalog head is trained on these besides what the message head is. */
    static List<LabeledText> catalog() {
        List<LabeledText> examples = new ArrayList<>();
        for (String[] parts : GuardResources.rows(CATALOG, 3)) {
            examples.add(new LabeledText(parts[2], parts[1], parts[0], "attune/catalog"));
        }
        return examples;
    }

    private static String capitalize(String text) {
        int first = text.startsWith("¿") ? 1 : 0;
        return text.substring(0, first) + text.substring(first, first + 1).toUpperCase(Locale.ROOT)
                + text.substring(first + 1);
    }
}
