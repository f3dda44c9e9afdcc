package io.attune.jobs.inspect;

import io.attune.jobs.stream.CatalogItem;
import org.apache.flink.api.common.functions.MapFunction;

/** One catalog item of the profile stage's state, as a count for its surface. */
public class CountCatalogItem implements MapFunction<CatalogItem, CatalogTally> {

    private static final long serialVersionUID = 1L;

    @Override
    public CatalogTally map(CatalogItem item) {
        return CatalogTally.of(item);
    }
}
