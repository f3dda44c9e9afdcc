package io.attune.jobs.events;

/**
 * An input the job could not use, to the {@code dead-letters} topic, with why.
 *
 * @param payload the input as received, truncated to {@link #MAX_PAYLOAD_CHARS}
 * @param time wall-clock time of the rejection, epoch milliseconds
 */
public record DeadLetter(String sourceTopic, String payload, String reason, long time) {

    public static final int MAX_PAYLOAD_CHARS = 1_000;

    public static DeadLetter of(String sourceTopic, String payload, String reason, long time) {
        String kept = payload == null || payload.length() <= MAX_PAYLOAD_CHARS
                ? payload
                : payload.substring(0, MAX_PAYLOAD_CHARS);
        return new DeadLetter(sourceTopic, kept, reason, time);
    }
}
