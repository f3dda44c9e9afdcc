package io.attune.models.ranking;

import java.util.Arrays;

/**
 * One item's published table as {@link ItemTables} keep it: each entry's item by {@link ItemNumbers number} and its
 * weight as a {@link WeightCodes code} times {@link #unit}. Immutable, so the profile subtasks of one JVM that put the
 * same publication can hold one copy ({@link SharedItemTables}).
 */
final class PublishedTable {

    static final PublishedTable EMPTY = new PublishedTable(new int[0], new char[0], 1f);

    final int[] items;
    final char[] codes;
    final float unit;

    PublishedTable(int[] items, char[] codes, float unit) {
        this.items = items;
        this.codes = codes;
        this.unit = unit;
    }

    /** Writes the guaranteed weights, in entry order, into {@code into} from {@code offset}. */
    void decodeInto(float[] into, int offset) {
        for (int i = 0; i < codes.length; i++) {
            into[offset + i] = codes[i] * unit;
        }
    }

    boolean sameAs(PublishedTable other) {
        return unit == other.unit && Arrays.equals(items, other.items) && Arrays.equals(codes, other.codes);
    }
}
