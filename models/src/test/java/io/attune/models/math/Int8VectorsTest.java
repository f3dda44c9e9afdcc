package io.attune.models.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Int8VectorsTest {

    private final Random random = new Random(3);

    @Test
    void codedUnitVectorsMoveDotProductsByAFewTenThousandths() {
        float worst = 0f;
        double total = 0;
        for (int trial = 0; trial < 500; trial++) {
            float[] item = unit(384);
            float[] query = unit(384);
            byte[] codes = new byte[384 + 7];
            float scale = Int8Vectors.encode(item, 0, 384, codes, 7);
            float exact = SliceDot.dot(query, 0, item, 0, 384);
            float error = Math.abs(Int8Vectors.dot(query, 0, codes, 7, scale, 384) - exact);
            worst = Math.max(worst, error);
            total += error;
        }
        assertThat(total / 500).isLessThan(5e-4);
        assertThat(worst).isLessThan(2e-3f).isGreaterThan(0f);
    }

    @Test
    void theLargestValueUsesTheFullByteRange() {
        byte[] codes = new byte[3];
        float scale = Int8Vectors.encode(new float[] {0.5f, -1f, 0.25f}, 0, 3, codes, 0);
        assertThat(codes).containsExactly(64, -127, 32);
        assertThat(scale).isCloseTo(1f / 127, within(1e-7f));
        assertThat(Int8Vectors.decode(codes, scale)).containsExactly(new float[] {0.5f, -1f, 0.25f}, within(0.004f));
    }

    @Test
    void aZeroOrBrokenVectorCodesToZero() {
        byte[] codes = {9, 9, 9};
        assertThat(Int8Vectors.encode(new float[3], 0, 3, codes, 0)).isZero();
        assertThat(codes).containsOnly(0);
        codes[0] = 9;
        assertThat(Int8Vectors.encode(new float[] {Float.NaN, 1f, 0f}, 0, 3, codes, 0)).isZero();
        assertThat(codes).containsOnly(0);
    }

    private float[] unit(int dimension) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalized(v);
    }
}
