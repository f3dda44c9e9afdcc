package io.attune.jobs.stream;

/**
 * One account's activity that may move its person's interests: a guarded assistant message (with its
 * embedding, never its text) or an engagement with a catalog item (with the item id; the profile looks up
 * the item's embedding).
 *
 * @param embedding the message embedding; {@code null} for engagements
 * @param itemId the engaged item; {@code null} for messages
 * @param ownAppOnly for a message: its account's holder keeps what their assistant messages teach to the account's
 *     own app (the identity stage, which holds the setting, stamps it)
 */
public record ActivitySignal(
        String eventId, String app, String accountId, long timestamp, ActivityKind kind, String itemId,
        float[] embedding, boolean ownAppOnly) {

    /** Activity as its source produces it, before the identity stage stamps the account's setting. */
    public ActivitySignal(String eventId, String app, String accountId, long timestamp, ActivityKind kind,
            String itemId, float[] embedding) {
        this(eventId, app, accountId, timestamp, kind, itemId, embedding, false);
    }

    /** The same activity, stamped with whether its account keeps its messages' teaching to its own app. */
    public ActivitySignal withOwnAppOnly(boolean only) {
        return only == ownAppOnly ? this
                : new ActivitySignal(eventId, app, accountId, timestamp, kind, itemId, embedding, only);
    }
}
