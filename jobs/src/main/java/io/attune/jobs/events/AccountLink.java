package io.attune.jobs.events;

/**
 * An event of the accounts center about one account, from the {@code account-links} topic: the account joining
 * ({@code linked = true}) or leaving a center, its holder's setting for the use of assistant messages, or both. An
 * account that is in no center is a person of its own.
 *
 * @param centerId the center joined or left; {@code null} for an event that only changes the setting
 * @param useAssistantMessages whether what the account sends an assistant may shape its recommendations;
 *     {@code null} when the event does not say (the setting stays as it was; by default they are used)
 */
public record AccountLink(String app, String accountId, String centerId, boolean linked, long timestamp,
        Boolean useAssistantMessages) {

    /** A link or unlink that leaves the assistant-message setting as it was. */
    public AccountLink(String app, String accountId, String centerId, boolean linked, long timestamp) {
        this(app, accountId, centerId, linked, timestamp, null);
    }

    /** An event that only changes whether the account's assistant messages may be used. */
    public static AccountLink assistantMessages(String app, String accountId, boolean use, long timestamp) {
        return new AccountLink(app, accountId, null, false, timestamp, use);
    }

    /** Whether the event links or unlinks the account (an event may only change the setting). */
    public boolean changesMembership() {
        return centerId != null;
    }
}
