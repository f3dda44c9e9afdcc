package io.attune.models.ranking;

import java.util.Arrays;
import java.util.Map;

/**
 * A float per item id, summed in place: what a refresh gathers from the tables of the items a person liked
 * (thousands of entries per refresh, most of them added to several times). An open-addressing table of ids and
 * primitive floats, so an addition boxes nothing and allocates nothing, and an id the item tables share (the
 * same {@code String} instance) is recognised by reference before any character is compared. Entries keep the
 * order they were first added in; {@link #clear()} empties the table for reuse without giving up its arrays.
 * Not thread-safe: one per operator instance or per call.
 */
public final class ItemScores {

    private static final int MIN_CAPACITY = 16;

    /** Slot of the table to the id stored there, {@code null} when free. */
    private String[] keys;
    /** Slot of the table to its id's value: beside the key, so a lookup touches two arrays. */
    private float[] valueOfSlot;
    /** Entry (in order of first addition) to the slot holding it. */
    private int[] slotOfEntry;
    private int size;

    public ItemScores() {
        this(MIN_CAPACITY);
    }

    /** Sized for {@code expected} entries without growing. */
    public ItemScores(int expected) {
        int capacity = Integer.highestOneBit(Math.max(MIN_CAPACITY, expected * 2 - 1)) << 1;
        keys = new String[capacity];
        valueOfSlot = new float[capacity];
        slotOfEntry = new int[Math.max(MIN_CAPACITY, expected)];
    }

    /** A copy of {@code scores}, in its iteration order. */
    public static ItemScores of(Map<String, Float> scores) {
        ItemScores copy = new ItemScores(scores.size());
        scores.forEach(copy::add);
        return copy;
    }

    /** Adds {@code delta} to the id's value (which starts at 0). */
    public void add(String id, float delta) {
        add(id, id.hashCode(), delta);
    }

    /** {@link #add(String, float)} with the id's {@code hashCode()} already at hand. */
    void add(String id, int hash, float delta) {
        int slot = slot(id, hash);
        if (keys[slot] != null) {
            valueOfSlot[slot] += delta;
            return;
        }
        if (size == slotOfEntry.length) {
            slotOfEntry = Arrays.copyOf(slotOfEntry, size * 2);
        }
        keys[slot] = id;
        valueOfSlot[slot] = delta;
        slotOfEntry[size] = slot;
        size++;
        if (size * 2 > keys.length) {
            grow();
        }
    }

    /** Sets the id's value, replacing whatever it was. */
    public void put(String id, float value) {
        int slot = slot(id);
        if (keys[slot] != null) {
            valueOfSlot[slot] = value;
        } else {
            add(id, value);
        }
    }

    /** The id's value, or {@code absent} when it has none. */
    public float getOrDefault(String id, float absent) {
        int slot = slot(id);
        return keys[slot] == null ? absent : valueOfSlot[slot];
    }

    public boolean contains(String id) {
        return keys[slot(id)] != null;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The id of entry {@code entry}, {@code 0 <= entry < size()}, in order of first addition. */
    public String id(int entry) {
        return keys[slotOfEntry[entry]];
    }

    /** The value of entry {@code entry}. */
    public float value(int entry) {
        return valueOfSlot[slotOfEntry[entry]];
    }

    /**
     * The entries of the {@code limit} highest values (all entries when there are no more), in no particular order;
     * ties at the cut go to the smaller id, so the kept set never depends on the order entries were added in.
     */
    public int[] strongest(int limit) {
        if (limit <= 0) {
            return new int[0];
        }
        if (size <= limit) {
            int[] all = new int[size];
            for (int entry = 0; entry < size; entry++) {
                all[entry] = entry;
            }
            return all;
        }
        // A min-heap of entries, weakest at the root: most entries are weaker than everything kept and cost one
        // comparison with the root.
        int[] heap = new int[limit];
        for (int entry = 0; entry < limit; entry++) {
            heap[entry] = entry;
            siftUp(heap, entry);
        }
        for (int entry = limit; entry < size; entry++) {
            if (weaker(entry, heap[0])) {
                continue;
            }
            heap[0] = entry;
            siftDown(heap, limit);
        }
        return heap;
    }

    /** Whether entry {@code a} ranks below entry {@code b}: a lower value, or the same value and a greater id. */
    private boolean weaker(int a, int b) {
        int byValue = Float.compare(value(a), value(b));
        return byValue != 0 ? byValue < 0 : id(a).compareTo(id(b)) > 0;
    }

    private void siftUp(int[] heap, int at) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!weaker(heap[at], heap[parent])) {
                return;
            }
            swap(heap, at, parent);
            at = parent;
        }
    }

    private void siftDown(int[] heap, int length) {
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= length) {
                return;
            }
            if (child + 1 < length && weaker(heap[child + 1], heap[child])) {
                child++;
            }
            if (!weaker(heap[child], heap[at])) {
                return;
            }
            swap(heap, at, child);
            at = child;
        }
    }

    private static void swap(int[] heap, int i, int j) {
        int kept = heap[i];
        heap[i] = heap[j];
        heap[j] = kept;
    }

    /** Removes every entry; the arrays are kept for the next use. */
    public void clear() {
        for (int entry = 0; entry < size; entry++) {
            // By the slot recorded, not by probing: probing stops at the slots already freed.
            keys[slotOfEntry[entry]] = null;
        }
        size = 0;
    }

    /**
     * The values of {@code ids[0..count)}, {@code absent} for those it lacks, into {@code values}; {@code hashes}
     * holds each id's {@code hashCode()}. One pass, for {@link EvidenceSums}'s gathering in passes.
     */
    void getAll(String[] ids, int[] hashes, int count, float absent, float[] values) {
        for (int i = 0; i < count; i++) {
            int slot = slot(ids[i], hashes[i]);
            values[i] = keys[slot] == null ? absent : valueOfSlot[slot];
        }
    }

    /** The slot holding {@code id}, or the free slot where it would go (linear probing). */
    private int slot(String id) {
        return slot(id, id.hashCode());
    }

    private int slot(String id, int hash) {
        int mask = keys.length - 1;
        int slot = mix(hash) & mask;
        while (true) {
            String key = keys[slot];
            if (key == null || key == id || key.equals(id)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        String[] oldKeys = keys;
        float[] oldValues = valueOfSlot;
        keys = new String[oldKeys.length * 2];
        valueOfSlot = new float[keys.length];
        for (int entry = 0; entry < size; entry++) {
            String id = oldKeys[slotOfEntry[entry]];
            int slot = slot(id);
            keys[slot] = id;
            valueOfSlot[slot] = oldValues[slotOfEntry[entry]];
            slotOfEntry[entry] = slot;
        }
    }

    /** Spreads a string hash's bits, since ids that differ in their last characters hash to neighbouring ints. */
    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
