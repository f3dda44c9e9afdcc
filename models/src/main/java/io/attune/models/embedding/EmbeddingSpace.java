package io.attune.models.embedding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedding space Attune's learned parts live in. The sensitive-topic guard's heads were trained on the bundled
 * all-MiniLM-L6-v2's embeddings, and the profiles and catalog a job holds in state were built from them. Another model
 * ({@code embedding.model-dir}) is only usable if it embeds the same way (the same model exported or optimised
 * otherwise, say): a model of another space, even one of the same 384 dimensions, would give the guard's heads vectors
 * they cannot read, and sensitive messages would pass unseen. So the guard checks the model it is given: a few probe
 * sentences, in several languages and on several topics, must come out close to the bundled model's embeddings of
 * them, which are kept with the code ({@value #RESOURCE}; {@code bin/attune embedding-probes} writes them again).
 */
public final class EmbeddingSpace {

    static final String RESOURCE = "reference-probes.tsv";

    /**
     * The lowest cosine a probe may have with its reference. The int8 weights bundled beside the fp32 ones stay far
     * above it (EmbeddingSpaceTest prints their lowest); another model's space, even a close cousin's, falls far below.
     */
    public static final float MIN_COSINE = 0.9f;

    /** Sentences embedded by {@link #main}, varied in language, topic and length. */
    static final List<String> PROBE_TEXTS = List.of(
            "Which shoes should I buy for my first trail running race?",
            "Où manger les meilleures pâtes fraîches à Rome ?",
            "Welche Kamera eignet sich für Landschaftsfotografie in den Bergen?",
            "I was diagnosed with diabetes last year and need a meal plan.",
            "¿Quién ganó las elecciones municipales en la capital?",
            "a quiet jazz club late at night",
            "How do I reset the password of my router?",
            "Tickets for the cup final, cheapest seats please");

    private EmbeddingSpace() {}

    /** A probe sentence and the bundled model's embedding of it. */
    record Probe(String text, float[] reference) {}

    /**
     * Fails unless {@code embedder} embeds as the bundled model does.
     *
     * @throws IllegalStateException naming the dimension or the probe furthest from its reference
     */
    public static void requireBundledSpace(TextEmbedder embedder) {
        List<Probe> probes = probes();
        int dimension = probes.get(0).reference().length;
        if (embedder.dimension() != dimension) {
            throw new IllegalStateException("the embedding model gives vectors of " + embedder.dimension()
                    + " dimensions, not the " + dimension + " of the bundled all-MiniLM-L6-v2 that the sensitive-topic"
                    + " guard was trained on and profiles are built in: use the bundled model (leave"
                    + " embedding.model-dir unset)");
        }
        float[] cosines = cosines(embedder, probes);
        int worst = 0;
        for (int i = 1; i < cosines.length; i++) {
            if (cosines[i] < cosines[worst]) {
                worst = i;
            }
        }
        if (cosines[worst] < MIN_COSINE) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT, "the embedding model does not embed"
                    + " as the bundled all-MiniLM-L6-v2 does (\"%s\": cosine %.3f with the bundled model's embedding,"
                    + " at least %.2f needed): the sensitive-topic guard was trained on that model's embeddings and"
                    + " would not see sensitive topics in another model's, and profiles and the catalog in state are"
                    + " in its space; use the bundled model (leave embedding.model-dir unset)",
                    probes.get(worst).text(), cosines[worst], MIN_COSINE));
        }
    }

    /** Each probe's cosine with its reference, as {@code embedder} embeds it. */
    static float[] cosines(TextEmbedder embedder, List<Probe> probes) {
        List<String> texts = probes.stream().map(Probe::text).toList();
        List<float[]> embedded = embedder.embedAll(texts);
        float[] cosines = new float[probes.size()];
        for (int i = 0; i < cosines.length; i++) {
            cosines[i] = cosine(embedded.get(i), probes.get(i).reference());
        }
        return cosines;
    }

    static List<Probe> probes() {
        try (InputStream in = EmbeddingSpace.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " not found beside "
                        + EmbeddingSpace.class.getName());
            }
            List<Probe> probes = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String[] values = line.substring(tab + 1).split(",");
                float[] reference = new float[values.length];
                for (int i = 0; i < values.length; i++) {
                    reference[i] = Float.parseFloat(values[i]);
                }
                probes.add(new Probe(line.substring(0, tab), reference));
            }
            return probes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0f : (float) (dot / Math.sqrt(na * nb));
    }

    /** Writes the probes' references, embedded by the bundled fp32 model, to the file given (the resource's source). */
    public static void main(String[] args) throws IOException {
        Path output = Path.of(args.length > 0 ? args[0]
                : "models/src/main/resources/io/attune/models/embedding/" + RESOURCE);
        EmbeddingConfig config = EmbeddingConfig.defaults();
        EmbeddingModel model = SharedEmbeddingModel.acquire(config);
        try (TextEmbedder embedder = model.newEmbedder()) {
            List<float[]> vectors = embedder.embedAll(PROBE_TEXTS);
            StringBuilder out = new StringBuilder("# Probe sentences and the bundled all-MiniLM-L6-v2's (fp32) embeddings"
                    + " of them, for EmbeddingSpace. Written by: bin/attune embedding-probes\n");
            for (int i = 0; i < PROBE_TEXTS.size(); i++) {
                out.append(PROBE_TEXTS.get(i)).append('\t');
                float[] vector = vectors.get(i);
                for (int d = 0; d < vector.length; d++) {
                    out.append(d == 0 ? "" : ",").append(vector[d]);
                }
                out.append('\n');
            }
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, out, StandardCharsets.UTF_8);
            System.out.println("wrote " + PROBE_TEXTS.size() + " probes to " + output);
        } finally {
            SharedEmbeddingModel.release(config);
        }
    }
}
