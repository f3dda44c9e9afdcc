package io.attune.models.ranking;

import io.attune.models.math.Int8Vectors;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The items of one app surface, laid out for fast scoring. Vectors are int8-coded ({@link Int8Vectors}: one byte per
 * dimension and one scale per item), as the catalog's checkpoints keep them; each item's code is one array, taken as
 * given ({@link #put(String, String[], byte[], float)}), so the profile subtasks of a TaskManager that keep one copy of
 * a catalog item share its code with their indexes too. Updates replace in place; removals move the last item into
 * the freed slot, so the layout stays dense under live catalog changes.
 *
 * <p>From {@code indexedFrom} items on, the partition also keeps {@link CoarseLists} (about √n lists,
 * retrained whenever the partition has doubled since the last training), so a ranking scores a few lists
 * instead of every item. Not thread-safe: one ranking at a time (each Flink subtask has its own).
 */
public final class CatalogPartition {

    /** Partitions smaller than this are ranked exactly, item by item. */
    public static final int DEFAULT_INDEXED_FROM = 4_096;

    /** How many of the latest changed slots a partition remembers, for {@link #changedSince}. */
    static final int JOURNAL = 256;

    private static final AtomicLong SERIALS = new AtomicLong();

    /** Tells this partition apart from every other in the JVM, even one at the same address later. */
    private final long serial = SERIALS.incrementAndGet();
    /** How many times an item's code has been added, replaced or moved. */
    private long changes;
    /** The slot of each of the latest {@link #JOURNAL} changes, change {@code n} at {@code n % JOURNAL}. */
    private final int[] journal = new int[JOURNAL];

    private final int dimension;
    private final int indexedFrom;
    private CoarseLists lists;
    private int trainedAtSize;
    private final SlotsById positions = new SlotsById();
    private String[] ids = new String[16];
    private String[][] tags = new String[16][];
    private float[] popularity = new float[16];
    /** Item {@code slot}'s code: never modified here (it may be shared). */
    private byte[][] codes = new byte[16][];
    private float[] scales = new float[16];
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
    }

    /** Adds or replaces an item; its vector must be unit length. */
    public void put(String itemId, String[] itemTags, float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException(
                    "item " + itemId + " has dimension " + vector.length + ", partition " + dimension);
        }
        byte[] code = new byte[dimension];
        float scale = Int8Vectors.encode(vector, 0, dimension, code, 0);
        put(itemId, itemTags, code, scale);
    }

    /**
     * Adds or replaces an item coded as {@link Int8Vectors} codes a unit vector: {@code code[i] * scale} is its
     * {@code i}-th value. The array is kept as it is, not copied, and must not change afterwards.
     */
    public void put(String itemId, String[] itemTags, byte[] code, float scale) {
        if (code.length != dimension) {
            throw new IllegalArgumentException(
                    "item " + itemId + " has dimension " + code.length + ", partition " + dimension);
        }
        int at = positions.get(itemId);
        int slot = at < 0 ? size : at;
        mostPopular = null;
        if (at < 0) {
            grow();
            positions.put(itemId, slot);
            ids[slot] = itemId;
            popularity[slot] = 0f;
            size++;
        } else if (lists != null) {
            lists.remove(slot);
        }
        tags[slot] = itemTags;
        codes[slot] = code;
        scales[slot] = scale;
        changed(slot);
        if (size >= indexedFrom && size >= 2 * trainedAtSize) {
            lists = CoarseLists.train(codes, scales, size, dimension,
                    (int) Math.max(16, Math.round(Math.sqrt(size))));
            trainedAtSize = size;
        } else if (lists != null) {
            lists.add(slot, code);
        }
    }

    /** Removes an item if present. */
    public void remove(String itemId) {
        int at = positions.remove(itemId);
        if (at < 0) {
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
            codes[at] = codes[last];
            scales[at] = scales[last];
            positions.put(ids[at], at);
        }
        ids[last] = null;
        tags[last] = null;
        codes[last] = null;
        size--;
        // When the last item itself went, no slot below the new size holds another code, but the count must move:
        // the partition is not what it was.
        changed(at);
    }

    private void changed(int slot) {
        journal[(int) (changes % JOURNAL)] = slot;
        changes++;
    }

    /** Tells this partition apart from every other created in this JVM. */
    long serial() {
        return serial;
    }

    /** How many changes of an item's code (added, replaced, moved) this partition has seen. */
    long changes() {
        return changes;
    }

    /**
     * Passes {@code slots} every slot whose code has changed since the partition had seen {@code since} changes (a
     * slot may come more than once, and may be at or past {@link #size} now), and returns {@code true}; or returns
     * {@code false}, passing nothing, when those changes are too many to remember.
     */
    boolean changedSince(long since, IntConsumer slots) {
        if (since > changes || changes - since > JOURNAL) {
            return false;
        }
        for (long change = since; change < changes; change++) {
            slots.accept(journal[(int) (change % JOURNAL)]);
        }
        return true;
    }

    /** Sets how popular an item is (any scale); ignored for an item the partition does not hold. */
    public void setPopularity(String itemId, float value) {
        int slot = positions.get(itemId);
        if (slot >= 0) {
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
        return positions.get(itemId);
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

    /** Each item's code by slot (the first {@link #size} of them): not to be modified. */
    byte[][] codes() {
        return codes;
    }

    /** Each item's code scale, by slot. */
    float[] scales() {
        return scales;
    }

    private void grow() {
        if (size == ids.length) {
            int capacity = ids.length * 2;
            ids = Arrays.copyOf(ids, capacity);
            tags = Arrays.copyOf(tags, capacity);
            popularity = Arrays.copyOf(popularity, capacity);
            codes = Arrays.copyOf(codes, capacity);
            scales = Arrays.copyOf(scales, capacity);
        }
    }
}
