package io.attune.models.guard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everyday requests in French, German and Spanish ({@code benign-templates.tsv}), expanded into NONE
 * examples for training: openers times objects, plus full sentences. They teach the head that a language is
 * not a topic. Deterministic.
 */
final class BenignTemplates {

    private static final String RESOURCE = "benign-templates.tsv";

    private BenignTemplates() {}

    static List<LabeledText> examples() {
        Map<String, List<String>> openers = new LinkedHashMap<>();
        Map<String, List<String>> objects = new LinkedHashMap<>();
        List<LabeledText> examples = new ArrayList<>();
        try (InputStream in = BenignTemplates.class.getResourceAsStream(RESOURCE)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 3);
                switch (parts[1]) {
                    case "open" -> openers.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[2]);
                    case "obj" -> objects.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[2]);
                    default -> examples.add(new LabeledText(parts[2], LabeledText.NONE, parts[0], "attune/templates"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
}
