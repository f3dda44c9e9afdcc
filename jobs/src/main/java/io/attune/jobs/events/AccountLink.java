package io.attune.jobs.events;

/**
 * An event of the accounts center about one account, from the {@code account-links} topic: the account joining
 * ({@code linked = true}) or leaving a center, its holder's setting for the use of assistant messages, or both. An
 * account that is in no center is a person of its own.
 *
 * @param centerId the center joined or left; {@code null} for an event that only changes the setting
 * @param useAssistantMessages whether what the account sends an assistant may shape its recommendations;
 *     {@code null} when the event does not say (the setting stays as it was; by default they are used)
 * @param assistantMessagesAcrossApps whether what the account's assistant messages teach may shape the
 *     recommendations of the other apps of its accounts center, or only its own app's; {@code null} when the event
 *     does not say (by default across apps)
 */
public record AccountLink(String app, String accountId, String centerId, boolean linked, long timestamp,
        Boolean useAssistantMessages, Boolean assistantMessagesAcrossApps) {

    /** A link or unlink that leaves the account's settings as they were. */
    public AccountLink(String app, String accountId, String centerId, boolean linked, long timestamp) {
        this(app, accountId, centerId, linked, timestamp, null, null);
    }

    /** A link or unlink that may also change whether the account's assistant messages are used. */
    public AccountLink(String app, String accountId, String centerId, boolean linked, long timestamp,
            Boolean useAssistantMessages) {
        this(app, accountId, centerId, linked, timestamp, useAssistantMessages, null);
    }

    /** An event that only changes whether the account's assistant messages may be used. */
    public static AccountLink assistantMessages(String app, String accountId, boolean use, long timestamp) {
        return new AccountLink(app, accountId, null, false, timestamp, use, null);
    }

    /** An event that only changes whether the account's assistant messages may shape the center's other apps. */
    public static AccountLink assistantMessagesAcrossApps(String app, String accountId, boolean across,
            long timestamp) {
        return new AccountLink(app, accountId, null, false, timestamp, null, across);
    }

    /** Whether the event links or unlinks the account (an event may only change the setting). */
    public boolean changesMembership() {
        return centerId != null;
    }
}
