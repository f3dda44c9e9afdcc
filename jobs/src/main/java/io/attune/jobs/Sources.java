package io.attune.jobs;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;

/**
 * The job's inputs, one raw JSON string per record: Kafka in production, bounded sources in tests and
 * replays.
 *
 * @param eventTime how records get their timestamps: none for the live job (records are processed as they
 *     arrive); a replay assigns each record its event time, so Flink's batch execution sorts by it
 */
public record Sources(
        Source<String, ?, ?> assistantMessages,
        Source<String, ?, ?> engagementSignals,
        Source<String, ?, ?> accountLinks,
        Source<String, ?, ?> contentCatalog,
        Source<String, ?, ?> erasureRequests,
        WatermarkStrategy<String> eventTime) {

    /** Sources processed in arrival order. */
    public Sources(Source<String, ?, ?> assistantMessages, Source<String, ?, ?> engagementSignals,
            Source<String, ?, ?> accountLinks, Source<String, ?, ?> contentCatalog,
            Source<String, ?, ?> erasureRequests) {
        this(assistantMessages, engagementSignals, accountLinks, contentCatalog, erasureRequests,
                WatermarkStrategy.noWatermarks());
    }
}
