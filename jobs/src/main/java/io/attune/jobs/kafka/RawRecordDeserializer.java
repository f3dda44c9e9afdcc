package io.attune.jobs.kafka;

import io.attune.jobs.stream.RawRecord;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A Kafka record as a {@link RawRecord}: its value as UTF-8 text with its partition and offset. A record without a
 * value (a tombstone: a compacted topic's delete, or a producer's null) becomes the empty string, which the parse
 * stage sends to the dead letters as an empty payload; failing on it would fail the source, and after every restart
 * on the same record again.
 */
public class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
        String payload = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        out.collect(new RawRecord(payload, "partition " + record.partition() + ", offset " + record.offset()));
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }
}
