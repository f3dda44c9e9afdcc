package io.attune.jobs.state;

/**
 * Which person an account belongs to right now, and what its holder decided about it.
 *
 * @param personId the center id, or the account's own id when unlinked
 * @param linkTime event time of the link event that set it; 0 when it was never linked
 * @param lastActive wall-clock time of the last event, for retention of unlinked accounts
 * @param erasedThrough event time of the account's latest erasure request: its activity at or before this time is
 *     dropped when it arrives late; 0 when none (and in state written before erasure existed)
 * @param settingTime event time of the latest change to the assistant-message setting applied; older changes
 *     arriving later are ignored; 0 when none (and in state written before 0.9)
 * @param messagesFrom the account's assistant messages are used from this event time on: 0 (the default) all of
 *     them, {@link #NO_MESSAGES} none while the holder objects, the time of the holder's consent after an objection
 * @param acrossAppsTime event time of the latest change applied to whether the account's messages may shape the
 *     center's other apps; 0 when none
 * @param messagesOwnAppOnly whether what the account's messages teach shapes only its own app's recommendations
 *     (false, the default, and in state written before: every app of its center)
 * @param profilingTime event time of the latest change applied to whether the account may be profiled; 0 when none
 *     (and in state written before 0.10)
 * @param profilingFrom the account's activity builds a profile from this event time on: 0 (the default) all of it,
 *     {@link #NO_PROFILING} none while the holder objects to profiling, the time they allowed it again after that
 * @param minorTime event time of the latest change applied to whether the holder is a minor; 0 when none
 * @param minor whether the account's holder is a minor (the accounts center's age assurance): false in state written
 *     before 0.10
 */
public record IdentityState(String personId, long linkTime, long lastActive, long erasedThrough, long settingTime,
        long messagesFrom, long acrossAppsTime, boolean messagesOwnAppOnly, long profilingTime, long profilingFrom,
        long minorTime, boolean minor) {

    /** {@link #messagesFrom} while the account's holder objects to the use of its assistant messages. */
    public static final long NO_MESSAGES = Long.MAX_VALUE;

    /** {@link #profilingFrom} while the account's holder objects to profiling. */
    public static final long NO_PROFILING = Long.MAX_VALUE;

    /** An account's identity with no erasure behind it. */
    public IdentityState(String personId, long linkTime, long lastActive) {
        this(personId, linkTime, lastActive, 0L, 0L, 0L, 0L, false, 0L, 0L, 0L, false);
    }

    /** An account's identity with no setting for its assistant messages (all are used). */
    public IdentityState(String personId, long linkTime, long lastActive, long erasedThrough) {
        this(personId, linkTime, lastActive, erasedThrough, 0L, 0L, 0L, false, 0L, 0L, 0L, false);
    }

    /** The first state of an account, as a link or its activity creates it. */
    public static IdentityState of(String personId, long linkTime, long lastActive) {
        return new IdentityState(personId, linkTime, lastActive);
    }

    /** Belonging to {@code nextPersonId} since {@code nextLinkTime}, active at {@code now}; the rest as it was. */
    public IdentityState routedTo(String nextPersonId, long nextLinkTime, long now) {
        return new IdentityState(nextPersonId, nextLinkTime, now, erasedThrough, settingTime, messagesFrom,
                acrossAppsTime, messagesOwnAppOnly, profilingTime, profilingFrom, minorTime, minor);
    }

    /** Erased through {@code through}: the holder's settings stay, being the holder's, not derived. */
    public IdentityState erased(String ownId, long nextLinkTime, long now, long through) {
        return new IdentityState(ownId, nextLinkTime, now, through, settingTime, messagesFrom, acrossAppsTime,
                messagesOwnAppOnly, profilingTime, profilingFrom, minorTime, minor);
    }

    /** With the holder's setting for assistant messages, changed at event time {@code at}. */
    public IdentityState withAssistantMessages(boolean use, long at, long now) {
        long from = use ? (messagesFrom == NO_MESSAGES ? at : messagesFrom) : NO_MESSAGES;
        return new IdentityState(personId, linkTime, now, erasedThrough, Math.max(settingTime, at), from,
                acrossAppsTime, messagesOwnAppOnly, profilingTime, profilingFrom, minorTime, minor);
    }

    /** With the holder's setting for whether the account's messages may shape the center's other apps. */
    public IdentityState withMessagesAcrossApps(boolean across, long at, long now) {
        return new IdentityState(personId, linkTime, now, erasedThrough, settingTime, messagesFrom,
                Math.max(acrossAppsTime, at), !across, profilingTime, profilingFrom, minorTime, minor);
    }

    /** With the holder's setting for whether the account may be profiled, changed at event time {@code at}. */
    public IdentityState withProfiling(boolean profiling, long at, long now) {
        long from = profiling ? (profilingFrom == NO_PROFILING ? at : profilingFrom) : NO_PROFILING;
        return new IdentityState(personId, linkTime, now, erasedThrough, settingTime, messagesFrom, acrossAppsTime,
                messagesOwnAppOnly, Math.max(profilingTime, at), from, minorTime, minor);
    }

    /** With whether the holder is a minor, as the accounts center said at event time {@code at}. */
    public IdentityState withMinor(boolean isMinor, long at, long now) {
        return new IdentityState(personId, linkTime, now, erasedThrough, settingTime, messagesFrom, acrossAppsTime,
                messagesOwnAppOnly, profilingTime, profilingFrom, Math.max(minorTime, at), isMinor);
    }

    /** Whether the account's activity at {@code eventTime} may build a profile. */
    public boolean profilesActivityAt(long eventTime) {
        return eventTime >= profilingFrom;
    }

    /** Whether the holder objects to profiling the account now: no profile lists it, and its activity is dropped. */
    public boolean objectsToProfiling() {
        return profilingFrom == NO_PROFILING;
    }

    /** Whether an assistant message sent at {@code eventTime} may be used. */
    public boolean usesMessageAt(long eventTime) {
        return eventTime >= messagesFrom;
    }

    /** Whether the holder objects to the use of the account's assistant messages now. */
    public boolean objectsToMessages() {
        return messagesFrom == NO_MESSAGES;
    }

    /**
     * Whether the state holds a setting of the holder's that retention must not clear: an objection (to the use of
     * assistant messages or to profiling), the time of the consent after one (what was sent or done while it stood
     * stays unused however late it comes), messages kept to the account's own app, or that the holder is a minor
     * (a profile rebuilt after retention learns it from the account's next activity, stamped with it).
     */
    public boolean holdsASettingToKeep() {
        return messagesFrom > 0 || messagesOwnAppOnly || profilingFrom > 0 || minor;
    }
}
