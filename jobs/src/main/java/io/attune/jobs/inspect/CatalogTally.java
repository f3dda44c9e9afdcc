package io.attune.jobs.inspect;

import io.attune.jobs.stream.CatalogItem;

/** Catalog items of one app surface in a savepoint, counted inside the reading job. */
public record CatalogTally(String surface, long items, long active, long sensitive) {

    static CatalogTally of(CatalogItem item) {
        return new CatalogTally(item.app() + "/" + item.surface(), 1, item.active() ? 1 : 0, item.sensitive() ? 1 : 0);
    }

    CatalogTally plus(CatalogTally other) {
        return new CatalogTally(surface, items + other.items, active + other.active, sensitive + other.sensitive);
    }
}
