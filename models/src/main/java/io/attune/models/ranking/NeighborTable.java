package io.attune.models.ranking;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The items most often engaged with together with one item, in bounded space: the Space-Saving sketch
 * (when full, a new neighbour replaces the weakest and inherits its weight as possible error, so heavy
 * neighbours are never lost). Rank by {@link #guaranteed}: a neighbour that only just took a slot has
 * nothing guaranteed yet, so churn among rare neighbours does not pass for co-engagement.
 *
 * <p>A published table ({@link #strongest}) carries only what was certainly observed: its weights are the
 * guaranteed ones and its {@code errors} are empty, which saves a quarter of what every profile subtask holds per
 * entry (a 4-byte float beside a 4-byte id reference and a 4-byte weight).
 *
 * @param neighbors item ids
 * @param weights co-engagement weight of each (an upper bound), same order
 * @param errors how much of each weight may have been inherited rather than observed, same order; empty when
 *     every weight was observed
 */
public record NeighborTable(String[] neighbors, float[] weights, float[] errors) {

    public static NeighborTable empty() {
        return new NeighborTable(new String[0], new float[0], new float[0]);
    }

    /** The co-engagement weight of neighbour {@code i} that was certainly observed. */
    public float guaranteed(int i) {
        return errors.length == 0 ? weights[i] : weights[i] - errors[i];
    }

    /**
     * The at most {@code n} neighbours with the most guaranteed co-engagement, strongest first (ties by id), with
     * their guaranteed weights and no errors; neighbours with nothing guaranteed are left out. For publishing: the
     * rest of the sketch only keeps its counts honest.
     */
    public NeighborTable strongest(int n) {
        return strongest(neighbors, weights, errors, neighbors.length, n);
    }

    /**
     * As {@link #strongest(int)}, for the first {@code size} entries of parallel arrays ({@code errors} empty when every
     * weight was observed): what an item's affinity counts, gathered from keyed state, publish.
     */
    public static NeighborTable strongest(String[] neighbors, float[] weights, float[] errors, int size, int n) {
        float[] guaranteed = new float[size];
        Integer[] order = new Integer[size];
        int kept = 0;
        for (int i = 0; i < size; i++) {
            guaranteed[i] = errors.length == 0 ? weights[i] : weights[i] - errors[i];
            if (guaranteed[i] > 0f) {
                order[kept++] = i;
            }
        }
        Arrays.sort(order, 0, kept, Comparator.comparingDouble((Integer i) -> -guaranteed[i])
                .thenComparing(i -> neighbors[i]));
        int count = Math.min(Math.max(0, n), kept);
        String[] outNeighbors = new String[count];
        float[] outWeights = new float[count];
        for (int j = 0; j < count; j++) {
            outNeighbors[j] = neighbors[order[j]];
            outWeights[j] = guaranteed[order[j]];
        }
        return new NeighborTable(outNeighbors, outWeights, new float[0]);
    }

    /** This table with {@code weight} more co-engagement with {@code neighbor}; arrays are copied. */
    public NeighborTable add(String neighbor, float weight, int capacity) {
        if (errors.length != neighbors.length) {
            // A published table (no errors): counting on starts from its weights, all observed.
            return new NeighborTable(neighbors, weights, new float[neighbors.length]).add(neighbor, weight, capacity);
        }
        for (int i = 0; i < neighbors.length; i++) {
            if (neighbors[i].equals(neighbor)) {
                float[] nextWeights = weights.clone();
                nextWeights[i] += weight;
                return new NeighborTable(neighbors, nextWeights, errors);
            }
        }
        if (neighbors.length < capacity) {
            String[] nextNeighbors = Arrays.copyOf(neighbors, neighbors.length + 1);
            float[] nextWeights = Arrays.copyOf(weights, weights.length + 1);
            nextNeighbors[neighbors.length] = neighbor;
            nextWeights[weights.length] = weight;
            return new NeighborTable(nextNeighbors, nextWeights, Arrays.copyOf(errors, errors.length + 1));
        }
        int weakest = 0;
        for (int i = 1; i < weights.length; i++) {
            if (weights[i] < weights[weakest]) {
                weakest = i;
            }
        }
        String[] nextNeighbors = neighbors.clone();
        float[] nextWeights = weights.clone();
        float[] nextErrors = errors.clone();
        nextNeighbors[weakest] = neighbor;
        nextErrors[weakest] = weights[weakest];
        nextWeights[weakest] += weight;
        return new NeighborTable(nextNeighbors, nextWeights, nextErrors);
    }
}
