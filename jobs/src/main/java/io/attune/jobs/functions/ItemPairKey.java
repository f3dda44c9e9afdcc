package io.attune.jobs.functions;

import io.attune.jobs.stream.ItemPair;
import org.apache.flink.api.java.functions.KeySelector;

/** Keys item pairs by the item whose neighbourhood they update. */
public final class ItemPairKey implements KeySelector<ItemPair, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(ItemPair pair) {
        return pair.from();
    }
}
