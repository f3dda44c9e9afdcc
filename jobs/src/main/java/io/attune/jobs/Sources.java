package io.attune.jobs;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import io.attune.jobs.stream.RawRecord;
import org.apache.flink.api.connector.source.Source;

/**
 * The job's inputs, one raw JSON string per record with where it came from ({@link RawRecord}): Kafka in production, bounded sources in tests and
 * replays.
 *
 * @param eventTime how records get their timestamps: none for the live job (records are processed as they
 *     arrive); a replay assigns each record its event time, so Flink's batch execution sorts by it
 */
public record Sources(
        Source<RawRecord, ?, ?> assistantMessages,
        Source<RawRecord, ?, ?> engagementSignals,
        Source<RawRecord, ?, ?> accountLinks,
        Source<RawRecord, ?, ?> contentCatalog,
        Source<RawRecord, ?, ?> erasureRequests,
        WatermarkStrategy<RawRecord> eventTime) {

    /** Sources processed in arrival order. */
    public Sources(Source<RawRecord, ?, ?> assistantMessages, Source<RawRecord, ?, ?> engagementSignals,
            Source<RawRecord, ?, ?> accountLinks, Source<RawRecord, ?, ?> contentCatalog,
            Source<RawRecord, ?, ?> erasureRequests) {
        this(assistantMessages, engagementSignals, accountLinks, contentCatalog, erasureRequests,
                WatermarkStrategy.noWatermarks());
    }
}
