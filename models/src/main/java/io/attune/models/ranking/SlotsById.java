package io.attune.models.ranking;

import java.util.Arrays;

/**
 * Which slot of a {@link CatalogPartition} holds each item id: an open-addressing table of the ids (the partition's
 * own strings, not copies) and their slots, about 16 bytes per item where a {@code HashMap<String, Integer>} took
 * about 55 (an entry, a boxed slot and its share of the table), in every profile subtask's index of every catalog item.
 * Linear probing; a removal shifts the entries after it back, so no tombstones build up under live catalog changes.
 */
final class SlotsById {

    private static final int MIN_CAPACITY = 16;

    private String[] ids = new String[MIN_CAPACITY];
    private int[] slots = new int[MIN_CAPACITY];
    private int size;

    /** The id's slot, or -1. */
    int get(String id) {
        int at = find(id);
        return ids[at] == null ? -1 : slots[at];
    }

    /** Sets the id's slot, replacing any it had. */
    void put(String id, int slot) {
        int at = find(id);
        if (ids[at] == null) {
            ids[at] = id;
            size++;
        }
        slots[at] = slot;
        if (size * 2 > ids.length) {
            resize(ids.length * 2);
        }
    }

    /** Removes the id; returns its slot, or -1 if it had none. */
    int remove(String id) {
        int at = find(id);
        if (ids[at] == null) {
            return -1;
        }
        int slot = slots[at];
        int mask = ids.length - 1;
        // Backward-shift deletion: move up each later entry of the run that the hole would cut off from its home.
        int hole = at;
        int next = (hole + 1) & mask;
        while (ids[next] != null) {
            int home = home(ids[next], mask);
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                ids[hole] = ids[next];
                slots[hole] = slots[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        ids[hole] = null;
        size--;
        return slot;
    }

    int size() {
        return size;
    }

    /** Where the id is, or the free place where it would go. */
    private int find(String id) {
        int mask = ids.length - 1;
        int at = home(id, mask);
        while (ids[at] != null && !ids[at].equals(id)) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private static int home(String id, int mask) {
        int h = id.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private void resize(int capacity) {
        String[] oldIds = ids;
        int[] oldSlots = slots;
        ids = new String[capacity];
        slots = new int[capacity];
        size = 0;
        for (int i = 0; i < oldIds.length; i++) {
            if (oldIds[i] != null) {
                put(oldIds[i], oldSlots[i]);
            }
        }
        Arrays.fill(oldIds, null);
    }
}
