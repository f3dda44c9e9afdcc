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
 * @param minor whether the account's holder is a minor (stamped by the identity stage, which holds it), so that a
 *     profile rebuilt after retention learns it with the account's first activity
 */
public record ActivitySignal(
        String eventId, String app, String accountId, long timestamp, ActivityKind kind, String itemId,
        float[] embedding, boolean ownAppOnly, boolean minor) {

    /** Activity as its source produces it, before the identity stage stamps the account's settings. */
    public ActivitySignal(String eventId, String app, String accountId, long timestamp, ActivityKind kind,
            String itemId, float[] embedding) {
        this(eventId, app, accountId, timestamp, kind, itemId, embedding, false, false);
    }

    /** Activity stamped with whether its account keeps its messages' teaching to its own app. */
    public ActivitySignal(String eventId, String app, String accountId, long timestamp, ActivityKind kind,
            String itemId, float[] embedding, boolean ownAppOnly) {
        this(eventId, app, accountId, timestamp, kind, itemId, embedding, ownAppOnly, false);
    }

    /** The same activity, stamped with whether its account keeps its messages' teaching to its own app. */
    public ActivitySignal withOwnAppOnly(boolean only) {
        return only == ownAppOnly ? this
                : new ActivitySignal(eventId, app, accountId, timestamp, kind, itemId, embedding, only, minor);
    }

    /** The same activity, stamped with whether its account's holder is a minor. */
    public ActivitySignal withMinor(boolean isMinor) {
        return isMinor == minor ? this
                : new ActivitySignal(eventId, app, accountId, timestamp, kind, itemId, embedding, ownAppOnly, isMinor);
    }
}
