package io.attune.models.math;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/** The SIMD dot product; loaded only when the incubator module is present (see {@link SliceDot}). */
final class VectorKernel implements SliceDot.Kernel {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** As many bytes as {@link #SPECIES} has floats, so one byte load widens into one float vector. */
    private static final VectorSpecies<Byte> BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(SPECIES.length() * Byte.SIZE));

    @Override
    public float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        FloatVector sum0 = FloatVector.zero(SPECIES);
        FloatVector sum1 = FloatVector.zero(SPECIES);
        int lanes = SPECIES.length();
        int i = 0;
        for (; i + 2 * lanes <= length; i += 2 * lanes) {
            sum0 = FloatVector.fromArray(SPECIES, a, aOffset + i)
                    .fma(FloatVector.fromArray(SPECIES, b, bOffset + i), sum0);
            sum1 = FloatVector.fromArray(SPECIES, a, aOffset + i + lanes)
                    .fma(FloatVector.fromArray(SPECIES, b, bOffset + i + lanes), sum1);
        }
        for (; i + lanes <= length; i += lanes) {
            sum0 = FloatVector.fromArray(SPECIES, a, aOffset + i)
                    .fma(FloatVector.fromArray(SPECIES, b, bOffset + i), sum0);
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
        int i = 0;
        for (; i + 2 * lanes <= length; i += 2 * lanes) {
            sum0 = FloatVector.fromArray(SPECIES, a, aOffset + i).fma(widened(codes, codesOffset + i), sum0);
            sum1 = FloatVector.fromArray(SPECIES, a, aOffset + i + lanes)
                    .fma(widened(codes, codesOffset + i + lanes), sum1);
        }
        for (; i + lanes <= length; i += lanes) {
            sum0 = FloatVector.fromArray(SPECIES, a, aOffset + i).fma(widened(codes, codesOffset + i), sum0);
        }
        float sum = sum0.add(sum1).reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            sum += a[aOffset + i] * codes[codesOffset + i];
        }
        return sum;
    }

    private static FloatVector widened(byte[] codes, int offset) {
        return (FloatVector) ByteVector.fromArray(BYTES, codes, offset).convertShape(VectorOperators.B2F, SPECIES, 0);
    }
}
