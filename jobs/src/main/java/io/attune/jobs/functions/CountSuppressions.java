package io.attune.jobs.functions;

import io.attune.jobs.events.SuppressionCount;
import io.attune.jobs.stream.SuppressionNotice;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Counts suppressions of one (app, category) in a window; {@link StampSuppressionWindow} adds the bounds. */
public class CountSuppressions implements AggregateFunction<SuppressionNotice, SuppressionCount, SuppressionCount> {

    private static final long serialVersionUID = 1L;

    @Override
    public SuppressionCount createAccumulator() {
        return new SuppressionCount(null, null, 0L, 0L, 0L);
    }

    @Override
    public SuppressionCount add(SuppressionNotice notice, SuppressionCount acc) {
        return new SuppressionCount(notice.app(), notice.category(), 0L, 0L, acc.count() + 1);
    }

    @Override
    public SuppressionCount getResult(SuppressionCount acc) {
        return acc;
    }

    @Override
    public SuppressionCount merge(SuppressionCount a, SuppressionCount b) {
        SuppressionCount named = a.app() != null ? a : b;
        return new SuppressionCount(named.app(), named.category(), 0L, 0L, a.count() + b.count());
    }
}
