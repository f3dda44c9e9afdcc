package io.attune.jobs.events;

/**
 * An event of the accounts center about one account, from the {@code account-links} topic: the account joining
 * ({@code linked = true}) or leaving a center, its holder's settings (for the use of assistant messages, or for
 * profiling altogether), or both. An account that is in no center is a person of its own.
 *
 * @param centerId the center joined or left; {@code null} for an event that only changes the setting
 * @param useAssistantMessages whether what the account sends an assistant may shape its recommendations;
 *     {@code null} when the event does not say (the setting stays as it was; by default they are used)
 * @param assistantMessagesAcrossApps whether what the account's assistant messages teach may shape the
 *     recommendations of the other apps of its accounts center, or only its own app's; {@code null} when the event
 *     does not say (by default across apps)
 * @param profiling whether the account's activity may build a profile and its app be sent recommendations based on
 *     one; {@code false} is the holder's objection to profiling (GDPR Article 21) or their choice of recommendations
 *     not based on profiling (DSA Article 38); {@code null} when the event does not say (by default it may)
 * @param minor whether the account's holder is, with reasonable certainty, a minor, as the accounts center knows from
 *     its age assurance: no advertisement is then ranked for them from a profile (DSA Article 28(2)); {@code null} when
 *     the event does not say (by default not)
 */
public record AccountLink(String app, String accountId, String centerId, boolean linked, long timestamp,
        Boolean useAssistantMessages, Boolean assistantMessagesAcrossApps, Boolean profiling, Boolean minor) {

    /** A link or unlink that may also change the holder's settings. */
    public AccountLink(String app, String accountId, String centerId, boolean linked, long timestamp,
            Boolean useAssistantMessages, Boolean assistantMessagesAcrossApps, Boolean profiling) {
        this(app, accountId, centerId, linked, timestamp, useAssistantMessages, assistantMessagesAcrossApps, profiling,
                null);
    }

    /** A link or unlink that may also change the settings for the account's assistant messages. */
    public AccountLink(String app, String accountId, String centerId, boolean linked, long timestamp,
            Boolean useAssistantMessages, Boolean assistantMessagesAcrossApps) {
        this(app, accountId, centerId, linked, timestamp, useAssistantMessages, assistantMessagesAcrossApps, null,
                null);
    }

    /** A link or unlink that leaves the account's settings as they were. */
    public AccountLink(String app, String accountId, String centerId, boolean linked, long timestamp) {
        this(app, accountId, centerId, linked, timestamp, null, null, null, null);
    }

    /** A link or unlink that may also change whether the account's assistant messages are used. */
    public AccountLink(String app, String accountId, String centerId, boolean linked, long timestamp,
            Boolean useAssistantMessages) {
        this(app, accountId, centerId, linked, timestamp, useAssistantMessages, null, null, null);
    }

    /** An event that only changes whether the account's assistant messages may be used. */
    public static AccountLink assistantMessages(String app, String accountId, boolean use, long timestamp) {
        return new AccountLink(app, accountId, null, false, timestamp, use, null, null, null);
    }

    /** An event that only changes whether the account's assistant messages may shape the center's other apps. */
    public static AccountLink assistantMessagesAcrossApps(String app, String accountId, boolean across,
            long timestamp) {
        return new AccountLink(app, accountId, null, false, timestamp, null, across, null, null);
    }

    /** An event that only changes whether the account may be profiled. */
    public static AccountLink profiling(String app, String accountId, boolean profiling, long timestamp) {
        return new AccountLink(app, accountId, null, false, timestamp, null, null, profiling, null);
    }

    /** An event that only says whether the account's holder is a minor. */
    public static AccountLink minor(String app, String accountId, boolean minor, long timestamp) {
        return new AccountLink(app, accountId, null, false, timestamp, null, null, null, minor);
    }

    /** Whether the event changes any of the holder's settings, or says whether they are a minor. */
    public boolean changesASetting() {
        return useAssistantMessages != null || assistantMessagesAcrossApps != null || profiling != null
                || minor != null;
    }

    /** Whether the event links or unlinks the account (an event may only change settings). */
    public boolean changesMembership() {
        return centerId != null;
    }
}
