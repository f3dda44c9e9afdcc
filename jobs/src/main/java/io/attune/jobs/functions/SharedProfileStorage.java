package io.attune.jobs.functions;

import io.attune.jobs.stream.CatalogItem;
import io.attune.models.jvm.SharedInstances;
import io.attune.models.jvm.SharedVersions;
import io.attune.models.ranking.ItemNumbers;
import io.attune.models.ranking.SharedItemTables;

/**
 * What the profile subtasks of one job in this JVM share, held like the embedding model: the first subtask to
 * {@link #acquire} makes it, the last to {@link #release} lets it go. Every profile subtask holds the whole catalog and
 * every engaged item's tables, given to each by the same broadcast, so those of one TaskManager held identical copies
 * of both; leased per job, they keep one copy of each table ({@link SharedItemTables}) and of each catalog item as
 * it is checkpointed ({@link #catalogItems}). Each subtask's ranking index still codes the embeddings of its own
 * catalog into its own lists, laid out for its probes.
 */
final class SharedProfileStorage {

    /** Versions of a catalog item kept findable: an item changes rarely, and subtasks lag a change or two at most. */
    static final int CATALOG_VERSIONS = 3;

    private static final SharedInstances<String, SharedProfileStorage> JOBS =
            new SharedInstances<>(storage -> { });

    private final SharedItemTables itemTables = new SharedItemTables();
    private final SharedVersions<CatalogItem> catalog =
            new SharedVersions<>(CatalogItem::sameContent, CATALOG_VERSIONS);

    private SharedProfileStorage() {}

    /** What the job's profile subtasks in this JVM share; each call must be {@link #release}d. */
    static SharedProfileStorage acquire(String job) {
        return JOBS.acquire(job, key -> new SharedProfileStorage());
    }

    static void release(String job) {
        JOBS.release(job);
    }

    static int holders(String job) {
        return JOBS.references(job);
    }

    SharedItemTables itemTables() {
        return itemTables;
    }

    /** Keeps one copy of each catalog item among the subtasks, found by the item's number in the tables' numbering. */
    ReplicatedState.Sharing<CatalogItem> catalogItems() {
        return new SharedCatalogItems(itemTables.numbers(), catalog);
    }

    /** How many versions of the item are held and findable (for tests). */
    int catalogVersions(String itemId) {
        int number = itemTables.numbers().find(itemId);
        return number < 0 ? 0 : catalog.count(number);
    }

    private static final class SharedCatalogItems implements ReplicatedState.Sharing<CatalogItem> {

        private final ItemNumbers numbers;
        private final SharedVersions<CatalogItem> versions;

        SharedCatalogItems(ItemNumbers numbers, SharedVersions<CatalogItem> versions) {
            this.numbers = numbers;
            this.versions = versions;
        }

        @Override
        public CatalogItem hold(String id, CatalogItem item) {
            return versions.hold(numbers.number(id), item);
        }

        @Override
        public void release(String id, CatalogItem item) {
            versions.release(numbers.find(id), item);
        }
    }
}
