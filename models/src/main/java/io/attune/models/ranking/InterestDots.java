package io.attune.models.ranking;

import io.attune.models.math.SliceDot;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each interest scores against every item of a surface that is ranked exactly, kept between rankings: a
 * person's refresh ranks with all their interests, and from one event to the next usually one of them has moved
 * (the one the event fed) while the others have only faded, which changes their weights but not their directions.
 * So an interest's dot products with a surface's items are looked up by the interest's direction (or by the compact
 * {@link Interest#identity()} that determines it), and only a direction not seen before (or forgotten) is scored
 * against every item.
 *
 * <p>Entries are the raw dot products with the items' int8 codes, by slot, before each item's scale, exactly as the
 * scan computes them ({@link SliceDot} sums a pair the same way in any batch), so a ranking from them is the ranking
 * the scan would give. A change to the surface (an item added, updated, withdrawn) is applied to the entries that
 * meet it afterwards by scoring again only the slots that changed, as long as the surface remembers them ({@link
 * CatalogPartition#changedSince}); past that the entry is scored anew. Least recently used entries go first once
 * their bytes pass the capacity. Not thread-safe: one per ranking thread (a Flink subtask's own ranker).
 */
public final class InterestDots {

    /** About what one entry costs besides its arrays: the key, the entry and the map's node. */
    private static final int ENTRY_OVERHEAD_BYTES = 128;

    private final long capacityBytes;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long hits;
    private long updates;
    private long misses;
    private int[] slots = new int[0];

    /** @param capacityBytes how many bytes of entries to keep at most (above 0) */
    public InterestDots(long capacityBytes) {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("capacity must be above 0 bytes, was " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
    }

    /**
     * For each interest, its direction's dot product with each item's code, by slot: {@code [c][slot]} for slots
     * below {@code partition.size()} (an array may be longer). The arrays are this cache's own: read them before
     * the next call, never change them.
     */
    float[][] dots(CatalogPartition partition, List<Interest> interests) {
        int count = interests.size();
        int dimension = partition.dimension();
        int size = partition.size();
        long changes = partition.changes();
        byte[][] codes = partition.codes();
        float[][] out = new float[count][];
        Key[] missing = new Key[count];
        int[] missingInterests = new int[count];
        int missingCount = 0;
        for (int c = 0; c < count; c++) {
            Interest interest = interests.get(c);
            // Looked up by the caller's arrays; a key kept copies them (keep).
            Key key = interest.identity() != null
                    ? new Key(partition.serial(), interest.identity(), null)
                    : new Key(partition.serial(), null, interest.direction());
            Entry entry = entries.get(key);
            if (entry != null && entry.changes == changes) {
                hits++;
                out[c] = entry.dots;
            } else if (entry != null && update(entry, partition, interest.direction())) {
                updates++;
                out[c] = entry.dots;
            } else {
                misses++;
                missing[missingCount] = key;
                missingInterests[missingCount++] = c;
            }
        }
        if (missingCount > 0) {
            float[][] fresh = new float[missingCount][size];
            if (missingCount < 4) {
                // Usually one: the direction the event moved. Item after item against it, four items per load of it.
                int[] slots = slots(size);
                for (int m = 0; m < missingCount; m++) {
                    SliceDot.dots(interests.get(missingInterests[m]).direction(), 0, codes, slots, size, dimension,
                            fresh[m], 0);
                }
            } else {
                // Many new directions (a person not seen for a while) in one pass over the items: each code is read
                // and widened once for four of them.
                float[] missingQueries = new float[missingCount * dimension];
                for (int m = 0; m < missingCount; m++) {
                    System.arraycopy(interests.get(missingInterests[m]).direction(), 0, missingQueries, m * dimension,
                            dimension);
                }
                float[] slotDots = new float[missingCount];
                for (int slot = 0; slot < size; slot++) {
                    SliceDot.queryDots(missingQueries, 0, missingCount, codes[slot], 0, dimension, slotDots, 0);
                    for (int m = 0; m < missingCount; m++) {
                        fresh[m][slot] = slotDots[m];
                    }
                }
            }
            for (int m = 0; m < missingCount; m++) {
                out[missingInterests[m]] = fresh[m];
                keep(missing[m].copy(), new Entry(fresh[m], changes));
            }
        }
        return out;
    }

    /** {@code 0, 1, …, size - 1}, the slots to score (shared between calls). */
    private int[] slots(int size) {
        if (slots.length < size) {
            slots = new int[Math.max(size, 2 * slots.length)];
            for (int slot = 0; slot < slots.length; slot++) {
                slots[slot] = slot;
            }
        }
        return slots;
    }

    /** Brings an entry up to the partition's changes by scoring the changed slots again; false if it cannot. */
    private boolean update(Entry entry, CatalogPartition partition, float[] direction) {
        int size = partition.size();
        if (entry.dots.length < size) {
            // Grown by half again, so a surface that keeps growing does not copy the entry at every new item.
            float[] grown = Arrays.copyOf(entry.dots, Math.max(size, entry.dots.length + entry.dots.length / 2));
            bytes += 4L * (grown.length - entry.dots.length);
            entry.dots = grown;
        }
        byte[][] codes = partition.codes();
        int dimension = partition.dimension();
        float[] dots = entry.dots;
        float[] one = new float[1];
        boolean remembered = partition.changedSince(entry.changes, slot -> {
            if (slot < size) {
                SliceDot.queryDots(direction, 0, 1, codes[slot], 0, dimension, one, 0);
                dots[slot] = one[0];
            }
        });
        if (remembered) {
            entry.changes = partition.changes();
        }
        evict();
        return remembered;
    }

    private void keep(Key key, Entry entry) {
        long entryBytes = bytesOf(key, entry);
        if (entryBytes > capacityBytes) {
            return;
        }
        Entry replaced = entries.put(key, entry);
        if (replaced != null) {
            bytes -= bytesOf(key, replaced);
        }
        bytes += entryBytes;
        evict();
    }

    private void evict() {
        Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
        while (bytes > capacityBytes && eldest.hasNext()) {
            Map.Entry<Key, Entry> next = eldest.next();
            bytes -= bytesOf(next.getKey(), next.getValue());
            eldest.remove();
        }
    }

    private static long bytesOf(Key key, Entry entry) {
        return 4L * entry.dots.length + key.bytes() + ENTRY_OVERHEAD_BYTES;
    }

    /** Bytes the entries hold now, as counted against the capacity. */
    public long bytes() {
        return bytes;
    }

    /** Directions found with every item current. */
    public long hits() {
        return hits;
    }

    /** Directions found after the surface changed, brought up to date by scoring the changed items only. */
    public long updates() {
        return updates;
    }

    /** Directions scored against every item: new, forgotten, or past what the surface remembers of its changes. */
    public long misses() {
        return misses;
    }

    /**
     * An interest on one partition, by its {@link Interest#identity()} when it has one (a few hundred bytes where its
     * direction takes 4 per dimension), else by its direction; a kept key holds copies of its own. An identity and a
     * direction never equal each other, so the same interest given both ways is merely kept twice.
     */
    private static final class Key {
        final long partition;
        final byte[] identity;
        final float[] direction;
        final int hash;

        Key(long partition, byte[] identity, float[] direction) {
            this.partition = partition;
            this.identity = identity;
            this.direction = direction;
            this.hash = 31 * Long.hashCode(partition)
                    + (identity != null ? Arrays.hashCode(identity) : 17 * Arrays.hashCode(direction));
        }

        long bytes() {
            return identity != null ? identity.length : 4L * direction.length;
        }

        /** The same key on arrays of its own, so the caller may reuse theirs. */
        Key copy() {
            return new Key(partition, identity == null ? null : identity.clone(),
                    direction == null ? null : direction.clone());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash && key.partition == partition
                    && Arrays.equals(key.identity, identity) && Arrays.equals(key.direction, direction);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Dot products by slot, current as of the partition's {@code changes}-th change. */
    private static final class Entry {
        float[] dots;
        long changes;

        Entry(float[] dots, long changes) {
            this.dots = dots;
            this.changes = changes;
        }
    }
}
