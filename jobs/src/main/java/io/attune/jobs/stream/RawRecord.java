package io.attune.jobs.stream;

/**
 * One input record as a source reads it, before parsing: its payload and where it came from, so that a dead letter
 * can point at the record (whose text it may not copy) instead of repeating it.
 *
 * @param payload the record's value as UTF-8 text; empty for a Kafka record without a value
 * @param origin where the record is: {@code partition P, offset O} on Kafka, {@code line N} of a replayed file;
 *     {@code null} when the source cannot say
 */
public record RawRecord(String payload, String origin) {}
