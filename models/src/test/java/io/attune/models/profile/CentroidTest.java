package io.attune.models.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.attune.models.math.Vectors;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CentroidTest {

    private static final int DIMENSION = 384;

    @Test
    void aQuantizedDirectionStaysCloseToTheOriginalAndTheNormIsExact() {
        Random random = new Random(7);
        for (int trial = 0; trial < 100; trial++) {
            float[] sum = gaussian(random);
            Vectors.scale(sum, 3.5f / Vectors.norm(sum));
            Centroid centroid = Centroid.encode(sum, trial);
            assertThat(centroid.codes()).hasSize(DIMENSION / 2);
            assertThat(centroid.norm()).isCloseTo(3.5f, within(1e-4f));
            assertThat(Vectors.cosine(centroid.direction(DIMENSION), sum)).isGreaterThan(0.98f);
            assertThat(Vectors.norm(centroid.direction(DIMENSION))).isCloseTo(1f, within(1e-5f));
            assertThat(Vectors.cosine(centroid.sum(DIMENSION), sum)).isGreaterThan(0.98f);
        }
    }

    @Test
    void theSameInputAndSeedGiveTheSameCodes() {
        float[] sum = gaussian(new Random(1));
        assertThat(Centroid.encode(sum, 42).codes()).isEqualTo(Centroid.encode(sum, 42).codes());
    }

    @Test
    void smallSignalsAddedOneByOneStillTurnALargeCentroid() {
        // With round-to-nearest, a signal worth 1% of the centroid would be rounded away every time.
        Random random = new Random(3);
        float[] start = unit(gaussian(random));
        float[] target = unit(gaussian(random));
        Centroid centroid = Centroid.encode(scaled(start, 100f), 0);
        float[] exact = scaled(start, 100f);
        for (int i = 0; i < 300; i++) {
            float[] sum = centroid.sum(DIMENSION);
            Vectors.addScaled(sum, target, 1f);
            Vectors.addScaled(exact, target, 1f);
            centroid = Centroid.encode(sum, i);
        }
        assertThat(Vectors.cosine(centroid.direction(DIMENSION), exact)).isGreaterThan(0.95f);
        assertThat(Vectors.cosine(centroid.direction(DIMENSION), target))
                .isCloseTo(Vectors.cosine(exact, target), within(0.05f));
    }

    @Test
    void fadingChangesOnlyTheWeight() {
        Centroid centroid = Centroid.encode(gaussian(new Random(5)), 0);
        Centroid faded = centroid.scaled(0.25f);
        assertThat(faded.norm()).isCloseTo(centroid.norm() * 0.25f, within(1e-5f));
        assertThat(faded.codes()).isEqualTo(centroid.codes());
    }

    static float[] gaussian(Random random) {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    static float[] unit(float[] v) {
        return Vectors.normalized(v);
    }

    private static float[] scaled(float[] v, float factor) {
        float[] out = v.clone();
        Vectors.scale(out, factor);
        return out;
    }
}
