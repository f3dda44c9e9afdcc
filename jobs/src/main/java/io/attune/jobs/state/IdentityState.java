package io.attune.jobs.state;

/**
 * Which person an account belongs to right now.
 *
 * @param personId the center id, or the account's own id when unlinked
 * @param linkTime event time of the link event that set it; 0 when it was never linked
 * @param lastActive wall-clock time of the last event, for retention of unlinked accounts
 * @param erasedThrough event time of the account's latest erasure request: its activity at or before this time is
 *     dropped when it arrives late; 0 when none (and in state written before erasure existed)
 */
public record IdentityState(String personId, long linkTime, long lastActive, long erasedThrough) {

    /** An account's identity with no erasure behind it. */
    public IdentityState(String personId, long linkTime, long lastActive) {
        this(personId, linkTime, lastActive, 0L);
    }
}
