package io.attune.jobs.state;

/**
 * Which person an account belongs to right now.
 *
 * @param personId the center id, or the account's own id when unlinked
 * @param linkTime event time of the link event that set it; 0 when it was never linked
 * @param lastActive wall-clock time of the last event, for retention of unlinked accounts
 */
public record IdentityState(String personId, long linkTime, long lastActive) {}
