package io.attune.models.guard;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Multinomial logistic regression over a message's features: its sentence embedding, lexicon hits per
 * category and hashed character n-grams. Classes are the five categories and NONE. Trained by
 * {@link GuardTrainer}; stored as a small binary resource.
 */
public final class GuardHead {

    private static final int MAGIC = 0x41544748; // "ATGH"

    final List<String> classes;
    final int denseSize;
    final int sparseSize;
    /** [class][dense feature], last column the bias. */
    final float[][] dense;
    /** [class][n-gram bucket]. */
    final float[][] sparse;

    GuardHead(List<String> classes, int denseSize, int sparseSize) {
        this.classes = List.copyOf(classes);
        this.denseSize = denseSize;
        this.sparseSize = sparseSize;
        this.dense = new float[classes.size()][denseSize + 1];
        this.sparse = new float[classes.size()][sparseSize];
    }

    public List<String> classes() {
        return classes;
    }

    /** Class probabilities, in {@link #classes()} order. */
    public float[] probabilities(float[] denseFeatures, CharNgrams.SparseVector ngrams) {
        float[] logits = logits(denseFeatures, ngrams);
        float max = Float.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        float[] p = new float[logits.length];
        for (int k = 0; k < logits.length; k++) {
            p[k] = (float) Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= (float) sum;
        }
        return p;
    }

    float[] logits(float[] denseFeatures, CharNgrams.SparseVector ngrams) {
        if (denseFeatures.length != denseSize) {
            throw new IllegalArgumentException("expected " + denseSize + " dense features, got " + denseFeatures.length);
        }
        float[] logits = new float[classes.size()];
        for (int k = 0; k < logits.length; k++) {
            float[] w = dense[k];
            double z = w[denseSize];
            for (int d = 0; d < denseSize; d++) {
                z += w[d] * denseFeatures[d];
            }
            float[] s = sparse[k];
            int[] idx = ngrams.indices();
            float[] val = ngrams.values();
            for (int i = 0; i < idx.length; i++) {
                z += s[idx[i]] * val[i];
            }
            logits[k] = (float) z;
        }
        return logits;
    }

    void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(classes.size());
        for (String c : classes) {
            data.writeUTF(c);
        }
        data.writeInt(denseSize);
        data.writeInt(sparseSize);
        for (float[] row : dense) {
            for (float v : row) {
                data.writeFloat(v);
            }
        }
        for (float[] row : sparse) {
            for (float v : row) {
                data.writeFloat(v);
            }
        }
        data.flush();
    }

    static GuardHead read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in));
        if (data.readInt() != MAGIC) {
            throw new IOException("not a guard head file");
        }
        int n = data.readInt();
        List<String> classes = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            classes.add(data.readUTF());
        }
        GuardHead head = new GuardHead(classes, data.readInt(), data.readInt());
        for (float[] row : head.dense) {
            for (int i = 0; i < row.length; i++) {
                row[i] = data.readFloat();
            }
        }
        for (float[] row : head.sparse) {
            for (int i = 0; i < row.length; i++) {
                row[i] = data.readFloat();
            }
        }
        return head;
    }
}
