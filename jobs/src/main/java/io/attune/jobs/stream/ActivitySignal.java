package io.attune.jobs.stream;

/**
 * One account's activity that may move its person's interests: a guarded assistant message (with its
 * embedding, never its text) or an engagement with a catalog item (with the item id; the profile looks up
 * the item's embedding).
 *
 * @param embedding the message embedding; {@code null} for engagements
 * @param itemId the engaged item; {@code null} for messages
 */
public record ActivitySignal(
        String eventId, String app, String accountId, long timestamp, ActivityKind kind, String itemId,
        float[] embedding) {}
