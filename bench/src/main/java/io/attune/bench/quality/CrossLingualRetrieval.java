package io.attune.bench.quality;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.embedding.EmbeddingModel;
import io.attune.models.embedding.TextEmbedder;
import io.attune.models.language.Glossaries;
import io.attune.models.language.Glosser;
import io.attune.models.math.Vectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How well a message in another language finds its English counterpart through the English encoder: the same
 * paragraphs in several languages (JSON lines with {@code lang}, {@code source}, {@code id}, {@code text}, as
 * {@code bench/guard/software-help.py prepare} writes them), each non-English paragraph embedded as written, as its
 * word-by-word English gloss, and as the two blended (what the job gives a profile), then ranked against every
 * English paragraph of the sample by cosine. Prints, per language, the share whose own English paragraph comes
 * first (P@1) and among the first ten (P@10), and the mean cosine to it.
 *
 * <pre>CrossLingualRetrieval PARAGRAPHS.jsonl DICTIONARY_DIR [PER_LANGUAGE]</pre>
 */
public final class CrossLingualRetrieval {

    private CrossLingualRetrieval() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: CrossLingualRetrieval PARAGRAPHS.jsonl DICTIONARY_DIR [PER_LANGUAGE]");
        }
        int perLanguage = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Glossaries glossaries = Glossaries.load(Path.of(args[1]));
        Map<String, String> english = new LinkedHashMap<>();
        Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject row = JsonParser.parseString(line).getAsJsonObject();
            String key = row.get("source").getAsString() + "#" + row.get("id").getAsString();
            String lang = row.get("lang").getAsString();
            if (lang.equals("en")) {
                if (english.size() < perLanguage) {
                    english.put(key, row.get("text").getAsString());
                }
            } else {
                byLanguage.computeIfAbsent(lang, l -> new LinkedHashMap<>()).put(key, row.get("text").getAsString());
            }
        }
        List<String> keys = new ArrayList<>(english.keySet());
        System.out.printf("%d English paragraphs; glossed languages %s%n", keys.size(), glossaries.languages());
        System.out.println("| language | paragraphs | words glossed | as written P@1 / P@10 / cos | gloss | blend |");
        System.out.println("|---|---:|---:|---|---|---|");
        try (EmbeddingModel model = EmbeddingModel.load(EmbeddingConfig.defaults());
                TextEmbedder embedder = model.newEmbedder()) {
            List<float[]> targets = embed(embedder, keys.stream().map(english::get).toList());
            for (Map.Entry<String, Map<String, String>> language : byLanguage.entrySet()) {
                Optional<Glosser> glosser = glossaries.forLocale(language.getKey());
                List<String> texts = new ArrayList<>();
                for (String key : keys) {
                    texts.add(language.getValue().getOrDefault(key, ""));
                }
                List<float[]> written = embed(embedder, texts);
                long words = 0;
                long glossed = 0;
                List<String> glosses = new ArrayList<>();
                for (String text : texts) {
                    Glosser.Gloss gloss = glosser.map(g -> g.gloss(text)).orElse(new Glosser.Gloss(text, 0, 0));
                    words += gloss.words();
                    glossed += gloss.translated();
                    glosses.add(gloss.text());
                }
                List<float[]> glossedVectors = embed(embedder, glosses);
                List<float[]> blended = new ArrayList<>();
                for (int i = 0; i < written.size(); i++) {
                    blended.add(Glosser.blend(written.get(i), glossedVectors.get(i)));
                }
                System.out.printf("| %s | %d | %.1f%% | %s | %s | %s |%n", language.getKey(), keys.size(),
                        100.0 * glossed / Math.max(1, words), score(written, targets), score(glossedVectors, targets),
                        score(blended, targets));
            }
        }
    }

    private static List<float[]> embed(TextEmbedder embedder, List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i += 32) {
            out.addAll(embedder.embedAll(texts.subList(i, Math.min(texts.size(), i + 32))));
        }
        return out;
    }

    private static String score(List<float[]> queries, List<float[]> targets) {
        int first = 0;
        int tenth = 0;
        double cosine = 0;
        for (int q = 0; q < queries.size(); q++) {
            float[] query = queries.get(q);
            double own = Vectors.dot(query, targets.get(q));
            cosine += own;
            int above = 0;
            for (int t = 0; t < targets.size(); t++) {
                if (t != q && Vectors.dot(query, targets.get(t)) > own) {
                    above++;
                }
            }
            first += above == 0 ? 1 : 0;
            tenth += above < 10 ? 1 : 0;
        }
        int n = queries.size();
        return String.format("%.3f / %.3f / %.3f", (double) first / n, (double) tenth / n, cosine / n);
    }
}
