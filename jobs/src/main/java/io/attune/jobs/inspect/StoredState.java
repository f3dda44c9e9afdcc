package io.attune.jobs.inspect;

import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;

/** How {@code bin/attune inspect} reads state kept with a time-to-live. */
final class StoredState {

    /**
     * Shows what is stored, expired or not: an expired value that cleanup has not yet removed is still held, and
     * an inspection (or an access request) must not hide it. The duration only decides what counts as expired,
     * which this visibility ignores; the serialized form does not depend on it.
     */
    static final StateTtlConfig TTL = StateTtlConfig.newBuilder(Duration.ofDays(365))
            .setStateVisibility(StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp)
            .build();

    private StoredState() {}
}
