package io.attune.jobs.functions;

import io.attune.jobs.stream.CatalogItem;
import io.attune.jobs.stream.CatalogUpdate;
import org.apache.flink.api.common.functions.MapFunction;

/** Wraps a catalog item for the profile operator's broadcast side. */
public final class AsCatalogUpdate implements MapFunction<CatalogItem, CatalogUpdate> {
    private static final long serialVersionUID = 1L;

    @Override
    public CatalogUpdate map(CatalogItem item) {
        return CatalogUpdate.of(item);
    }
}
