package io.attune.jobs.kafka;

import org.apache.flink.api.common.serialization.SimpleStringSchema;

/**
 * A Kafka record's value as a UTF-8 string, and a record without a value (a tombstone: a compacted topic's delete,
 * or a producer's null) as the empty string, which the parse stage sends to the dead letters as an empty payload.
 * {@link SimpleStringSchema} throws on it, which fails the source, and after every restart the same record again.
 */
public class ValueOrEmptySchema extends SimpleStringSchema {

    private static final long serialVersionUID = 1L;

    @Override
    public String deserialize(byte[] message) {
        return message == null ? "" : super.deserialize(message);
    }
}
