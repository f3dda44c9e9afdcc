package io.attune.models.ranking;

import io.attune.models.math.Int8Vectors;
import io.attune.models.math.SliceDot;
import java.util.Arrays;

/**
 * An inverted-file index over a {@link CatalogPartition}: items grouped into lists around centroids
 * learned by spherical k-means, so a query scores the items of the few lists nearest to it instead of
 * the whole partition. Items added after training join their nearest list; the partition retrains when
 * it has doubled since the last training.
 *
 * <p>Each list keeps its members' vectors int8-coded ({@link Int8Vectors}), contiguous in member order: a
 * probe is bound by memory traffic, which the bytes cut to a quarter. Once indexed, the partition keeps no other
 * copy of them.
 */
final class CoarseLists {

    private static final int TRAINING_SAMPLE = 8_192;
    private static final int TRAINING_ROUNDS = 4;

    private final int dimension;
    private final int lists;
    private final float[] centroids;
    private int[][] members;
    /** Each list's item vectors, int8-coded, contiguous in member order: a probe reads memory sequentially. */
    private byte[][] memberCodes;
    private float[][] memberScales;
    private int[] memberCounts;
    private int[] listOfSlot;
    private int[] positionOfSlot;

    private CoarseLists(int dimension, int lists, float[] centroids, int capacity) {
        this.dimension = dimension;
        this.lists = lists;
        this.centroids = centroids;
        this.members = new int[lists][];
        this.memberCodes = new byte[lists][];
        this.memberScales = new float[lists][];
        this.memberCounts = new int[lists];
        for (int i = 0; i < lists; i++) {
            members[i] = new int[8];
            memberCodes[i] = new byte[8 * dimension];
            memberScales[i] = new float[8];
        }
        this.listOfSlot = new int[capacity];
        this.positionOfSlot = new int[capacity];
    }

    /** Learns {@code lists} centroids from the partition's items (int8-coded) and files every item under one. */
    static CoarseLists train(byte[] codes, float[] scales, int size, int dimension, int lists) {
        int sampleSize = Math.min(size, TRAINING_SAMPLE);
        int stride = Math.max(1, size / sampleSize);
        float[] centroids = new float[lists * dimension];
        // Spread the initial centroids over the (arbitrarily ordered) items; deterministic for a given catalog.
        for (int c = 0; c < lists; c++) {
            int slot = (int) ((long) c * size / lists);
            for (int d = 0; d < dimension; d++) {
                centroids[c * dimension + d] = codes[slot * dimension + d] * scales[slot];
            }
        }
        float[] sums = new float[lists * dimension];
        int[] counts = new int[lists];
        for (int round = 0; round < TRAINING_ROUNDS; round++) {
            Arrays.fill(sums, 0f);
            Arrays.fill(counts, 0);
            for (int s = 0, slot = 0; s < sampleSize && slot < size; s++, slot += stride) {
                int nearest = nearest(centroids, lists, codes, slot * dimension, dimension);
                counts[nearest]++;
                for (int d = 0; d < dimension; d++) {
                    sums[nearest * dimension + d] += codes[slot * dimension + d] * scales[slot];
                }
            }
            for (int c = 0; c < lists; c++) {
                if (counts[c] > 0) {
                    normalizeInto(sums, c * dimension, centroids, dimension);
                }
            }
        }
        CoarseLists index = new CoarseLists(dimension, lists, centroids, Math.max(16, codes.length / dimension));
        for (int slot = 0; slot < size; slot++) {
            index.add(slot, codes, slot * dimension, scales[slot]);
        }
        return index;
    }

    int lists() {
        return lists;
    }

    /** Files item {@code slot}, coded at {@code codes[offset..)} with {@code scale}, under its nearest list. */
    void add(int slot, byte[] codes, int offset, float scale) {
        ensureCapacity(slot + 1);
        int list = nearest(centroids, lists, codes, offset, dimension);
        if (memberCounts[list] == members[list].length) {
            members[list] = Arrays.copyOf(members[list], members[list].length * 2);
            memberCodes[list] = Arrays.copyOf(memberCodes[list], members[list].length * dimension);
            memberScales[list] = Arrays.copyOf(memberScales[list], members[list].length);
        }
        int position = memberCounts[list]++;
        listOfSlot[slot] = list;
        positionOfSlot[slot] = position;
        members[list][position] = slot;
        System.arraycopy(codes, offset, memberCodes[list], position * dimension, dimension);
        memberScales[list][position] = scale;
    }

    /** Copies the codes and scales of slots {@code 0..size)} out of the lists, by slot (to train new lists). */
    void copyCodes(int size, byte[] codes, float[] scales) {
        for (int slot = 0; slot < size; slot++) {
            int list = listOfSlot[slot];
            int position = positionOfSlot[slot];
            System.arraycopy(memberCodes[list], position * dimension, codes, slot * dimension, dimension);
            scales[slot] = memberScales[list][position];
        }
    }

    /** Removes item {@code slot} from its list. */
    void remove(int slot) {
        int list = listOfSlot[slot];
        int position = positionOfSlot[slot];
        int last = --memberCounts[list];
        int moved = members[list][last];
        members[list][position] = moved;
        positionOfSlot[moved] = position;
        System.arraycopy(memberCodes[list], last * dimension, memberCodes[list], position * dimension, dimension);
        memberScales[list][position] = memberScales[list][last];
    }

    /** The partition moved item {@code from} into slot {@code to} (after removing what {@code to} held). */
    void move(int from, int to) {
        int list = listOfSlot[from];
        int position = positionOfSlot[from];
        members[list][position] = to;
        listOfSlot[to] = list;
        positionOfSlot[to] = position;
    }

    /** Similarity of a query to every list centroid. */
    void similarities(float[] query, int offset, float[] out) {
        SliceDot.dots(query, offset, centroids, 0, lists, dimension, out, 0);
    }

    /**
     * Item {@code slot}'s vector, on its int8 code, dotted with each of the {@code count} queries stored one
     * after another in {@code queries}: {@code out[c]} for query {@code c}.
     */
    void dots(int slot, float[] queries, int count, float[] out) {
        int list = listOfSlot[slot];
        int position = positionOfSlot[slot];
        SliceDot.queryDots(queries, 0, count, memberCodes[list], position * dimension, dimension, out, 0);
        float scale = memberScales[list][position];
        for (int c = 0; c < count; c++) {
            out[c] *= scale;
        }
    }

    int[] members(int list) {
        return members[list];
    }

    /** The list's members' int8 codes: member {@code m} at {@code [m * dimension, (m + 1) * dimension)}. */
    byte[] memberCodes(int list) {
        return memberCodes[list];
    }

    /** The list's members' code scales, in member order. */
    float[] memberScales(int list) {
        return memberScales[list];
    }

    int memberCount(int list) {
        return memberCounts[list];
    }

    private void ensureCapacity(int slots) {
        if (slots > listOfSlot.length) {
            int capacity = Math.max(slots, listOfSlot.length * 2);
            listOfSlot = Arrays.copyOf(listOfSlot, capacity);
            positionOfSlot = Arrays.copyOf(positionOfSlot, capacity);
        }
    }

    /** The centroid nearest an item's code (its scale, the same for every centroid, does not change which). */
    private static int nearest(float[] centroids, int lists, byte[] codes, int offset, int dimension) {
        int best = 0;
        float bestSimilarity = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < lists; c++) {
            float similarity = SliceDot.dot(centroids, c * dimension, codes, offset, dimension);
            if (similarity > bestSimilarity) {
                bestSimilarity = similarity;
                best = c;
            }
        }
        return best;
    }

    private static void normalizeInto(float[] source, int offset, float[] target, int dimension) {
        double squares = 0;
        for (int d = 0; d < dimension; d++) {
            squares += source[offset + d] * source[offset + d];
        }
        float inverse = squares > 0 ? (float) (1.0 / Math.sqrt(squares)) : 0f;
        for (int d = 0; d < dimension; d++) {
            target[offset + d] = source[offset + d] * inverse;
        }
    }
}
