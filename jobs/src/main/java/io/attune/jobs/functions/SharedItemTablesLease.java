package io.attune.jobs.functions;

import io.attune.models.jvm.SharedInstances;
import io.attune.models.ranking.SharedItemTables;

/**
 * The {@link SharedItemTables} of one job's profile subtasks in this JVM, held like the embedding model: the first
 * subtask to {@link #acquire} makes them, the last to {@link #release} lets them go. Every profile subtask holds every
 * engaged item's tables, and those of one TaskManager hold identical ones; leased per job, they keep one copy.
 */
final class SharedItemTablesLease {

    private static final SharedInstances<String, SharedItemTables> TABLES = new SharedInstances<>(tables -> { });

    private SharedItemTablesLease() {}

    /** The tables the job's subtasks in this JVM share; each call must be {@link #release}d. */
    static SharedItemTables acquire(String job) {
        return TABLES.acquire(job, key -> new SharedItemTables());
    }

    static void release(String job) {
        TABLES.release(job);
    }

    static int holders(String job) {
        return TABLES.references(job);
    }
}
