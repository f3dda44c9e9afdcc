package io.attune.jobs.stream;

/**
 * An assistant message with its embedding, on its way to the guard. The guard is the last stage that sees
 * {@code text}: what it lets through carries the embedding only.
 *
 * @param embedding the message embedding; {@code null} when embedding failed
 * @param error why embedding failed; {@code null} when it worked
 */
public record EmbeddedMessage(
        String eventId, String app, String accountId, long timestamp, String text, float[] embedding, String error) {}
