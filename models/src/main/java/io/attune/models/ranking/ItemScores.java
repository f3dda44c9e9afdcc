package io.attune.models.ranking;

import java.util.Arrays;
import java.util.Map;

/**
 * A float per item id, summed in place: scores keyed by id where no {@link ItemNumbers numbering} is at hand
 * (scores given to the ranker as they are, in tests and benchmarks). An open-addressing table of ids and primitive
 * floats, so an addition boxes nothing and allocates nothing, and the same {@code String} instance is recognised
 * by reference before any character is compared. Entries keep the order they were first added in;
 * {@link #clear()} empties the table for reuse without giving up its arrays. Not thread-safe.
 */
public final class ItemScores implements ScoredItems {

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
        int slot = slot(id);
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

    @Override
    public float getOrDefault(String id, float absent) {
        int slot = slot(id);
        return keys[slot] == null ? absent : valueOfSlot[slot];
    }

    public boolean contains(String id) {
        return keys[slot(id)] != null;
    }

    @Override
    public int size() {
        return size;
    }

    /** In order of first addition. */
    @Override
    public String id(int entry) {
        return keys[slotOfEntry[entry]];
    }

    @Override
    public float value(int entry) {
        return valueOfSlot[slotOfEntry[entry]];
    }

    /** Removes every entry; the arrays are kept for the next use. */
    public void clear() {
        for (int entry = 0; entry < size; entry++) {
            // By the slot recorded, not by probing: probing stops at the slots already freed.
            keys[slotOfEntry[entry]] = null;
        }
        size = 0;
    }

    /** The slot holding {@code id}, or the free slot where it would go (linear probing). */
    private int slot(String id) {
        int mask = keys.length - 1;
        int slot = mix(id.hashCode()) & mask;
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
