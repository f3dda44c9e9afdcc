package io.attune.models.math;

import java.util.Arrays;

/**
 * Vectors coded as one signed byte per dimension with one float scale per vector (symmetric, per-vector
 * max-abs scaling), a quarter of the memory of floats. For unit vectors of a few hundred dimensions the
 * rounding moves a dot product by a few 10⁻⁴ (at worst about 10⁻³), enough to swap items that tie at the edge
 * of a top-20 but far below the gaps that decide most of a ranking.
 */
public final class Int8Vectors {

    private Int8Vectors() {}

    /**
     * Codes {@code vector[offset..offset+length)} into {@code codes[codesOffset..)}.
     *
     * @return the scale: {@code codes[i] * scale} approximates the vector's {@code i}-th value
     */
    public static float encode(float[] vector, int offset, int length, byte[] codes, int codesOffset) {
        float max = 0f;
        for (int i = 0; i < length; i++) {
            max = Math.max(max, Math.abs(vector[offset + i]));
        }
        if (max == 0f || !Float.isFinite(max)) {
            Arrays.fill(codes, codesOffset, codesOffset + length, (byte) 0);
            return 0f;
        }
        float inverse = 127f / max;
        for (int i = 0; i < length; i++) {
            codes[codesOffset + i] = (byte) Math.round(vector[offset + i] * inverse);
        }
        return max / 127f;
    }

    /** The floats {@code codes} stand for: {@code codes[i] * scale}, a new array. */
    public static float[] decode(byte[] codes, float scale) {
        float[] out = new float[codes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = codes[i] * scale;
        }
        return out;
    }

    /** {@code query[queryOffset..) · (codes[codesOffset..) × scale)}. */
    public static float dot(float[] query, int queryOffset, byte[] codes, int codesOffset, float scale, int length) {
        return scale * SliceDot.dot(query, queryOffset, codes, codesOffset, length);
    }
}
