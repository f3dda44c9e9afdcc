package io.attune.jobs.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.models.math.Vectors;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CatalogItemTest {

    @Test
    void keepsTheEmbeddingAsOneBytePerDimensionAndGivesItBackWithinAThousandth() {
        Random random = new Random(40);
        for (int n = 0; n < 100; n++) {
            float[] embedding = unit(random);
            float[] query = unit(random);
            CatalogItem item = CatalogItem.of("i", "APP", "FEED", new String[0], 0L, true, embedding, false);

            assertThat(item.embedding()).isNull();
            assertThat(item.codes()).hasSize(384);
            assertThat(item.hasVector()).isTrue();
            assertThat(Vectors.dot(item.vector(), query))
                    .isCloseTo(Vectors.dot(embedding, query), Offset.offset(1e-3f));
        }
    }

    @Test
    void anItemRestoredWithFloatsKeepsThemAndAWithdrawnOneHasNone() {
        float[] embedding = unit(new Random(1));
        CatalogItem restored = new CatalogItem("i", "APP", "FEED", new String[0], 0L, true, embedding, false, null, 0f);
        assertThat(restored.vector()).isSameAs(embedding);

        CatalogItem withdrawn = CatalogItem.of("i", "APP", "FEED", new String[0], 0L, false, null, false);
        assertThat(withdrawn.hasVector()).isFalse();
        assertThat(withdrawn.vector()).isNull();
    }

    private static float[] unit(Random random) {
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalized(v);
    }
}
