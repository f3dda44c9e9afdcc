package io.attune.jobs.inspect;

import org.apache.flink.api.common.functions.ReduceFunction;

/** Sums the counts of one surface. */
public class SumCatalogTallies implements ReduceFunction<CatalogTally> {

    private static final long serialVersionUID = 1L;

    @Override
    public CatalogTally reduce(CatalogTally a, CatalogTally b) {
        return a.plus(b);
    }
}
