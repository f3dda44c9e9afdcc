package io.attune.jobs.stream;

/**
 * What the profile operator receives on its broadcast side: a catalog item (added, changed or withdrawn), what
 * engagement taught about an item, or word that one catalog store subtask has sent again all it holds. Exactly one
 * of the three is set.
 */
public record CatalogUpdate(CatalogItem item, ItemSignals signals, CatalogResent resent) {

    public static CatalogUpdate of(CatalogItem item) {
        return new CatalogUpdate(item, null, null);
    }

    public static CatalogUpdate of(ItemSignals signals) {
        return new CatalogUpdate(null, signals, null);
    }

    public static CatalogUpdate resent(int subtask, int subtasks) {
        return new CatalogUpdate(null, null, new CatalogResent(subtask, subtasks));
    }
}
