package io.attune.jobs.kafka;

import io.attune.jobs.events.DeadLetter;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.events.SuppressionCount;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** Kafka value and key serializers for the job's outputs. */
public final class JsonLines {

    private JsonLines() {}

    /** A refresh as JSON (docs/events.md). */
    public static final class RefreshValue implements SerializationSchema<RecommendationRefresh> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(RecommendationRefresh refresh) {
            return EventJson.toJson(refresh).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Keys refreshes by person, so one person's refreshes stay in order in one partition. */
    public static final class RefreshKey implements SerializationSchema<RecommendationRefresh> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(RecommendationRefresh refresh) {
            return refresh.centerId().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A suppression count as JSON (docs/events.md). */
    public static final class SuppressionCountValue implements SerializationSchema<SuppressionCount> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(SuppressionCount count) {
            return EventJson.toJson(count).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A dead letter as JSON (docs/events.md). */
    public static final class DeadLetterValue implements SerializationSchema<DeadLetter> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(DeadLetter deadLetter) {
            return EventJson.toJson(deadLetter).getBytes(StandardCharsets.UTF_8);
        }
    }
}
