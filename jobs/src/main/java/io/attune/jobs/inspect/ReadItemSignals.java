package io.attune.jobs.inspect;

import io.attune.jobs.Uids;
import io.attune.jobs.functions.ItemNeighborhood;
import io.attune.jobs.stream.ItemSignals;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

/** Reads the item stage's state: what engagement taught about each item (summed over everyone). */
public class ReadItemSignals extends KeyedStateReaderFunction<String, KeyedStateEntry> {

    private static final long serialVersionUID = 1L;

    private final KeyFilter items;
    private transient ValueState<ItemSignals> signals;

    public ReadItemSignals(KeyFilter items) {
        this.items = items;
    }

    @Override
    public void open(OpenContext openContext) {
        signals = getRuntimeContext().getState(ItemNeighborhood.signalsDescriptor(StoredState.TTL));
    }

    @Override
    public void readKey(String item, Context ctx, Collector<KeyedStateEntry> out) throws Exception {
        ItemSignals value = signals.value();
        out.collect(value != null && items.keeps(item)
                ? KeyedStateEntry.item(Uids.ITEM_NEIGHBORHOOD, item, value)
                : KeyedStateEntry.skipped(Uids.ITEM_NEIGHBORHOOD, item));
    }
}
