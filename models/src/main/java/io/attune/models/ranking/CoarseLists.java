package io.attune.models.ranking;

import io.attune.models.math.SliceDot;
import java.util.Arrays;

/**
 * An inverted-file index over a {@link CatalogPartition}: items grouped into lists around centroids
 * learned by spherical k-means, so a query scores the items of the few lists nearest to it instead of
 * the whole partition. Items added after training join their nearest list; the partition retrains when
 * it has doubled since the last training.
 *
 * <p>A list names its members by slot; their int8 codes are the partition's, one array per item, which the profile
 * subtasks of a TaskManager share with the catalog items they keep (until session 43 each list kept its members'
 * codes contiguous, a copy per subtask: 384 of the about 630 bytes an item cost each profile slot).
 */
final class CoarseLists {

    private static final int TRAINING_SAMPLE = 8_192;
    private static final int TRAINING_ROUNDS = 4;

    private final int dimension;
    private final int lists;
    private final float[] centroids;
    private int[][] members;
    private int[] memberCounts;
    private int[] listOfSlot;
    private int[] positionOfSlot;

    private CoarseLists(int dimension, int lists, float[] centroids, int capacity) {
        this.dimension = dimension;
        this.lists = lists;
        this.centroids = centroids;
        this.members = new int[lists][];
        this.memberCounts = new int[lists];
        for (int i = 0; i < lists; i++) {
            members[i] = new int[8];
        }
        this.listOfSlot = new int[capacity];
        this.positionOfSlot = new int[capacity];
    }

    /** Learns {@code lists} centroids from the partition's items (int8-coded) and files every item under one. */
    static CoarseLists train(byte[][] codes, float[] scales, int size, int dimension, int lists) {
        int sampleSize = Math.min(size, TRAINING_SAMPLE);
        int stride = Math.max(1, size / sampleSize);
        float[] centroids = new float[lists * dimension];
        // Spread the initial centroids over the (arbitrarily ordered) items; deterministic for a given catalog.
        for (int c = 0; c < lists; c++) {
            int slot = (int) ((long) c * size / lists);
            for (int d = 0; d < dimension; d++) {
                centroids[c * dimension + d] = codes[slot][d] * scales[slot];
            }
        }
        float[] sums = new float[lists * dimension];
        int[] counts = new int[lists];
        for (int round = 0; round < TRAINING_ROUNDS; round++) {
            Arrays.fill(sums, 0f);
            Arrays.fill(counts, 0);
            for (int s = 0, slot = 0; s < sampleSize && slot < size; s++, slot += stride) {
                int nearest = nearest(centroids, lists, codes[slot], dimension);
                counts[nearest]++;
                for (int d = 0; d < dimension; d++) {
                    sums[nearest * dimension + d] += codes[slot][d] * scales[slot];
                }
            }
            for (int c = 0; c < lists; c++) {
                if (counts[c] > 0) {
                    normalizeInto(sums, c * dimension, centroids, dimension);
                }
            }
        }
        CoarseLists index = new CoarseLists(dimension, lists, centroids, Math.max(16, codes.length));
        for (int slot = 0; slot < size; slot++) {
            index.add(slot, codes[slot]);
        }
        return index;
    }

    int lists() {
        return lists;
    }

    /** Files item {@code slot}, coded {@code code}, under its nearest list. */
    void add(int slot, byte[] code) {
        ensureCapacity(slot + 1);
        int list = nearest(centroids, lists, code, dimension);
        if (memberCounts[list] == members[list].length) {
            members[list] = Arrays.copyOf(members[list], members[list].length * 2);
        }
        int position = memberCounts[list]++;
        listOfSlot[slot] = list;
        positionOfSlot[slot] = position;
        members[list][position] = slot;
    }

    /** Removes item {@code slot} from its list. */
    void remove(int slot) {
        int list = listOfSlot[slot];
        int position = positionOfSlot[slot];
        int last = --memberCounts[list];
        int moved = members[list][last];
        members[list][position] = moved;
        positionOfSlot[moved] = position;
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

    /** The list's members' slots, the first {@link #memberCount} of them. */
    int[] members(int list) {
        return members[list];
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
    private static int nearest(float[] centroids, int lists, byte[] code, int dimension) {
        int best = 0;
        float bestSimilarity = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < lists; c++) {
            float similarity = SliceDot.dot(centroids, c * dimension, code, 0, dimension);
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
