package io.attune.jobs.functions;

import io.attune.jobs.stream.CatalogItem;
import org.apache.flink.api.java.functions.KeySelector;

/** Keys catalog items by item id (ids are unique across apps and surfaces). */
public class CatalogItemKey implements KeySelector<CatalogItem, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(CatalogItem item) {
        return item.itemId();
    }
}
