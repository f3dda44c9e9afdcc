package io.attune.models.math;

/**
 * Dot products over slices of float arrays, the inner loop of ranking and of the catalog index. Uses the
 * JDK's SIMD Vector API when the JVM was started with {@code --add-modules jdk.incubator.vector} (as
 * Attune's launcher, tests, benchmarks and Flink images do), else a scalar loop; both give the same
 * result up to float rounding.
 */
public final class SliceDot {

    private static final Kernel KERNEL = choose();

    private SliceDot() {}

    /** {@code a[aOffset..aOffset+length) · b[bOffset..bOffset+length)}. */
    public static float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        return KERNEL.dot(a, aOffset, b, bOffset, length);
    }

    /**
     * {@code a[aOffset..aOffset+length) · codes[codesOffset..codesOffset+length)}, the bytes read as signed
     * integers: the dot product with an {@link Int8Vectors int8-coded} vector, before its scale.
     */
    public static float dot(float[] a, int aOffset, byte[] codes, int codesOffset, int length) {
        return KERNEL.dot(a, aOffset, codes, codesOffset, length);
    }

    /**
     * {@code out[outOffset + v] = query[queryOffset..) · codes[codesOffset + v·length..)} for the {@code count}
     * int8-coded vectors stored one after another from {@code codesOffset}: a run of a list's members at once,
     * faster than one {@link #dot(float[], int, byte[], int, int)} each.
     */
    public static void dots(float[] query, int queryOffset, byte[] codes, int codesOffset, int count, int length,
            float[] out, int outOffset) {
        KERNEL.dots(query, queryOffset, codes, codesOffset, count, length, out, outOffset);
    }

    /**
     * {@code out[outOffset + m] = query[queryOffset..) · codes[members[m]]} for the first {@code count} members: as
     * {@link #dots(float[], int, byte[], int, int, int, float[], int)}, each vector an array of its own (shared with
     * whoever else holds it).
     */
    public static void dots(float[] query, int queryOffset, byte[][] codes, int[] members, int count, int length,
            float[] out, int outOffset) {
        KERNEL.dots(query, queryOffset, codes, members, count, length, out, outOffset);
    }

    /** As {@link #dots(float[], int, byte[], int, int, int, float[], int)}, over float vectors. */
    public static void dots(float[] query, int queryOffset, float[] vectors, int vectorsOffset, int count, int length,
            float[] out, int outOffset) {
        KERNEL.dots(query, queryOffset, vectors, vectorsOffset, count, length, out, outOffset);
    }

    /**
     * {@code out[outOffset + c] = queries[queriesOffset + c·length..) · codes[codesOffset..)} for {@code count}
     * queries stored one after another: one int8-coded vector scored against several queries at once.
     */
    public static void queryDots(float[] queries, int queriesOffset, int count, byte[] codes, int codesOffset,
            int length, float[] out, int outOffset) {
        KERNEL.queryDots(queries, queriesOffset, count, codes, codesOffset, length, out, outOffset);
    }

    /** As {@link #queryDots(float[], int, int, byte[], int, int, float[], int)}, for one float vector. */
    public static void queryDots(float[] queries, int queriesOffset, int count, float[] vector, int vectorOffset,
            int length, float[] out, int outOffset) {
        KERNEL.queryDots(queries, queriesOffset, count, vector, vectorOffset, length, out, outOffset);
    }

    /**
     * For each slot below {@code size}: {@code score = share * dots[slot] * scales[slot]}, and where it is strictly
     * greater than {@code best[slot]}, {@code best[slot] = score} and {@code bestInterest[slot] = interest}: one
     * interest's turn at every item's best score, computed as the scalar expression would, lane for lane.
     */
    public static void keepBest(float share, float[] dots, float[] scales, int size, float[] best, int[] bestInterest,
            int interest) {
        KERNEL.keepBest(share, dots, scales, size, best, bestInterest, interest);
    }

    /** Whether the SIMD kernel is in use. */
    public static boolean vectorized() {
        return !(KERNEL instanceof ScalarKernel);
    }

    interface Kernel {
        float dot(float[] a, int aOffset, float[] b, int bOffset, int length);

        float dot(float[] a, int aOffset, byte[] codes, int codesOffset, int length);

        void dots(float[] query, int queryOffset, byte[] codes, int codesOffset, int count, int length, float[] out,
                int outOffset);

        void dots(float[] query, int queryOffset, float[] vectors, int vectorsOffset, int count, int length,
                float[] out, int outOffset);

        void dots(float[] query, int queryOffset, byte[][] codes, int[] members, int count, int length, float[] out,
                int outOffset);

        void queryDots(float[] queries, int queriesOffset, int count, byte[] codes, int codesOffset, int length,
                float[] out, int outOffset);

        void queryDots(float[] queries, int queriesOffset, int count, float[] vector, int vectorOffset, int length,
                float[] out, int outOffset);

        void keepBest(float share, float[] dots, float[] scales, int size, float[] best, int[] bestInterest,
                int interest);
    }

    private static Kernel choose() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && !Boolean.getBoolean("attune.scalar-dot")) {
            try {
                return new VectorKernel();
            } catch (LinkageError | RuntimeException unavailable) {
                return new ScalarKernel();
            }
        }
        return new ScalarKernel();
    }

    /** Four independent accumulators, so the loop is not one long dependency chain. */
    static final class ScalarKernel implements Kernel {
        @Override
        public float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            int i = 0;
            for (; i + 3 < length; i += 4) {
                s0 += a[aOffset + i] * b[bOffset + i];
                s1 += a[aOffset + i + 1] * b[bOffset + i + 1];
                s2 += a[aOffset + i + 2] * b[bOffset + i + 2];
                s3 += a[aOffset + i + 3] * b[bOffset + i + 3];
            }
            for (; i < length; i++) {
                s0 += a[aOffset + i] * b[bOffset + i];
            }
            return (s0 + s1) + (s2 + s3);
        }

        @Override
        public float dot(float[] a, int aOffset, byte[] codes, int codesOffset, int length) {
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            int i = 0;
            for (; i + 3 < length; i += 4) {
                s0 += a[aOffset + i] * codes[codesOffset + i];
                s1 += a[aOffset + i + 1] * codes[codesOffset + i + 1];
                s2 += a[aOffset + i + 2] * codes[codesOffset + i + 2];
                s3 += a[aOffset + i + 3] * codes[codesOffset + i + 3];
            }
            for (; i < length; i++) {
                s0 += a[aOffset + i] * codes[codesOffset + i];
            }
            return (s0 + s1) + (s2 + s3);
        }

        @Override
        public void dots(float[] query, int queryOffset, byte[] codes, int codesOffset, int count, int length,
                float[] out, int outOffset) {
            for (int v = 0; v < count; v++) {
                out[outOffset + v] = dot(query, queryOffset, codes, codesOffset + v * length, length);
            }
        }

        @Override
        public void dots(float[] query, int queryOffset, float[] vectors, int vectorsOffset, int count, int length,
                float[] out, int outOffset) {
            for (int v = 0; v < count; v++) {
                out[outOffset + v] = dot(query, queryOffset, vectors, vectorsOffset + v * length, length);
            }
        }

        @Override
        public void dots(float[] query, int queryOffset, byte[][] codes, int[] members, int count, int length,
                float[] out, int outOffset) {
            for (int m = 0; m < count; m++) {
                out[outOffset + m] = dot(query, queryOffset, codes[members[m]], 0, length);
            }
        }

        @Override
        public void queryDots(float[] queries, int queriesOffset, int count, byte[] codes, int codesOffset, int length,
                float[] out, int outOffset) {
            for (int c = 0; c < count; c++) {
                out[outOffset + c] = dot(queries, queriesOffset + c * length, codes, codesOffset, length);
            }
        }

        @Override
        public void queryDots(float[] queries, int queriesOffset, int count, float[] vector, int vectorOffset,
                int length, float[] out, int outOffset) {
            for (int c = 0; c < count; c++) {
                out[outOffset + c] = dot(queries, queriesOffset + c * length, vector, vectorOffset, length);
            }
        }

        @Override
        public void keepBest(float share, float[] dots, float[] scales, int size, float[] best, int[] bestInterest,
                int interest) {
            for (int slot = 0; slot < size; slot++) {
                float score = share * dots[slot] * scales[slot];
                if (score > best[slot]) {
                    best[slot] = score;
                    bestInterest[slot] = interest;
                }
            }
        }
    }
}
