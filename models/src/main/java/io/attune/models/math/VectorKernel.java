package io.attune.models.math;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/** The SIMD dot product; loaded only when the incubator module is present (see {@link SliceDot}). */
final class VectorKernel implements SliceDot.Kernel {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** As many bytes as {@link #SPECIES} has floats, so one byte load widens into one float vector. */
    /** As many ints as {@link #SPECIES} has floats, so a float comparison's mask selects ints lane for lane. */
    private static final VectorSpecies<Integer> INTS =
            VectorSpecies.of(int.class, VectorShape.forBitSize(SPECIES.length() * Integer.SIZE));
    private static final VectorSpecies<Byte> BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(SPECIES.length() * Byte.SIZE));

    // The loops run to a precomputed bound (i < upper) rather than testing i + lanes <= length: in that
    // shape C2 hoists the range checks out of the loop, which roughly halved the time per vector here.

    @Override
    public float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        FloatVector sum0 = FloatVector.zero(SPECIES);
        FloatVector sum1 = FloatVector.zero(SPECIES);
        int lanes = SPECIES.length();
        int upper = length - length % (2 * lanes);
        int i = 0;
        for (; i < upper; i += 2 * lanes) {
            sum0 = FloatVector.fromArray(SPECIES, a, aOffset + i)
                    .fma(FloatVector.fromArray(SPECIES, b, bOffset + i), sum0);
            sum1 = FloatVector.fromArray(SPECIES, a, aOffset + i + lanes)
                    .fma(FloatVector.fromArray(SPECIES, b, bOffset + i + lanes), sum1);
        }
        float sum = sum0.add(sum1).reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            sum += a[aOffset + i] * b[bOffset + i];
        }
        return sum;
    }

    @Override
    public float dot(float[] a, int aOffset, byte[] codes, int codesOffset, int length) {
        FloatVector sum0 = FloatVector.zero(SPECIES);
        FloatVector sum1 = FloatVector.zero(SPECIES);
        int lanes = SPECIES.length();
        int upper = length - length % (2 * lanes);
        int i = 0;
        for (; i < upper; i += 2 * lanes) {
            sum0 = FloatVector.fromArray(SPECIES, a, aOffset + i).fma(widened(codes, codesOffset + i), sum0);
            sum1 = FloatVector.fromArray(SPECIES, a, aOffset + i + lanes)
                    .fma(widened(codes, codesOffset + i + lanes), sum1);
        }
        float sum = sum0.add(sum1).reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            sum += a[aOffset + i] * codes[codesOffset + i];
        }
        return sum;
    }

    /**
     * Four vectors per pass: each slice of the query is loaded once for four codes, and the four sums are
     * independent chains, so the FMA latency is hidden.
     */
    @Override
    public void dots(float[] query, int queryOffset, byte[] codes, int codesOffset, int count, int length,
            float[] out, int outOffset) {
        int lanes = SPECIES.length();
        int upper = length - length % lanes;
        int v = 0;
        for (; v + 4 <= count; v += 4) {
            int first = codesOffset + v * length;
            FloatVector sum0 = FloatVector.zero(SPECIES);
            FloatVector sum1 = FloatVector.zero(SPECIES);
            FloatVector sum2 = FloatVector.zero(SPECIES);
            FloatVector sum3 = FloatVector.zero(SPECIES);
            int i = 0;
            for (; i < upper; i += lanes) {
                FloatVector q = FloatVector.fromArray(SPECIES, query, queryOffset + i);
                sum0 = q.fma(widened(codes, first + i), sum0);
                sum1 = q.fma(widened(codes, first + length + i), sum1);
                sum2 = q.fma(widened(codes, first + 2 * length + i), sum2);
                sum3 = q.fma(widened(codes, first + 3 * length + i), sum3);
            }
            float dot0 = sum0.reduceLanes(VectorOperators.ADD);
            float dot1 = sum1.reduceLanes(VectorOperators.ADD);
            float dot2 = sum2.reduceLanes(VectorOperators.ADD);
            float dot3 = sum3.reduceLanes(VectorOperators.ADD);
            for (; i < length; i++) {
                float q = query[queryOffset + i];
                dot0 += q * codes[first + i];
                dot1 += q * codes[first + length + i];
                dot2 += q * codes[first + 2 * length + i];
                dot3 += q * codes[first + 3 * length + i];
            }
            out[outOffset + v] = dot0;
            out[outOffset + v + 1] = dot1;
            out[outOffset + v + 2] = dot2;
            out[outOffset + v + 3] = dot3;
        }
        for (; v < count; v++) {
            out[outOffset + v] = oneChainDot(query, queryOffset, codes, codesOffset + v * length, length);
        }
    }

    /** As the int8 {@link #dots(float[], int, byte[], int, int, int, float[], int)}, each code an array of its own. */
    @Override
    public void dots(float[] query, int queryOffset, byte[][] codes, int[] members, int count, int length,
            float[] out, int outOffset) {
        int lanes = SPECIES.length();
        int upper = length - length % lanes;
        int m = 0;
        for (; m + 4 <= count; m += 4) {
            byte[] code0 = codes[members[m]];
            byte[] code1 = codes[members[m + 1]];
            byte[] code2 = codes[members[m + 2]];
            byte[] code3 = codes[members[m + 3]];
            FloatVector sum0 = FloatVector.zero(SPECIES);
            FloatVector sum1 = FloatVector.zero(SPECIES);
            FloatVector sum2 = FloatVector.zero(SPECIES);
            FloatVector sum3 = FloatVector.zero(SPECIES);
            int i = 0;
            for (; i < upper; i += lanes) {
                FloatVector q = FloatVector.fromArray(SPECIES, query, queryOffset + i);
                sum0 = q.fma(widened(code0, i), sum0);
                sum1 = q.fma(widened(code1, i), sum1);
                sum2 = q.fma(widened(code2, i), sum2);
                sum3 = q.fma(widened(code3, i), sum3);
            }
            float dot0 = sum0.reduceLanes(VectorOperators.ADD);
            float dot1 = sum1.reduceLanes(VectorOperators.ADD);
            float dot2 = sum2.reduceLanes(VectorOperators.ADD);
            float dot3 = sum3.reduceLanes(VectorOperators.ADD);
            for (; i < length; i++) {
                float q = query[queryOffset + i];
                dot0 += q * code0[i];
                dot1 += q * code1[i];
                dot2 += q * code2[i];
                dot3 += q * code3[i];
            }
            out[outOffset + m] = dot0;
            out[outOffset + m + 1] = dot1;
            out[outOffset + m + 2] = dot2;
            out[outOffset + m + 3] = dot3;
        }
        for (; m < count; m++) {
            out[outOffset + m] = oneChainDot(query, queryOffset, codes[members[m]], 0, length);
        }
    }

    /** As the int8 {@link #dots(float[], int, byte[], int, int, int, float[], int)}, over float vectors. */
    @Override
    public void dots(float[] query, int queryOffset, float[] vectors, int vectorsOffset, int count, int length,
            float[] out, int outOffset) {
        int lanes = SPECIES.length();
        int upper = length - length % lanes;
        int v = 0;
        for (; v + 4 <= count; v += 4) {
            int first = vectorsOffset + v * length;
            FloatVector sum0 = FloatVector.zero(SPECIES);
            FloatVector sum1 = FloatVector.zero(SPECIES);
            FloatVector sum2 = FloatVector.zero(SPECIES);
            FloatVector sum3 = FloatVector.zero(SPECIES);
            int i = 0;
            for (; i < upper; i += lanes) {
                FloatVector q = FloatVector.fromArray(SPECIES, query, queryOffset + i);
                sum0 = q.fma(FloatVector.fromArray(SPECIES, vectors, first + i), sum0);
                sum1 = q.fma(FloatVector.fromArray(SPECIES, vectors, first + length + i), sum1);
                sum2 = q.fma(FloatVector.fromArray(SPECIES, vectors, first + 2 * length + i), sum2);
                sum3 = q.fma(FloatVector.fromArray(SPECIES, vectors, first + 3 * length + i), sum3);
            }
            float dot0 = sum0.reduceLanes(VectorOperators.ADD);
            float dot1 = sum1.reduceLanes(VectorOperators.ADD);
            float dot2 = sum2.reduceLanes(VectorOperators.ADD);
            float dot3 = sum3.reduceLanes(VectorOperators.ADD);
            for (; i < length; i++) {
                float q = query[queryOffset + i];
                dot0 += q * vectors[first + i];
                dot1 += q * vectors[first + length + i];
                dot2 += q * vectors[first + 2 * length + i];
                dot3 += q * vectors[first + 3 * length + i];
            }
            out[outOffset + v] = dot0;
            out[outOffset + v + 1] = dot1;
            out[outOffset + v + 2] = dot2;
            out[outOffset + v + 3] = dot3;
        }
        for (; v < count; v++) {
            out[outOffset + v] = oneChainDot(query, queryOffset, vectors, vectorsOffset + v * length, length);
        }
    }

    /**
     * Four queries per pass: each slice of the code is loaded and widened once for four queries (the
     * queries are few and stay in cache; the code is usually a cache miss).
     */
    @Override
    public void queryDots(float[] queries, int queriesOffset, int count, byte[] codes, int codesOffset, int length,
            float[] out, int outOffset) {
        int lanes = SPECIES.length();
        int upper = length - length % lanes;
        int c = 0;
        for (; c + 4 <= count; c += 4) {
            int first = queriesOffset + c * length;
            FloatVector sum0 = FloatVector.zero(SPECIES);
            FloatVector sum1 = FloatVector.zero(SPECIES);
            FloatVector sum2 = FloatVector.zero(SPECIES);
            FloatVector sum3 = FloatVector.zero(SPECIES);
            int i = 0;
            for (; i < upper; i += lanes) {
                FloatVector code = widened(codes, codesOffset + i);
                sum0 = FloatVector.fromArray(SPECIES, queries, first + i).fma(code, sum0);
                sum1 = FloatVector.fromArray(SPECIES, queries, first + length + i).fma(code, sum1);
                sum2 = FloatVector.fromArray(SPECIES, queries, first + 2 * length + i).fma(code, sum2);
                sum3 = FloatVector.fromArray(SPECIES, queries, first + 3 * length + i).fma(code, sum3);
            }
            float dot0 = sum0.reduceLanes(VectorOperators.ADD);
            float dot1 = sum1.reduceLanes(VectorOperators.ADD);
            float dot2 = sum2.reduceLanes(VectorOperators.ADD);
            float dot3 = sum3.reduceLanes(VectorOperators.ADD);
            for (; i < length; i++) {
                float code = codes[codesOffset + i];
                dot0 += queries[first + i] * code;
                dot1 += queries[first + length + i] * code;
                dot2 += queries[first + 2 * length + i] * code;
                dot3 += queries[first + 3 * length + i] * code;
            }
            out[outOffset + c] = dot0;
            out[outOffset + c + 1] = dot1;
            out[outOffset + c + 2] = dot2;
            out[outOffset + c + 3] = dot3;
        }
        for (; c < count; c++) {
            out[outOffset + c] = oneChainDot(queries, queriesOffset + c * length, codes, codesOffset, length);
        }
    }

    /**
     * As the int8 {@code queryDots}: each slice of the vector is loaded once for four queries. Written out like it
     * rather than shared through a load function, so that the inner loop holds no call the compiler must inline
     * before it can keep the sums in vector registers.
     */
    @Override
    public void queryDots(float[] queries, int queriesOffset, int count, float[] vector, int vectorOffset, int length,
            float[] out, int outOffset) {
        int lanes = SPECIES.length();
        int upper = length - length % lanes;
        int c = 0;
        for (; c + 4 <= count; c += 4) {
            int first = queriesOffset + c * length;
            FloatVector sum0 = FloatVector.zero(SPECIES);
            FloatVector sum1 = FloatVector.zero(SPECIES);
            FloatVector sum2 = FloatVector.zero(SPECIES);
            FloatVector sum3 = FloatVector.zero(SPECIES);
            int i = 0;
            for (; i < upper; i += lanes) {
                FloatVector v = FloatVector.fromArray(SPECIES, vector, vectorOffset + i);
                sum0 = FloatVector.fromArray(SPECIES, queries, first + i).fma(v, sum0);
                sum1 = FloatVector.fromArray(SPECIES, queries, first + length + i).fma(v, sum1);
                sum2 = FloatVector.fromArray(SPECIES, queries, first + 2 * length + i).fma(v, sum2);
                sum3 = FloatVector.fromArray(SPECIES, queries, first + 3 * length + i).fma(v, sum3);
            }
            float dot0 = sum0.reduceLanes(VectorOperators.ADD);
            float dot1 = sum1.reduceLanes(VectorOperators.ADD);
            float dot2 = sum2.reduceLanes(VectorOperators.ADD);
            float dot3 = sum3.reduceLanes(VectorOperators.ADD);
            for (; i < length; i++) {
                float x = vector[vectorOffset + i];
                dot0 += queries[first + i] * x;
                dot1 += queries[first + length + i] * x;
                dot2 += queries[first + 2 * length + i] * x;
                dot3 += queries[first + 3 * length + i] * x;
            }
            out[outOffset + c] = dot0;
            out[outOffset + c + 1] = dot1;
            out[outOffset + c + 2] = dot2;
            out[outOffset + c + 3] = dot3;
        }
        for (; c < count; c++) {
            out[outOffset + c] = oneChainDot(queries, queriesOffset + c * length, vector, vectorOffset, length);
        }
    }

    /*
     * The last few vectors of a batch, summed exactly as the batch's groups of four sum each of theirs (one
     * accumulator, then the scalar tail): a pair's dot product must not depend on where in a batch it fell, or a
     * ranking that reuses dot products computed in another batch (InterestDots) would differ in the last bits
     * from one that computes them all at once.
     */

    private static float oneChainDot(float[] a, int aOffset, byte[] codes, int codesOffset, int length) {
        int lanes = SPECIES.length();
        int upper = length - length % lanes;
        FloatVector sum = FloatVector.zero(SPECIES);
        int i = 0;
        for (; i < upper; i += lanes) {
            sum = FloatVector.fromArray(SPECIES, a, aOffset + i).fma(widened(codes, codesOffset + i), sum);
        }
        float dot = sum.reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            dot += a[aOffset + i] * codes[codesOffset + i];
        }
        return dot;
    }

    private static float oneChainDot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        int lanes = SPECIES.length();
        int upper = length - length % lanes;
        FloatVector sum = FloatVector.zero(SPECIES);
        int i = 0;
        for (; i < upper; i += lanes) {
            sum = FloatVector.fromArray(SPECIES, a, aOffset + i).fma(FloatVector.fromArray(SPECIES, b, bOffset + i), sum);
        }
        float dot = sum.reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            dot += a[aOffset + i] * b[bOffset + i];
        }
        return dot;
    }

    /** As the scalar loop, lane for lane: the same products in the same order, and a lane taken only if greater. */
    @Override
    public void keepBest(float share, float[] dots, float[] scales, int size, float[] best, int[] bestInterest,
            int interest) {
        int lanes = SPECIES.length();
        int upper = size - size % lanes;
        FloatVector shares = FloatVector.broadcast(SPECIES, share);
        IntVector interests = IntVector.broadcast(INTS, interest);
        int slot = 0;
        for (; slot < upper; slot += lanes) {
            FloatVector score = shares.mul(FloatVector.fromArray(SPECIES, dots, slot))
                    .mul(FloatVector.fromArray(SPECIES, scales, slot));
            FloatVector kept = FloatVector.fromArray(SPECIES, best, slot);
            VectorMask<Float> better = score.compare(VectorOperators.GT, kept);
            kept.blend(score, better).intoArray(best, slot);
            IntVector.fromArray(INTS, bestInterest, slot).blend(interests, better.cast(INTS))
                    .intoArray(bestInterest, slot);
        }
        for (; slot < size; slot++) {
            float score = share * dots[slot] * scales[slot];
            if (score > best[slot]) {
                best[slot] = score;
                bestInterest[slot] = interest;
            }
        }
    }

    private static FloatVector widened(byte[] codes, int offset) {
        return (FloatVector) ByteVector.fromArray(BYTES, codes, offset).convertShape(VectorOperators.B2F, SPECIES, 0);
    }
}
