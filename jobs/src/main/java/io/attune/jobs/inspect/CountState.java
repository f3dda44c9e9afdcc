package io.attune.jobs.inspect;

import org.apache.flink.api.common.functions.MapFunction;

/** One keyed state entry's counts, to be summed with {@link SumTallies}. */
public class CountState implements MapFunction<KeyedStateEntry, StateTally> {

    private static final long serialVersionUID = 1L;

    @Override
    public StateTally map(KeyedStateEntry entry) {
        return StateTally.of(entry);
    }
}
