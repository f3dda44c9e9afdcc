package io.attune.models.ranking;

import java.util.Arrays;

/**
 * One item's published table as {@link ItemTables} keep it: each entry's item by {@link ItemNumbers number} and its
 * weight as a {@link WeightCodes code} times {@link #unit}. Immutable, so the profile subtasks of one JVM that put the
 * same publication can hold one copy ({@link SharedItemTables}); {@code holders} counts them, under the lock of the
 * {@link SharedItemTables} that made it.
 */
final class PublishedTable {

    static final PublishedTable EMPTY = new PublishedTable(new int[0], new char[0], 1f);

    final int[] items;
    final char[] codes;
    final float unit;
    /** How many {@link ItemTables} hold this table; guarded by the owning {@link SharedItemTables}. */
    int holders;

    PublishedTable(int[] items, char[] codes, float unit) {
        this.items = items;
        this.codes = codes;
        this.unit = unit;
    }

    boolean sameAs(int[] otherItems, char[] otherCodes, float otherUnit) {
        return unit == otherUnit && Arrays.equals(items, otherItems) && Arrays.equals(codes, otherCodes);
    }
}
