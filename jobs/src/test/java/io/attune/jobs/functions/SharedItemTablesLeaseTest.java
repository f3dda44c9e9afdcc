package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.models.ranking.SharedItemTables;
import org.junit.jupiter.api.Test;

/** The profile subtasks of one job in a JVM share one {@link SharedItemTables}; other jobs have their own. */
class SharedItemTablesLeaseTest {

    @Test
    void oneJobsSubtasksShareTheTablesUntilTheLastLetsGo() {
        SharedItemTables first = SharedItemTablesLease.acquire("job-a");
        SharedItemTables second = SharedItemTablesLease.acquire("job-a");
        SharedItemTables otherJob = SharedItemTablesLease.acquire("job-b");

        assertThat(second).isSameAs(first);
        assertThat(otherJob).isNotSameAs(first);
        assertThat(SharedItemTablesLease.holders("job-a")).isEqualTo(2);

        SharedItemTablesLease.release("job-a");
        SharedItemTablesLease.release("job-a");
        SharedItemTablesLease.release("job-b");
        assertThat(SharedItemTablesLease.holders("job-a")).isZero();
        assertThat(SharedItemTablesLease.acquire("job-a")).as("made again after the last release").isNotSameAs(first);
        SharedItemTablesLease.release("job-a");
    }
}
