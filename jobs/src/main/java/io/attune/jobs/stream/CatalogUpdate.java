package io.attune.jobs.stream;

/**
 * What the profile operator receives on its broadcast side: either a catalog item (added, changed or
 * withdrawn) or what engagement taught about an item. Exactly one of the two is set.
 */
public record CatalogUpdate(CatalogItem item, ItemSignals signals) {

    public static CatalogUpdate of(CatalogItem item) {
        return new CatalogUpdate(item, null);
    }

    public static CatalogUpdate of(ItemSignals signals) {
        return new CatalogUpdate(null, signals);
    }
}
