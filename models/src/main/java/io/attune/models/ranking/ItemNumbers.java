package io.attune.models.ranking;

import java.util.Arrays;

/**
 * A dense number per item id, 0, 1, 2… in the order ids are first seen, and the id back from its number. What a
 * refresh gathers per item (popularity, sums) is then a plain array read at the item's number, not a hash lookup
 * that reads the id's characters: a refresh gathers thousands of entries naming random items, and each string read
 * was a likely cache miss. Numbers are never reused, so a number stays valid as long as this object lives; they are
 * not stable across objects (rebuilt after a restore), so nothing keyed by them may be persisted.
 *
 * <p>Thread-safe, for the profile subtasks of a JVM that share one numbering ({@link SharedItemTables}): numbering
 * and finding take a lock (a put numbers a few hundred ids, a refresh finds a few hundred), while {@link #id} and
 * {@link #size}, which gathering reads for every entry, do not. A number reaches another thread only through
 * something published after it was assigned (a shared table, or {@link #find}), so its id is there to read.
 */
public final class ItemNumbers {

    private static final int MIN_CAPACITY = 16;

    /** Slot of the open-addressing table to the id stored there, {@code null} when free. */
    private String[] keys;
    /** Slot to the number of its id. */
    private int[] numberOfSlot;
    /** Number to id; replaced, never shrunk, when full. */
    private volatile String[] ids = new String[MIN_CAPACITY];
    private volatile int size;

    public ItemNumbers() {
        keys = new String[MIN_CAPACITY * 2];
        numberOfSlot = new int[keys.length];
    }

    /** The id's number, assigned (the next one) if the id had none. */
    public synchronized int number(String id) {
        int slot = slot(id);
        if (keys[slot] != null) {
            return numberOfSlot[slot];
        }
        String[] current = ids;
        int number = size;
        if (number == current.length) {
            current = Arrays.copyOf(current, number * 2);
        }
        current[number] = id;
        ids = current;
        size = number + 1;
        keys[slot] = id;
        numberOfSlot[slot] = number;
        if (size * 2 > keys.length) {
            grow();
        }
        return number;
    }

    /** The id's number, or -1 when it has none. */
    public synchronized int find(String id) {
        int slot = slot(id);
        return keys[slot] == null ? -1 : numberOfSlot[slot];
    }

    /** The id numbered {@code number}, {@code 0 <= number < size()}. */
    public String id(int number) {
        return ids[number];
    }

    /** How many ids are numbered: every number is below it. */
    public int size() {
        return size;
    }

    private int slot(String id) {
        int mask = keys.length - 1;
        int h = id.hashCode() * 0x9E3779B9;
        int slot = (h ^ (h >>> 16)) & mask;
        while (true) {
            String key = keys[slot];
            if (key == null || key == id || key.equals(id)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        keys = new String[keys.length * 2];
        numberOfSlot = new int[keys.length];
        for (int number = 0; number < size; number++) {
            int slot = slot(ids[number]);
            keys[slot] = ids[number];
            numberOfSlot[slot] = number;
        }
    }
}
