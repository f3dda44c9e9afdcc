package io.attune.models.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.models.guard.SensitiveTopicGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard works only with a model that embeds as the bundled one: the committed references are that model's, the
 * int8 twin and a copy in {@code embedding.model-dir} pass, a model of another space or size is refused.
 */
class EmbeddingSpaceTest {

    @Test
    void theCommittedReferencesAreTheBundledModelsEmbeddingsOfTheProbes() {
        List<EmbeddingSpace.Probe> probes = EmbeddingSpace.probes();
        assertThat(probes).extracting(EmbeddingSpace.Probe::text).isEqualTo(EmbeddingSpace.PROBE_TEXTS);
        try (EmbeddingModel model = EmbeddingModel.load(EmbeddingConfig.defaults());
                TextEmbedder embedder = model.newEmbedder()) {
            // ONNX Runtime's kernels differ between CPUs in the last digits, no more.
            for (float cosine : EmbeddingSpace.cosines(embedder, probes)) {
                assertThat(cosine).isGreaterThan(0.9999f);
            }
        }
    }

    @Test
    void theInt8WeightsAndACopyOfTheBundledModelInAModelDirectoryPass(@TempDir Path dir) throws Exception {
        try (EmbeddingModel model = EmbeddingModel.load(EmbeddingConfig.defaults().withQuantized(true));
                TextEmbedder embedder = model.newEmbedder()) {
            float[] cosines = EmbeddingSpace.cosines(embedder, EmbeddingSpace.probes());
            float lowest = 1f;
            for (float c : cosines) {
                lowest = Math.min(lowest, c);
            }
            System.out.printf("int8 weights: lowest probe cosine %.4f%n", lowest);
            assertThat(lowest).isGreaterThan(EmbeddingSpace.MIN_COSINE);
            assertThatCode(() -> EmbeddingSpace.requireBundledSpace(embedder)).doesNotThrowAnyException();
        }
        ModelWeights bundled = ModelWeights.resolve(EmbeddingConfig.defaults());
        Files.copy(bundled.modelFile(), dir.resolve(ModelWeights.MODEL_FILE));
        Files.copy(bundled.tokenizerFile(), dir.resolve(ModelWeights.TOKENIZER_FILE));
        EmbeddingConfig copied = new EmbeddingConfig(dir.toString(), EmbeddingConfig.DEFAULT_MAX_TOKENS, 1, false);
        try (EmbeddingModel model = EmbeddingModel.load(copied); TextEmbedder embedder = model.newEmbedder()) {
            assertThatCode(() -> SensitiveTopicGuard.create(embedder)).doesNotThrowAnyException();
        }
    }

    @Test
    void aModelOfAnotherSpaceIsRefusedEvenWithTheSameDimensions() {
        try (EmbeddingModel model = EmbeddingModel.load(EmbeddingConfig.defaults());
                TextEmbedder bundled = model.newEmbedder()) {
            // The bundled model's own vectors in another basis: unit length, 384 dimensions, distances between
            // sentences kept, yet meaningless to heads trained on the bundled basis.
            TextEmbedder rotated = new Rotated(bundled, 7);
            assertThatThrownBy(() -> EmbeddingSpace.requireBundledSpace(rotated))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not embed as the bundled all-MiniLM-L6-v2")
                    .hasMessageContaining("embedding.model-dir");
            assertThatThrownBy(() -> SensitiveTopicGuard.create(rotated)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aModelOfAnotherSizeIsRefused() {
        TextEmbedder wider = new TextEmbedder() {
            @Override
            public int dimension() {
                return 768;
            }

            @Override
            public float[] embed(String text) {
                return new float[768];
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return texts.stream().map(this::embed).toList();
            }

            @Override
            public void close() {}
        };
        assertThatThrownBy(() -> EmbeddingSpace.requireBundledSpace(wider))
                .hasMessageContaining("768 dimensions, not the 384");
    }

    /** Another model of the same size: the given embedder's vectors, dimensions shuffled and signs flipped. */
    private record Rotated(TextEmbedder inner, int[] order, float[] signs) implements TextEmbedder {

        Rotated(TextEmbedder inner, long seed) {
            this(inner, shuffled(inner.dimension(), new Random(seed)), signs(inner.dimension(), new Random(seed + 1)));
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public float[] embed(String text) {
            return rotate(inner.embed(text));
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return inner.embedAll(texts).stream().map(this::rotate).toList();
        }

        private float[] rotate(float[] v) {
            float[] out = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = signs[i] * v[order[i]];
            }
            return out;
        }

        @Override
        public void close() {}

        private static int[] shuffled(int n, Random random) {
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                indices.add(i);
            }
            java.util.Collections.shuffle(indices, random);
            return indices.stream().mapToInt(Integer::intValue).toArray();
        }

        private static float[] signs(int n, Random random) {
            float[] signs = new float[n];
            for (int i = 0; i < n; i++) {
                signs[i] = random.nextBoolean() ? 1f : -1f;
            }
            return signs;
        }
    }
}
