package io.attune.jobs.inspect;

import org.apache.flink.api.java.functions.KeySelector;

/** One key for every tally, so that a batch reduce ends with a single one. */
public class AllTogether implements KeySelector<StateTally, Integer> {

    private static final long serialVersionUID = 1L;

    @Override
    public Integer getKey(StateTally tally) {
        return 0;
    }
}
