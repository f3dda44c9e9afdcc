package io.attune.models.ranking;

import io.attune.models.math.Int8Vectors;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The items of one app surface, laid out for fast scoring: all vectors in one contiguous array, so a
 * ranking pass streams through memory. Vectors are kept int8-coded ({@link Int8Vectors}: one byte per dimension and
 * one scale per item), as the coarse lists and the catalog's checkpoints keep them: floats took 1,536 of the 3,519
 * heap bytes an item cost here (session 41, {@code CatalogFootprintCheck}). Updates replace in place; removals move the last item into the
 * freed slot, so the layout stays dense under live catalog changes.
 *
 * <p>From {@code indexedFrom} items on, the partition also keeps {@link CoarseLists} (about √n lists,
 * retrained whenever the partition has doubled since the last training), so a ranking scores a few lists
 * instead of every item. Not thread-safe: one ranking at a time (each Flink subtask has its own).
 */
public final class CatalogPartition {

    /** Partitions smaller than this are ranked exactly, item by item. */
    public static final int DEFAULT_INDEXED_FROM = 4_096;

    private final int dimension;
    private final int indexedFrom;
    private CoarseLists lists;
    private int trainedAtSize;
    private final Map<String, Integer> positions = new HashMap<>();
    private String[] ids = new String[16];
    private String[][] tags = new String[16][];
    private float[] popularity = new float[16];
    /**
     * Item {@code slot}'s code at {@code [slot * dimension, (slot + 1) * dimension)}, while the partition is ranked
     * exactly; {@code null} once it is indexed, when its {@link CoarseLists} hold every code (in list order, for the
     * probes) and a second copy by slot would only be read to train the lists again.
     */
    private byte[] codes;
    private float[] scales = new float[16];
    /** An indexed partition's new code, before its list takes it. */
    private final byte[] scratch;
    private int size;
    /**
     * The last {@link #mostPopular} answer, kept while no change can alter it: every refresh asks for it, and
     * otherwise each would scan the whole partition.
     */
    private int[] mostPopular;
    private int mostPopularAsked;

    public CatalogPartition(int dimension) {
        this(dimension, DEFAULT_INDEXED_FROM);
    }

    public CatalogPartition(int dimension, int indexedFrom) {
        this.dimension = dimension;
        this.indexedFrom = indexedFrom;
        this.codes = new byte[16 * dimension];
        this.scratch = new byte[dimension];
    }

    /** Adds or replaces an item; its vector must be unit length. */
    public void put(String itemId, String[] itemTags, float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException(
                    "item " + itemId + " has dimension " + vector.length + ", partition " + dimension);
        }
        Integer at = positions.get(itemId);
        int slot = at == null ? size : at;
        mostPopular = null;
        if (at == null) {
            grow();
            positions.put(itemId, slot);
            ids[slot] = itemId;
            popularity[slot] = 0f;
            size++;
        }
        tags[slot] = itemTags;
        if (lists == null) {
            scales[slot] = Int8Vectors.encode(vector, 0, dimension, codes, slot * dimension);
        } else {
            float scale = Int8Vectors.encode(vector, 0, dimension, scratch, 0);
            if (at != null) {
                lists.remove(slot);
            }
            lists.add(slot, scratch, 0, scale);
        }
        if (size >= indexedFrom && size >= 2 * trainedAtSize) {
            byte[] allCodes = codes;
            float[] allScales = scales;
            if (lists != null) {
                allCodes = new byte[size * dimension];
                allScales = new float[size];
                lists.copyCodes(size, allCodes, allScales);
            }
            lists = CoarseLists.train(allCodes, allScales, size, dimension,
                    (int) Math.max(16, Math.round(Math.sqrt(size))));
            trainedAtSize = size;
            codes = null;
            scales = null;
        }
    }

    /** Removes an item if present. */
    public void remove(String itemId) {
        Integer at = positions.remove(itemId);
        if (at == null) {
            return;
        }
        mostPopular = null;
        int last = size - 1;
        if (lists != null) {
            lists.remove(at);
            if (at != last) {
                lists.move(last, at);
            }
        }
        if (at != last) {
            ids[at] = ids[last];
            tags[at] = tags[last];
            popularity[at] = popularity[last];
            if (codes != null) {
                scales[at] = scales[last];
                System.arraycopy(codes, last * dimension, codes, at * dimension, dimension);
            }
            positions.put(ids[at], at);
        }
        ids[last] = null;
        tags[last] = null;
        size--;
    }

    /** Sets how popular an item is (any scale); ignored for an item the partition does not hold. */
    public void setPopularity(String itemId, float value) {
        Integer slot = positions.get(itemId);
        if (slot != null) {
            if (mostPopular != null && changesMostPopular(slot, value)) {
                mostPopular = null;
            }
            popularity[slot] = value;
        }
    }

    /** Whether the cached most-popular answer could differ once {@code slot} has {@code value}. */
    private boolean changesMostPopular(int slot, float value) {
        if (value == popularity[slot]) {
            return false;
        }
        if (mostPopular.length < mostPopularAsked) {
            return value > 0f || popularity[slot] > 0f;
        }
        for (int kept : mostPopular) {
            if (kept == slot) {
                return true;
            }
        }
        // Ties are broken by slot order in the scan, so an equal value may enter too.
        return value >= popularity[mostPopular[mostPopular.length - 1]];
    }

    float popularity(int slot) {
        return popularity[slot];
    }

    /** Slots of the {@code n} most popular items with any popularity, most popular first. */
    int[] mostPopular(int n) {
        if (n <= 0 || size == 0) {
            return new int[0];
        }
        if (mostPopular == null || mostPopularAsked != n) {
            mostPopular = scanMostPopular(n);
            mostPopularAsked = n;
        }
        return mostPopular.clone();
    }

    private int[] scanMostPopular(int n) {
        int[] best = new int[Math.min(n, size)];
        int found = 0;
        for (int slot = 0; slot < size; slot++) {
            float value = popularity[slot];
            if (value <= 0f || (found == best.length && value <= popularity[best[found - 1]])) {
                continue;
            }
            int at = found < best.length ? found++ : found - 1;
            while (at > 0 && popularity[best[at - 1]] < value) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = slot;
        }
        return Arrays.copyOf(best, found);
    }

    public int size() {
        return size;
    }

    public int dimension() {
        return dimension;
    }

    /** The slot of an item, or -1 if the partition does not hold it. */
    int slotOf(String itemId) {
        Integer slot = positions.get(itemId);
        return slot == null ? -1 : slot;
    }

    /** The coarse lists, or {@code null} while the partition is ranked exactly. */
    CoarseLists lists() {
        return lists;
    }

    String id(int slot) {
        return ids[slot];
    }

    String[] tags(int slot) {
        return tags[slot];
    }

    /**
     * The codes, while the partition is ranked exactly (no {@link #lists()}): item {@code slot}'s at
     * {@code [slot * dimension, (slot + 1) * dimension)}.
     */
    byte[] codes() {
        return codes;
    }

    /** Each item's code scale, by slot, while the partition is ranked exactly. */
    float[] scales() {
        return scales;
    }

    private void grow() {
        if (size == ids.length) {
            int capacity = ids.length * 2;
            ids = Arrays.copyOf(ids, capacity);
            tags = Arrays.copyOf(tags, capacity);
            popularity = Arrays.copyOf(popularity, capacity);
            if (codes != null) {
                scales = Arrays.copyOf(scales, capacity);
                codes = Arrays.copyOf(codes, capacity * dimension);
            }
        }
    }
}
