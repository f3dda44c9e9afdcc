package io.attune.models.ranking;

/**
 * A table's weights as unsigned 16-bit codes times one unit per table, a power of two: the smallest that codes the
 * table's largest weight. Dividing and multiplying by a power of two is exact in floating point, so a weight that is a
 * multiple of the unit (whole counts, and the pair weights' binary fractions, up to 2¹⁶ times the unit) comes back
 * exactly, and coding a decoded table again gives the same codes. Any other weight is off by at most half a unit, under
 * 2⁻¹⁶ of the largest. Negative weights (nothing guaranteed) code as 0, which readers skip as they skipped them.
 */
public final class WeightCodes {

    private static final int LARGEST_CODE = 0xFFFF;

    private WeightCodes() {}

    /** The unit that codes these weights: a power of two, 1 when none is positive. */
    public static float unitOf(float[] weights) {
        float largest = 0f;
        for (float weight : weights) {
            largest = Math.max(largest, weight);
        }
        if (!(largest > 0f) || Float.isInfinite(largest)) {
            return 1f;
        }
        // largest / 2^(exponent - 15) lies in [2^15, 2^16); rounding may still reach 2^16.
        float unit = Math.scalb(1f, Math.getExponent(largest) - 15);
        return Math.round(largest / unit) > LARGEST_CODE ? unit * 2f : unit;
    }

    public static char[] encode(float[] weights, float unit) {
        char[] codes = new char[weights.length];
        for (int i = 0; i < weights.length; i++) {
            codes[i] = (char) Math.min(LARGEST_CODE, Math.max(0, Math.round(weights[i] / unit)));
        }
        return codes;
    }

    public static float[] decode(char[] codes, float unit) {
        float[] weights = new float[codes.length];
        for (int i = 0; i < codes.length; i++) {
            weights[i] = codes[i] * unit;
        }
        return weights;
    }
}
