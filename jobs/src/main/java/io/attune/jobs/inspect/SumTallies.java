package io.attune.jobs.inspect;

import org.apache.flink.api.common.functions.ReduceFunction;

/** Sums tallies of keyed state. */
public class SumTallies implements ReduceFunction<StateTally> {

    private static final long serialVersionUID = 1L;

    @Override
    public StateTally reduce(StateTally a, StateTally b) {
        return a.plus(b);
    }
}
