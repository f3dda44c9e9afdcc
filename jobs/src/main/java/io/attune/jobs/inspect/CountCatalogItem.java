package io.attune.jobs.inspect;

import io.attune.jobs.stream.CatalogItem;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.java.tuple.Tuple2;

/** One catalog entry of the profile stage's broadcast state, as a count for its surface. */
public class CountCatalogItem implements MapFunction<Tuple2<String, CatalogItem>, CatalogTally> {

    private static final long serialVersionUID = 1L;

    @Override
    public CatalogTally map(Tuple2<String, CatalogItem> entry) {
        return CatalogTally.of(entry.f1);
    }
}
