package io.attune.jobs.events;

/**
 * An input the job could not use, to the {@code dead-letters} topic, with why.
 *
 * @param payload the input as received, truncated to {@link #MAX_PAYLOAD_CHARS}
 * @param time wall-clock time of the rejection, epoch milliseconds
 * @param origin where the rejected record is in its source ({@code partition P, offset O}, {@code line N}), to find
 *     it there when the payload is withheld; {@code null} when not known (a rejection after parsing)
 */
public record DeadLetter(String sourceTopic, String payload, String reason, long time, String origin) {

    public DeadLetter(String sourceTopic, String payload, String reason, long time) {
        this(sourceTopic, payload, reason, time, null);
    }

    public static final int MAX_PAYLOAD_CHARS = 1_000;

    public static DeadLetter of(String sourceTopic, String payload, String reason, long time) {
        return of(sourceTopic, payload, reason, time, null);
    }

    public static DeadLetter of(String sourceTopic, String payload, String reason, long time, String origin) {
        String kept = payload == null || payload.length() <= MAX_PAYLOAD_CHARS
                ? payload
                : payload.substring(0, MAX_PAYLOAD_CHARS);
        return new DeadLetter(sourceTopic, kept, reason, time, origin);
    }
}
