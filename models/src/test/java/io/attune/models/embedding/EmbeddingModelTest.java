package io.attune.models.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.models.math.Vectors;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingModelTest {

    private static EmbeddingModel model;
    private static TextEmbedder embedder;

    @BeforeAll
    static void load() {
        model = SharedEmbeddingModel.acquire(EmbeddingConfig.defaults());
        embedder = model.newEmbedder();
    }

    @AfterAll
    static void release() {
        embedder.close();
        SharedEmbeddingModel.release(EmbeddingConfig.defaults());
    }

    @Test
    void loadsOfflineAndReturnsUnitVectorsOf384Dimensions() {
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        float[] vector = embedder.embed("Which trail running shoes are best for muddy hills?");
        assertThat(vector).hasSize(384);
        assertThat(embedder.dimension()).isEqualTo(384);
        assertThat(Vectors.norm(vector)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void closeMeaningsScoreAboveFarOnes() {
        float[] running = embedder.embed("I want to train for my first trail running race");
        float[] marathon = embedder.embed("tips for running a marathon in the mountains");
        float[] jazz = embedder.embed("recommend some smooth jazz albums from the sixties");
        assertThat(Vectors.dot(running, marathon)).isGreaterThan(Vectors.dot(running, jazz) + 0.2f);
    }

    @Test
    void batchMatchesSingleCallsDespitePadding() {
        List<String> texts = List.of("short", "a much longer sentence about cooking pasta with fresh tomatoes", "");
        List<float[]> batch = embedder.embedAll(texts);
        assertThat(batch).hasSize(3);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(Vectors.dot(batch.get(i), embedder.embed(texts.get(i)))).isGreaterThan(0.9999f);
        }
        assertThat(embedder.embedAll(List.of())).isEmpty();
    }

    @Test
    void truncatesVeryLongInputInsteadOfFailing() {
        String longText = "running ".repeat(5_000);
        assertThat(embedder.embed(longText)).hasSize(384);
    }

    @Test
    void sharedModelIsLoadedOncePerConfigurationAndReferenceCounted() {
        EmbeddingConfig config = EmbeddingConfig.defaults();
        int before = SharedEmbeddingModel.references(config);
        EmbeddingModel again = SharedEmbeddingModel.acquire(config);
        assertThat(again).isSameAs(model);
        assertThat(SharedEmbeddingModel.references(config)).isEqualTo(before + 1);
        SharedEmbeddingModel.release(config);
        assertThat(SharedEmbeddingModel.references(config)).isEqualTo(before);
    }

    @Test
    void aModelDirectoryWithoutWeightsIsAClearError(@TempDir Path empty) {
        EmbeddingConfig config = new EmbeddingConfig(empty.toString(), 256, 1, false);
        assertThatThrownBy(() -> EmbeddingModel.load(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model.onnx");
    }
}
