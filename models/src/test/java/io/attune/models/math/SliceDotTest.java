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

    @Test
    void bothKernelsScoreARunOfCodedVectorsAsOneDotProductEach() {
        SliceDot.Kernel[] kernels = {new SliceDot.ScalarKernel(), new VectorKernel()};
        // Counts around the four-at-a-time blocking, lengths around the SIMD width.
        for (int length : new int[] {1, 7, 8, 17, 384}) {
            for (int count : new int[] {0, 1, 3, 4, 5, 8, 11}) {
                float[] query = random(length + 3);
                byte[] codes = new byte[2 + count * length];
                random.nextBytes(codes);
                for (SliceDot.Kernel kernel : kernels) {
                    float[] out = new float[count + 6];
                    out[0] = 42f;
                    out[out.length - 1] = 43f;
                    kernel.dots(query, 3, codes, 2, count, length, out, 1);
                    for (int v = 0; v < count; v++) {
                        assertThat(out[1 + v]).as("%s, length %d, vector %d of %d", kernel.getClass().getSimpleName(),
                                length, v, count).isCloseTo(kernel.dot(query, 3, codes, 2 + v * length, length),
                                within(1e-2f));
                    }
                    assertThat(out[0]).as("nothing written before outOffset").isEqualTo(42f);
                    assertThat(out[out.length - 1]).as("nothing written past the run").isEqualTo(43f);
                }
            }
        }
    }

    @Test
    void bothKernelsScoreListMembersEachCodedInAnArrayOfItsOwn() {
        SliceDot.Kernel[] kernels = {new SliceDot.ScalarKernel(), new VectorKernel()};
        for (int length : new int[] {1, 7, 8, 17, 384}) {
            byte[][] codes = new byte[12][length];
            for (byte[] code : codes) {
                random.nextBytes(code);
            }
            for (int count : new int[] {0, 1, 3, 4, 5, 8, 11}) {
                float[] query = random(length + 3);
                // Members in no order, one of them twice.
                int[] members = new int[count + 2];
                for (int m = 0; m < members.length; m++) {
                    members[m] = (m * 7 + 3) % codes.length;
                }
                for (SliceDot.Kernel kernel : kernels) {
                    float[] out = new float[count + 6];
                    out[0] = 42f;
                    out[count + 1] = 43f;
                    kernel.dots(query, 3, codes, members, count, length, out, 1);
                    for (int m = 0; m < count; m++) {
                        assertThat(out[1 + m]).as("%s, length %d, member %d of %d", kernel.getClass().getSimpleName(),
                                length, m, count).isCloseTo(kernel.dot(query, 3, codes[members[m]], 0, length),
                                within(1e-2f));
                    }
                    assertThat(out[0]).as("nothing written before outOffset").isEqualTo(42f);
                    assertThat(out[count + 1]).as("nothing written past the members asked for").isEqualTo(43f);
                }
            }
        }
    }

    @Test
    void bothKernelsScoreARunOfFloatVectorsAsOneDotProductEach() {
        SliceDot.Kernel[] kernels = {new SliceDot.ScalarKernel(), new VectorKernel()};
        for (int length : new int[] {1, 7, 8, 17, 384}) {
            for (int count : new int[] {0, 1, 3, 4, 5, 8, 11}) {
                float[] query = random(length + 3);
                float[] vectors = random(2 + count * length);
                for (SliceDot.Kernel kernel : kernels) {
                    float[] out = new float[count + 6];
                    out[0] = 42f;
                    out[out.length - 1] = 43f;
                    kernel.dots(query, 3, vectors, 2, count, length, out, 1);
                    for (int v = 0; v < count; v++) {
                        assertThat(out[1 + v]).as("%s, length %d, vector %d of %d", kernel.getClass().getSimpleName(),
                                length, v, count).isCloseTo(plain(query, 3, vectors, 2 + v * length, length),
                                within(1e-4f));
                    }
                    assertThat(out[0]).as("nothing written before outOffset").isEqualTo(42f);
                    assertThat(out[out.length - 1]).as("nothing written past the run").isEqualTo(43f);
                }
            }
        }
    }

    @Test
    void bothKernelsScoreOneVectorAgainstARunOfQueries() {
        SliceDot.Kernel[] kernels = {new SliceDot.ScalarKernel(), new VectorKernel()};
        for (int length : new int[] {1, 7, 8, 17, 384}) {
            for (int count : new int[] {0, 1, 3, 4, 5, 8, 11}) {
                float[] queries = random(3 + count * length);
                byte[] codes = new byte[length + 2];
                random.nextBytes(codes);
                float[] widened = new float[codes.length];
                for (int i = 0; i < codes.length; i++) {
                    widened[i] = codes[i];
                }
                for (SliceDot.Kernel kernel : kernels) {
                    // The int8 codes, then the same values as a float vector: both overloads, one expectation.
                    for (boolean asFloats : new boolean[] {false, true}) {
                        float[] out = new float[count + 6];
                        out[0] = 42f;
                        out[out.length - 1] = 43f;
                        if (asFloats) {
                            kernel.queryDots(queries, 3, count, widened, 2, length, out, 1);
                        } else {
                            kernel.queryDots(queries, 3, count, codes, 2, length, out, 1);
                        }
                        for (int c = 0; c < count; c++) {
                            assertThat(out[1 + c]).as("%s, %s, length %d, query %d of %d",
                                    kernel.getClass().getSimpleName(), asFloats ? "floats" : "int8", length, c, count)
                                    .isCloseTo(plain(queries, 3 + c * length, widened, 2, length), within(1e-2f));
                        }
                        assertThat(out[0]).as("nothing written before outOffset").isEqualTo(42f);
                        assertThat(out[out.length - 1]).as("nothing written past the run").isEqualTo(43f);
                    }
                }
            }
        }
    }

    @Test
    void aPairSumsToTheSameBitsWhereverItFallsInABatch() {
        // Ranking may take an interest's dot products from an earlier batch (InterestDots) and the rest from this
        // one: a pair's sum must not depend on the batch's size or on its place in it.
        SliceDot.Kernel[] kernels = {new SliceDot.ScalarKernel(), new VectorKernel()};
        for (int length : new int[] {7, 17, 100, 384}) {
            int count = 11;
            float[] queries = random(count * length);
            byte[][] codes = new byte[count][length];
            int[] members = new int[count];
            for (int v = 0; v < count; v++) {
                random.nextBytes(codes[v]);
                members[v] = v;
            }
            for (SliceDot.Kernel kernel : kernels) {
                String name = kernel.getClass().getSimpleName() + ", length " + length;
                // [query][code], each way of batching.
                float[][] byQueries = new float[count][count];
                float[][] byCodes = new float[count][count];
                float[] out = new float[count];
                for (int v = 0; v < count; v++) {
                    kernel.queryDots(queries, 0, count, codes[v], 0, length, out, 0);
                    for (int c = 0; c < count; c++) {
                        byQueries[c][v] = out[c];
                    }
                }
                for (int c = 0; c < count; c++) {
                    kernel.dots(queries, c * length, codes, members, count, length, byCodes[c], 0);
                }
                for (int c = 0; c < count; c++) {
                    for (int v = 0; v < count; v++) {
                        kernel.queryDots(queries, c * length, 1, codes[v], 0, length, out, 0);
                        float alone = out[0];
                        // A batch of the last few queries, so the pair falls in the remainder, not a group of four.
                        int from = Math.min(c, count - 3);
                        kernel.queryDots(queries, from * length, count - from, codes[v], 0, length, out, 0);
                        assertThat(Float.floatToIntBits(byQueries[c][v])).as("%s, query %d, code %d", name, c, v)
                                .isEqualTo(Float.floatToIntBits(byCodes[c][v]))
                                .isEqualTo(Float.floatToIntBits(alone))
                                .isEqualTo(Float.floatToIntBits(out[c - from]));
                    }
                }
            }
        }
    }

    @Test
    void bothKernelsKeepEachItemsBestInterestAsTheScalarLoopDoes() {
        SliceDot.Kernel[] kernels = {new SliceDot.ScalarKernel(), new VectorKernel()};
        for (int size : new int[] {0, 1, 15, 16, 17, 100, 1_000}) {
            int interests = 5;
            float[][] dots = new float[interests][];
            for (int c = 0; c < interests; c++) {
                dots[c] = random(size);
            }
            float[] scales = random(size);
            for (int slot = 0; slot < size; slot++) {
                // Ties and signed zeros: a later interest must take an item only with a strictly greater score.
                if (slot % 7 == 0) {
                    dots[3][slot] = dots[1][slot];
                }
                if (slot % 11 == 0) {
                    dots[2][slot] = -0f;
                    dots[4][slot] = 0f;
                }
            }
            float[] shares = {0.5f, 1f, 0f, 1f, 0f};
            float[] expectedBest = new float[size];
            int[] expectedInterest = new int[size];
            java.util.Arrays.fill(expectedBest, Float.NEGATIVE_INFINITY);
            for (int c = 0; c < interests; c++) {
                for (int slot = 0; slot < size; slot++) {
                    float score = shares[c] * dots[c][slot] * scales[slot];
                    if (score > expectedBest[slot]) {
                        expectedBest[slot] = score;
                        expectedInterest[slot] = c;
                    }
                }
            }
            for (SliceDot.Kernel kernel : kernels) {
                float[] best = new float[size + 3];
                int[] bestInterest = new int[size + 3];
                java.util.Arrays.fill(best, Float.NEGATIVE_INFINITY);
                best[size] = 42f;
                for (int c = 0; c < interests; c++) {
                    kernel.keepBest(shares[c], dots[c], scales, size, best, bestInterest, c);
                }
                String name = kernel.getClass().getSimpleName() + ", size " + size;
                for (int slot = 0; slot < size; slot++) {
                    assertThat(Float.floatToIntBits(best[slot])).as("%s, slot %d", name, slot)
                            .isEqualTo(Float.floatToIntBits(expectedBest[slot]));
                    assertThat(bestInterest[slot]).as("%s, slot %d", name, slot).isEqualTo(expectedInterest[slot]);
                }
                assertThat(best[size]).as("nothing written past size").isEqualTo(42f);
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
