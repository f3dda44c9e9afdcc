package io.attune.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.jobs.events.CatalogEntry;
import io.attune.models.embedding.BatchingConfig;
import io.attune.models.embedding.BatchingEmbedder;
import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.embedding.EmbeddingModel;
import io.attune.models.embedding.SharedEmbeddingModel;
import io.attune.models.embedding.TextEmbedder;
import io.attune.models.guard.GuardDecision;
import io.attune.models.guard.SensitiveTopicGuard;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * {@code bin/attune classify}: JSON lines with a {@code text} field in, the same lines out with the guard's
 * {@code categories}, {@code scores} and {@code sensitive} added. A line without usable text gets an
 * {@code error} and {@code sensitive: true} (fail closed). Progress goes to stderr. With {@code --catalog}
 * each line is a {@code content-catalog} entry, judged as the job judges it: its text with its {@code tags},
 * under the guard's catalog rules.
 */
final class ClassifyCommand {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int CHUNK = 2_048;

    private ClassifyCommand() {}

    static int run(String[] args) throws Exception {
        Path input = null;
        Path output = null;
        boolean catalog = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> input = Path.of(args[++i]);
                case "--output" -> output = Path.of(args[++i]);
                case "--catalog" -> catalog = true;
                default -> {
                    System.err.println("unknown option '" + args[i] + "' for classify");
                    return 2;
                }
            }
        }
        EmbeddingConfig config = EmbeddingConfig.defaults();
        EmbeddingModel model = SharedEmbeddingModel.acquire(config);
        long start = System.nanoTime();
        long lines = 0;
        long sensitive = 0;
        try (TextEmbedder embedder = model.newEmbedder();
                Reader in = input == null
                        ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                        : Files.newBufferedReader(input, StandardCharsets.UTF_8);
                Writer out = output == null
                        ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                        : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            SensitiveTopicGuard guard = SensitiveTopicGuard.create(embedder);
            BatchingEmbedder batching = model.batching(new BatchingConfig(16, 64, Duration.ofMillis(5), 2, CHUNK * 2));
            BufferedReader reader = new BufferedReader(in);
            List<String> chunk = new ArrayList<>(CHUNK);
            for (String line = reader.readLine(); ; line = reader.readLine()) {
                if (line != null && !line.isBlank()) {
                    chunk.add(line);
                }
                if (chunk.size() == CHUNK || (line == null && !chunk.isEmpty())) {
                    sensitive += classify(chunk, batching, guard, catalog, out);
                    lines += chunk.size();
                    chunk.clear();
                    System.err.printf(Locale.ROOT, "\rclassified %d lines (%.0f lines/s)", lines,
                            lines / ((System.nanoTime() - start) / 1e9));
                }
                if (line == null) {
                    break;
                }
            }
        } finally {
            SharedEmbeddingModel.release(config);
        }
        System.err.printf(Locale.ROOT, "%nclassified %d lines, %d sensitive, in %.1f s%n", lines, sensitive,
                (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private static long classify(List<String> lines, BatchingEmbedder batching, SensitiveTopicGuard guard,
            boolean catalog, Writer out) throws Exception {
        List<ObjectNode> nodes = new ArrayList<>(lines.size());
        List<String> judged = new ArrayList<>(java.util.Collections.nCopies(lines.size(), (String) null));
        List<Integer> usable = new ArrayList<>(lines.size());
        for (String line : lines) {
            ObjectNode node;
            try {
                JsonNode parsed = MAPPER.readTree(line);
                node = parsed instanceof ObjectNode object ? object : null;
            } catch (Exception e) {
                node = null;
            }
            if (node != null && node.path("text").isTextual()) {
                judged.set(nodes.size(), catalog ? catalogText(node) : node.get("text").asText());
                usable.add(nodes.size());
            }
            nodes.add(node);
        }
        // Submitted shortest first: the embedder sorts only within its small window, and a whole chunk in
        // length order wastes far less compute on padding. Output keeps the input order.
        usable.sort(Comparator.comparingInt(i -> judged.get(i).length()));
        List<CompletableFuture<float[]>> embeddings = new ArrayList<>(java.util.Collections.nCopies(lines.size(),
                (CompletableFuture<float[]>) null));
        for (int i : usable) {
            embeddings.set(i, batching.submit(judged.get(i)));
        }
        long sensitive = 0;
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode node = nodes.get(i);
            if (node == null) {
                node = MAPPER.createObjectNode();
                node.put("input", lines.get(i));
                node.put("error", "not a JSON object");
                failClosed(node);
            } else if (embeddings.get(i) == null) {
                node.put("error", "missing string field 'text'");
                failClosed(node);
            } else {
                GuardDecision decision;
                try {
                    decision = catalog
                            ? guard.assessCatalogItem(judged.get(i), embeddings.get(i).join())
                            : guard.assess(judged.get(i), embeddings.get(i).join());
                } catch (RuntimeException e) {
                    decision = GuardDecision.failClosed();
                }
                node.putPOJO("categories", decision.categories());
                ObjectNode scores = node.putObject("scores");
                decision.scores().forEach((category, score) -> scores.put(category, Math.round(score * 1e4) / 1e4));
                node.put("sensitive", decision.sensitive());
            }
            sensitive += node.path("sensitive").asBoolean() ? 1 : 0;
            out.write(MAPPER.writeValueAsString(node));
            out.write('\n');
        }
        out.flush();
        return sensitive;
    }

    private static String catalogText(ObjectNode node) {
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(tag -> tags.add(tag.asText()));
        return CatalogEntry.withTags(node.get("text").asText(), tags.toArray(String[]::new));
    }

    private static void failClosed(ObjectNode node) {
        node.putArray("categories").add("UNCLASSIFIED");
        node.putObject("scores");
        node.put("sensitive", true);
    }
}
