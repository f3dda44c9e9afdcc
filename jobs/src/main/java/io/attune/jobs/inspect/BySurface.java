package io.attune.jobs.inspect;

import org.apache.flink.api.java.functions.KeySelector;

/** Keys catalog counts by app surface. */
public class BySurface implements KeySelector<CatalogTally, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(CatalogTally tally) {
        return tally.surface();
    }
}
