package io.attune.models.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.models.math.Vectors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The int8-quantized weights are selectable and stay close to the fp32 model. */
class QuantizedModelTest {

    @Test
    void quantizedWeightsLoadAndAgreeWithFp32() {
        List<String> texts = List.of("trail running shoes for muddy hills", "smooth jazz albums from the sixties",
                "Comment faire une pâte à pizza maison ?");
        EmbeddingConfig fp32 = EmbeddingConfig.defaults();
        EmbeddingConfig int8 = fp32.withQuantized(true);
        try (EmbeddingModel full = EmbeddingModel.load(fp32); EmbeddingModel quantized = EmbeddingModel.load(int8);
                TextEmbedder a = full.newEmbedder(); TextEmbedder b = quantized.newEmbedder()) {
            assertThat(b.dimension()).isEqualTo(384);
            for (String text : texts) {
                float similarity = Vectors.dot(a.embed(text), b.embed(text));
                assertThat(similarity).as(text).isGreaterThan(0.95f).isLessThan(0.99999f);
            }
            float[] running = b.embed("I want to train for my first trail running race");
            assertThat(Vectors.dot(running, b.embed(texts.get(0))))
                    .isGreaterThan(Vectors.dot(running, b.embed(texts.get(1))) + 0.2f);
        }
    }
}
