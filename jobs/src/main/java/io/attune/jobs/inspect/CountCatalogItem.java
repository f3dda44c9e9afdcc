package io.attune.jobs.inspect;

import io.attune.jobs.stream.CatalogItem;
import org.apache.flink.api.common.functions.MapFunction;

/** One catalog item of a savepoint, as a count for its surface. */
public class CountCatalogItem implements MapFunction<CatalogItem, CatalogTally> {

    private static final long serialVersionUID = 1L;

    private final boolean carried;

    /** @param carried whether the items come from the profile stage's own state rather than the catalog store */
    public CountCatalogItem(boolean carried) {
        this.carried = carried;
    }

    @Override
    public CatalogTally map(CatalogItem item) {
        return CatalogTally.of(item, carried);
    }
}
