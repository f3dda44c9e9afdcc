package io.attune.models.ranking;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The items of one app surface, laid out for fast scoring: all vectors in one contiguous array, so a
 * ranking pass streams through memory. Updates replace in place; removals move the last item into the
 * freed slot, so the layout stays dense under live catalog changes.
 */
public final class CatalogPartition {

    private final int dimension;
    private final Map<String, Integer> positions = new HashMap<>();
    private String[] ids = new String[16];
    private String[][] tags = new String[16][];
    private float[] vectors;
    private int size;

    public CatalogPartition(int dimension) {
        this.dimension = dimension;
        this.vectors = new float[16 * dimension];
    }

    /** Adds or replaces an item; its vector must be unit length. */
    public void put(String itemId, String[] itemTags, float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException(
                    "item " + itemId + " has dimension " + vector.length + ", partition " + dimension);
        }
        Integer at = positions.get(itemId);
        int slot = at == null ? size : at;
        if (at == null) {
            grow();
            positions.put(itemId, slot);
            ids[slot] = itemId;
            size++;
        }
        tags[slot] = itemTags;
        System.arraycopy(vector, 0, vectors, slot * dimension, dimension);
    }

    /** Removes an item if present. */
    public void remove(String itemId) {
        Integer at = positions.remove(itemId);
        if (at == null) {
            return;
        }
        int last = size - 1;
        if (at != last) {
            ids[at] = ids[last];
            tags[at] = tags[last];
            System.arraycopy(vectors, last * dimension, vectors, at * dimension, dimension);
            positions.put(ids[at], at);
        }
        ids[last] = null;
        tags[last] = null;
        size--;
    }

    public int size() {
        return size;
    }

    public int dimension() {
        return dimension;
    }

    String id(int slot) {
        return ids[slot];
    }

    String[] tags(int slot) {
        return tags[slot];
    }

    /** The backing array: item {@code slot} occupies {@code [slot * dimension, (slot + 1) * dimension)}. */
    float[] vectors() {
        return vectors;
    }

    private void grow() {
        if (size == ids.length) {
            int capacity = ids.length * 2;
            ids = Arrays.copyOf(ids, capacity);
            tags = Arrays.copyOf(tags, capacity);
            vectors = Arrays.copyOf(vectors, capacity * dimension);
        }
    }
}
