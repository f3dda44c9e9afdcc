package io.attune.jobs.inspect;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.java.tuple.Tuple2;

/** The value of one broadcast state entry (savepoints before 0.7 kept the catalog as broadcast state). */
public class BroadcastValue<V> implements MapFunction<Tuple2<String, V>, V> {

    private static final long serialVersionUID = 1L;

    @Override
    public V map(Tuple2<String, V> entry) {
        return entry.f1;
    }
}
