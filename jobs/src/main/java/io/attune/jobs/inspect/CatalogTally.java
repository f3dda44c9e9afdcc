package io.attune.jobs.inspect;

import io.attune.jobs.stream.CatalogItem;

/**
 * Catalog items of one app surface in a savepoint, counted inside the reading job.
 *
 * @param carried items the profile stage still writes itself: restored from a savepoint before 0.12 and not updated
 *     through the catalog store since
 */
public record CatalogTally(String surface, long items, long active, long sensitive, long carried) {

    static CatalogTally of(CatalogItem item, boolean carried) {
        return new CatalogTally(item.app() + "/" + item.surface(), 1, item.active() ? 1 : 0, item.sensitive() ? 1 : 0,
                carried ? 1 : 0);
    }

    CatalogTally plus(CatalogTally other) {
        return new CatalogTally(surface, items + other.items, active + other.active, sensitive + other.sensitive,
                carried + other.carried);
    }
}
