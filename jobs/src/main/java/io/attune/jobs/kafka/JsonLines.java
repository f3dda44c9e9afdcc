package io.attune.jobs.kafka;

import io.attune.jobs.events.RecommendationRefresh;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.util.function.SerializableFunction;

/** Kafka value and key serializers for the job's outputs. */
public final class JsonLines {

    private JsonLines() {}

    /** Any output as a UTF-8 JSON line, given its {@code EventJson::toJson} (docs/events.md). */
    public static final class Value<T> implements SerializationSchema<T> {
        private static final long serialVersionUID = 1L;

        private final SerializableFunction<T, String> toJson;

        public Value(SerializableFunction<T, String> toJson) {
            this.toJson = toJson;
        }

        @Override
        public byte[] serialize(T element) {
            return toJson.apply(element).getBytes(StandardCharsets.UTF_8);
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
}
