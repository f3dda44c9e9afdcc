package io.attune.models.profile;

import java.util.SplittableRandom;

/**
 * One interest of a person, stored compactly: the direction of the decayed sum of the signals behind it,
 * quantized to 4 bits per dimension, and the length of that sum (its weight: how much and
 * how recently the person signalled it). A 384-dimension centroid takes 192 bytes of codes.
 *
 * <p>Quantization rounds stochastically, seeded by the caller: a small signal added to a large centroid
 * still moves it in expectation instead of being rounded away every time, and the same inputs always give
 * the same codes (so replaying the same events rebuilds the same profile).
 *
 * @param norm length of the signal sum; the centroid's weight
 * @param codes two signed 4-bit codes per byte, in {@code [-7, 7]}, low nibble first
 */
public record Centroid(float norm, byte[] codes) {

    static final int LEVELS = 7;
    private static final float STEP_PER_RMS = 0.34f;

    /** Encodes a signal sum. */
    public static Centroid encode(float[] sum, long seed) {
        double squares = 0;
        float max = 0f;
        for (float v : sum) {
            squares += v * v;
            max = Math.max(max, Math.abs(v));
        }
        float norm = (float) Math.sqrt(squares);
        byte[] codes = new byte[(sum.length + 1) / 2];
        if (max == 0f) {
            return new Centroid(0f, codes);
        }
        // A step of about a third of the typical coordinate (the mean-squared-error optimum for 15 levels
        // over Gaussian-like coordinates); the rare larger coordinate saturates, which costs less than
        // coarser steps everywhere.
        float scale = Math.min(max / LEVELS, STEP_PER_RMS * norm / (float) Math.sqrt(sum.length));
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < sum.length; i++) {
            double level = sum[i] / scale;
            double floor = Math.floor(level);
            int code = (int) floor + (random.nextDouble() < level - floor ? 1 : 0);
            code = Math.max(-LEVELS, Math.min(LEVELS, code));
            int nibble = code & 0x0F;
            codes[i / 2] |= (byte) (i % 2 == 0 ? nibble : nibble << 4);
        }
        return new Centroid(norm, codes);
    }

    /** The unit-length direction (the quantization scale cancels out, so it is not stored). */
    public float[] direction(int dimension) {
        float[] out = new float[dimension];
        double squares = 0;
        for (int i = 0; i < dimension; i++) {
            int nibble = (i % 2 == 0 ? codes[i / 2] : codes[i / 2] >> 4) & 0x0F;
            int code = nibble >= 8 ? nibble - 16 : nibble;
            out[i] = code;
            squares += out[i] * out[i];
        }
        if (squares > 0) {
            float inverse = (float) (1.0 / Math.sqrt(squares));
            for (int i = 0; i < dimension; i++) {
                out[i] *= inverse;
            }
        }
        return out;
    }

    /** The signal sum: direction times norm. */
    public float[] sum(int dimension) {
        float[] out = direction(dimension);
        for (int i = 0; i < out.length; i++) {
            out[i] *= norm;
        }
        return out;
    }

    /** The same interest, faded (or grown) by {@code factor}. */
    public Centroid scaled(float factor) {
        return new Centroid(norm * factor, codes);
    }
}
