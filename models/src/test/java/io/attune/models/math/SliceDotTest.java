package io.attune.models.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SliceDotTest {

    private final Random random = new Random(2);

    @Test
    void theBuildRunsTheSimdKernel() {
        // Surefire starts the JVM with --add-modules jdk.incubator.vector, as the launcher and images do.
        assertThat(SliceDot.vectorized()).isTrue();
    }

    @Test
    void bothKernelsMatchThePlainDotProductOnAnySliceLength() {
        SliceDot.Kernel[] kernels = {new SliceDot.ScalarKernel(), new VectorKernel()};
        for (int length : new int[] {0, 1, 3, 7, 8, 15, 16, 17, 33, 384, 385}) {
            float[] a = random(length + 5);
            float[] b = random(length + 9);
            float expected = plain(a, 5, b, 9, length);
            for (SliceDot.Kernel kernel : kernels) {
                assertThat(kernel.dot(a, 5, b, 9, length)).as("%s, length %d", kernel.getClass().getSimpleName(), length)
                        .isCloseTo(expected, within(1e-4f));
            }
        }
    }

    @Test
    void bothKernelsMatchThePlainDotProductWithSignedBytes() {
        SliceDot.Kernel[] kernels = {new SliceDot.ScalarKernel(), new VectorKernel()};
        for (int length : new int[] {0, 1, 3, 7, 8, 15, 16, 17, 33, 384, 385}) {
            float[] a = random(length + 5);
            byte[] codes = new byte[length + 9];
            random.nextBytes(codes);
            codes[9 % codes.length] = Byte.MIN_VALUE;
            float[] widened = new float[codes.length];
            for (int i = 0; i < codes.length; i++) {
                widened[i] = codes[i];
            }
            float expected = plain(a, 5, widened, 9, length);
            for (SliceDot.Kernel kernel : kernels) {
                assertThat(kernel.dot(a, 5, codes, 9, length)).as("%s, length %d", kernel.getClass().getSimpleName(), length)
                        .isCloseTo(expected, within(1e-2f));
            }
        }
    }

    private float[] random(int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static float plain(float[] a, int aOffset, float[] b, int bOffset, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (double) a[aOffset + i] * b[bOffset + i];
        }
        return (float) sum;
    }
}
