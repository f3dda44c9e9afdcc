package io.attune.jobs.inspect;

import io.attune.jobs.functions.CatalogStore;
import io.attune.jobs.stream.CatalogItem;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

/** Reads the catalog items the catalog store keeps (since 0.12), each once. */
public class ReadCatalogStore extends KeyedStateReaderFunction<String, CatalogItem> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<CatalogItem> item;

    @Override
    public void open(OpenContext openContext) {
        item = getRuntimeContext().getState(CatalogStore.itemDescriptor());
    }

    @Override
    public void readKey(String itemId, Context ctx, Collector<CatalogItem> out) throws Exception {
        CatalogItem value = item.value();
        if (value != null) {
            out.collect(value);
        }
    }
}
