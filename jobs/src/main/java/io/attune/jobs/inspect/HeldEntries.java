package io.attune.jobs.inspect;

import org.apache.flink.api.common.functions.FilterFunction;

/** Keeps the entries that hold state: drops the {@link KeyedStateEntry#skipped} ones. */
public class HeldEntries implements FilterFunction<KeyedStateEntry> {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean filter(KeyedStateEntry entry) {
        return entry.holdsState();
    }
}
