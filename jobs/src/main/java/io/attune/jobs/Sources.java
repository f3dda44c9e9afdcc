package io.attune.jobs;

import org.apache.flink.api.connector.source.Source;

/** The job's inputs, one raw JSON string per record: Kafka in production, bounded sources in tests. */
public record Sources(
        Source<String, ?, ?> assistantMessages,
        Source<String, ?, ?> engagementSignals,
        Source<String, ?, ?> accountLinks,
        Source<String, ?, ?> contentCatalog) {}
