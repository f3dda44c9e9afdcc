package io.attune.models.ranking;

import java.util.Arrays;

/**
 * What the {@link ItemTables} of one job's profile subtasks in a JVM share: one numbering of item ids, and one copy
 * of each published table that several of them hold. Every profile subtask receives the same broadcast publications,
 * so a TaskManager with four profile slots held four identical copies of every engaged item's tables (2.2 KB per
 * item each); sharing the storage, not the view, keeps one. Each subtask's {@link ItemTables} still decides alone which
 * table it holds for an item (the one it was last given), so what it ranks and checkpoints is exactly its own sequence
 * of puts, whatever the other subtasks have reached.
 *
 * <p>A table is found again by its content among the few most recent versions of its item's table ({@link #VERSIONS}:
 * a subtask that lags further behind makes a copy of its own, which the others may not find) and is dropped when the
 * last holder replaces or releases it. Thread-safe.
 */
public final class SharedItemTables {

    /** Versions of an item's table kept findable: subtasks rarely lag more than a publication or two behind. */
    static final int VERSIONS = 3;

    private final ItemNumbers numbers = new ItemNumbers();
    private final Versions neighbors = new Versions();
    private final Versions affinities = new Versions();

    ItemNumbers numbers() {
        return numbers;
    }

    /** The held copy of the item's co-engaged neighbours with this content, made if no holder has it. */
    PublishedTable holdNeighbors(int item, int[] entries, char[] codes, float unit) {
        return neighbors.hold(item, entries, codes, unit);
    }

    PublishedTable holdAffinity(int item, int[] entries, char[] codes, float unit) {
        return affinities.hold(item, entries, codes, unit);
    }

    void releaseNeighbors(int item, PublishedTable table) {
        neighbors.release(item, table);
    }

    void releaseAffinity(int item, PublishedTable table) {
        affinities.release(item, table);
    }

    /** How many distinct tables of the item are held, neighbours and affinities together (for tests). */
    int tablesOf(int item) {
        return neighbors.count(item) + affinities.count(item);
    }

    /** The findable versions of every item's table of one kind, by item number. */
    private static final class Versions {

        private PublishedTable[][] byItem = new PublishedTable[16][];

        synchronized PublishedTable hold(int item, int[] entries, char[] codes, float unit) {
            if (entries.length == 0) {
                return PublishedTable.EMPTY;
            }
            if (item >= byItem.length) {
                byItem = Arrays.copyOf(byItem, Math.max(item + 1, byItem.length * 2));
            }
            PublishedTable[] versions = byItem[item];
            if (versions == null) {
                versions = new PublishedTable[VERSIONS];
                byItem[item] = versions;
            }
            for (PublishedTable version : versions) {
                if (version != null && version.sameAs(entries, codes, unit)) {
                    version.holders++;
                    return version;
                }
            }
            PublishedTable made = new PublishedTable(entries, codes, unit);
            made.holders = 1;
            // Oldest first: the newest version is the one the other subtasks are about to be given, so it stays
            // findable, and the oldest makes room (its holders keep it, unfindable, until they move on).
            int kept = 0;
            for (PublishedTable version : versions) {
                if (version != null) {
                    versions[kept++] = version;
                }
            }
            if (kept == versions.length) {
                System.arraycopy(versions, 1, versions, 0, kept - 1);
                kept--;
            }
            versions[kept] = made;
            Arrays.fill(versions, kept + 1, versions.length, null);
            return made;
        }

        synchronized void release(int item, PublishedTable table) {
            if (table == PublishedTable.EMPTY || --table.holders > 0 || item >= byItem.length
                    || byItem[item] == null) {
                return;
            }
            PublishedTable[] versions = byItem[item];
            for (int v = 0; v < versions.length; v++) {
                if (versions[v] == table) {
                    versions[v] = null;
                }
            }
        }

        synchronized int count(int item) {
            if (item >= byItem.length || byItem[item] == null) {
                return 0;
            }
            int count = 0;
            for (PublishedTable version : byItem[item]) {
                count += version == null ? 0 : 1;
            }
            return count;
        }
    }
}
