package io.attune.jobs.stream;

/**
 * What the profile operator receives on its broadcast side: a catalog item (added, changed or withdrawn), what
 * engagement taught about an item, or word that a subtask of the catalog store or of the item neighbourhoods has sent
 * again all it holds ({@link Resent}). Exactly one of the three is set.
 */
public record CatalogUpdate(CatalogItem item, ItemSignals signals, Resent resent) {

    public static CatalogUpdate of(CatalogItem item) {
        return new CatalogUpdate(item, null, null);
    }

    public static CatalogUpdate of(ItemSignals signals) {
        return new CatalogUpdate(null, signals, null);
    }

    public static CatalogUpdate resent(Resent.From from, int subtask, int subtasks) {
        return new CatalogUpdate(null, null, new Resent(from, subtask, subtasks));
    }
}
