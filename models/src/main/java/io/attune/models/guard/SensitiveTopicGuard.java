package io.attune.models.guard;

import io.attune.models.embedding.TextEmbedder;
import io.attune.models.math.Vectors;
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
import java.util.regex.Pattern;

/**
 * Decides, per message, whether it touches a GDPR Article 9 special category and must be suppressed.
 *
 * <p>This first version combines two signals, each scored in [0, 1] per category: a multilingual lexicon
 * of specific terms (English, French, German, Spanish; a match scores 1) and the cosine similarity of the
 * message embedding to prototype messages of the category. A category is flagged when its score reaches
 * its threshold. Any failure suppresses the message (fail closed).
 */
public final class SensitiveTopicGuard {

    private static final String LEXICON = "lexicon.tsv";
    private static final String PROTOTYPES = "prototypes.tsv";

    /** Default threshold on the per-category score. */
    public static final float DEFAULT_THRESHOLD = 0.6f;

    private final Map<String, Pattern> lexicon;
    private final Map<String, List<float[]>> prototypes;
    private final Map<String, Float> thresholds;

    SensitiveTopicGuard(
            Map<String, Pattern> lexicon, Map<String, List<float[]>> prototypes, Map<String, Float> thresholds) {
        this.lexicon = lexicon;
        this.prototypes = prototypes;
        this.thresholds = thresholds;
    }

    /**
     * Builds the guard with the bundled lexicon and prototypes, embedding the prototypes with {@code embedder}
     * (which must be the model the job embeds messages with).
     *
     * @param thresholds per-category overrides of {@link #DEFAULT_THRESHOLD}
     * @param extraCategories extra category ids mapped to their prototype messages
     */
    public static SensitiveTopicGuard create(
            TextEmbedder embedder, Map<String, Float> thresholds, Map<String, List<String>> extraCategories) {
        Map<String, List<String>> lexiconTerms = readTable(LEXICON);
        Map<String, List<String>> prototypeTexts = readTable(PROTOTYPES);
        prototypeTexts.putAll(extraCategories);

        Map<String, Pattern> patterns = new LinkedHashMap<>();
        lexiconTerms.forEach((category, terms) -> patterns.put(category, compile(terms)));

        Map<String, List<float[]>> vectors = new LinkedHashMap<>();
        prototypeTexts.forEach((category, texts) -> vectors.put(category, embedder.embedAll(texts)));

        Map<String, Float> effective = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            effective.put(category.name(), DEFAULT_THRESHOLD);
        }
        extraCategories.keySet().forEach(c -> effective.put(c, DEFAULT_THRESHOLD));
        effective.putAll(thresholds);
        return new SensitiveTopicGuard(patterns, vectors, effective);
    }

    /** Builds the guard with default thresholds and no extra categories. */
    public static SensitiveTopicGuard create(TextEmbedder embedder) {
        return create(embedder, Map.of(), Map.of());
    }

    /**
     * Scores one message.
     *
     * @param text the message text; only read, never kept
     * @param embedding the message's embedding from the same model the prototypes were embedded with
     */
    public GuardDecision assess(String text, float[] embedding) {
        try {
            Map<String, Float> scores = new LinkedHashMap<>();
            List<String> flagged = new ArrayList<>();
            for (String category : thresholds.keySet()) {
                float score = Math.max(lexiconScore(category, text), prototypeScore(category, embedding));
                scores.put(category, score);
                if (score >= thresholds.get(category)) {
                    flagged.add(category);
                }
            }
            return new GuardDecision(scores, flagged, !flagged.isEmpty(), false);
        } catch (RuntimeException e) {
            return GuardDecision.failClosed();
        }
    }

    private float lexiconScore(String category, String text) {
        Pattern pattern = lexicon.get(category);
        return pattern != null && pattern.matcher(text).find() ? 1f : 0f;
    }

    private float prototypeScore(String category, float[] embedding) {
        float best = 0f;
        for (float[] prototype : prototypes.getOrDefault(category, List.of())) {
            best = Math.max(best, Vectors.cosine(prototype, embedding));
        }
        return best;
    }

    private static Pattern compile(List<String> terms) {
        StringBuilder alternatives = new StringBuilder();
        for (String term : terms) {
            if (alternatives.length() > 0) {
                alternatives.append('|');
            }
            boolean prefix = term.endsWith("*");
            String body = prefix ? term.substring(0, term.length() - 1) : term;
            // '?' is the one regex operator the lexicon uses (tumou?r); everything else is literal.
            StringBuilder quoted = new StringBuilder();
            for (String part : body.split("(?<=\\?)|(?=\\?)")) {
                quoted.append(part.equals("?") ? "?" : Pattern.quote(part));
            }
            alternatives.append(quoted.toString().replace(" ", "\\E\\s+\\Q"));
            if (prefix) {
                alternatives.append("[\\p{L}\\p{N}]*");
            }
        }
        return Pattern.compile(
                "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static Map<String, List<String>> readTable(String resource) {
        Map<String, List<String>> table = new LinkedHashMap<>();
        try (InputStream in = SensitiveTopicGuard.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing guard resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                table.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1].trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read guard resource " + resource, e);
        }
        return table;
    }
}
