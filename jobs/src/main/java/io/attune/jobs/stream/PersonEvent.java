package io.attune.jobs.stream;

/**
 * An event routed to one person (an accounts center, or an unlinked account on its own) by the identity
 * stage.
 *
 * @param personId the center id, or {@code app:accountId} for an unlinked account
 * @param triggeredBy the id of the input event behind this one
 * @param activity the activity, for {@link PersonEventType#ACTIVITY}; {@code null} otherwise
 */
public record PersonEvent(
        String personId, PersonEventType type, String app, String accountId, long timestamp, String triggeredBy,
        ActivitySignal activity) {}
