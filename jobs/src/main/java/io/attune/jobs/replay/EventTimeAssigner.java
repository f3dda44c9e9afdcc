package io.attune.jobs.replay;

import io.attune.jobs.stream.RawRecord;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.events.InvalidEventException;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/**
 * Gives each raw input record its event time (its {@code timestamp} field), so a bounded run in batch
 * execution processes every person's and every account's events in event-time order. A record without a
 * readable time sorts first; parsing then dead-letters it with the reason.
 */
public final class EventTimeAssigner implements SerializableTimestampAssigner<RawRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(RawRecord record, long recordTimestamp) {
        try {
            return EventJson.eventTime(record.payload());
        } catch (InvalidEventException | RuntimeException unreadable) {
            return Long.MIN_VALUE;
        }
    }
}
