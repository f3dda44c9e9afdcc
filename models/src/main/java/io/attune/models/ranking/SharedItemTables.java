package io.attune.models.ranking;

import io.attune.models.jvm.SharedVersions;

/**
 * What the {@link ItemTables} of one job's profile subtasks in a JVM share: one numbering of item ids, and one copy
 * of each published table that several of them hold. Every profile subtask receives the same broadcast publications,
 * so a TaskManager with four profile slots held four identical copies of every engaged item's tables (2.2 KB per
 * item each); sharing the storage, not the view, keeps one. Each subtask's {@link ItemTables} still decides alone which
 * table it holds for an item (the one it was last given), so what it ranks and checkpoints is exactly its own sequence
 * of puts, whatever the other subtasks have reached.
 *
 * <p>A table is found again by its content among the few most recent versions of its item's table ({@link #VERSIONS},
 * {@link SharedVersions}: a subtask that lags further behind makes a copy of its own, which the others may not find)
 * and is dropped when the last holder replaces or releases it. The profile operator's catalog items share the same
 * numbering. Thread-safe.
 */
public final class SharedItemTables {

    /** Versions of an item's table kept findable: subtasks rarely lag more than a publication or two behind. */
    static final int VERSIONS = 3;

    private final ItemNumbers numbers = new ItemNumbers();
    private final SharedVersions<PublishedTable> neighbors = new SharedVersions<>(PublishedTable::sameAs, VERSIONS);
    private final SharedVersions<PublishedTable> affinities = new SharedVersions<>(PublishedTable::sameAs, VERSIONS);

    /** The numbering of item ids that every holder of these tables shares. */
    public ItemNumbers numbers() {
        return numbers;
    }

    /** The held copy of the item's co-engaged neighbours with this content, made if no holder has it. */
    PublishedTable holdNeighbors(int item, int[] entries, char[] codes, float unit) {
        return entries.length == 0 ? PublishedTable.EMPTY
                : neighbors.hold(item, new PublishedTable(entries, codes, unit));
    }

    PublishedTable holdAffinity(int item, int[] entries, char[] codes, float unit) {
        return entries.length == 0 ? PublishedTable.EMPTY
                : affinities.hold(item, new PublishedTable(entries, codes, unit));
    }

    void releaseNeighbors(int item, PublishedTable table) {
        if (table != PublishedTable.EMPTY) {
            neighbors.release(item, table);
        }
    }

    void releaseAffinity(int item, PublishedTable table) {
        if (table != PublishedTable.EMPTY) {
            affinities.release(item, table);
        }
    }

    /** How many distinct tables of the item are held, neighbours and affinities together (for tests). */
    int tablesOf(int item) {
        return neighbors.count(item) + affinities.count(item);
    }
}
