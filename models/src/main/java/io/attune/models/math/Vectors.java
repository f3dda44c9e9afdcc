package io.attune.models.math;

/** Dense float-vector arithmetic shared by the embedding, guard, profile and ranking models. */
public final class Vectors {

    private Vectors() {}

    public static float dot(float[] a, float[] b) {
        requireSameLength(a, b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return (float) sum;
    }

    public static float norm(float[] a) {
        double sum = 0;
        for (float v : a) {
            sum += v * v;
        }
        return (float) Math.sqrt(sum);
    }

    /** Cosine similarity; 0 when either vector is all zeros, so an empty profile ranks nothing first. */
    public static float cosine(float[] a, float[] b) {
        float na = norm(a);
        float nb = norm(b);
        if (na == 0f || nb == 0f) {
            return 0f;
        }
        return dot(a, b) / (na * nb);
    }

    /** Returns a unit-length copy, or a zero copy for a zero vector. */
    public static float[] normalized(float[] a) {
        float n = norm(a);
        float[] out = new float[a.length];
        if (n == 0f) {
            return out;
        }
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] / n;
        }
        return out;
    }

    /** {@code target += weight * v}, in place. */
    public static void addScaled(float[] target, float[] v, float weight) {
        requireSameLength(target, v);
        for (int i = 0; i < target.length; i++) {
            target[i] += weight * v[i];
        }
    }

    /** {@code target *= factor}, in place. */
    public static void scale(float[] target, float factor) {
        for (int i = 0; i < target.length; i++) {
            target[i] *= factor;
        }
    }

    private static void requireSameLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "vector dimensions differ: " + a.length + " vs " + b.length);
        }
    }
}
