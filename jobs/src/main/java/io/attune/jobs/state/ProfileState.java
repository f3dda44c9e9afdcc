package io.attune.jobs.state;

/**
 * Everything Attune keeps about one person: derived numbers only, never text. The interests live with the
 * account whose activity produced them (see {@link LinkedAccount}).
 *
 * @param interest before 0.2, the single interest vector; read once to migrate it, then {@code null}
 * @param interestTime event time all interest weights are expressed at, epoch milliseconds
 * @param accounts the person's linked accounts and what each contributed
 * @param appWeights before 0.2, per-app signal weights; read once to migrate, then {@code null}
 * @param version the profileVersion of the latest update
 * @param lastActive wall-clock time of the last update, for retention
 * @param lastRefreshAt wall-clock time refreshes were last emitted, for coalescing
 * @param pendingTrigger the event behind the latest update when its refresh is deferred by coalescing;
 *     {@code null} when nothing is pending
 * @param pendingEventTime that event's time
 */
public record ProfileState(
        float[] interest, long interestTime, LinkedAccount[] accounts, AppWeight[] appWeights, long version,
        long lastActive, long lastRefreshAt, String pendingTrigger, long pendingEventTime) {

    /** A new person with these accounts. */
    public static ProfileState of(LinkedAccount[] accounts) {
        return new ProfileState(null, 0L, accounts, null, 0L, 0L, 0L, null, 0L);
    }

    public ProfileState withAccounts(LinkedAccount[] next) {
        return new ProfileState(null, interestTime, next, null, version, lastActive, lastRefreshAt, pendingTrigger,
                pendingEventTime);
    }

    public ProfileState withInterests(long nextInterestTime, LinkedAccount[] next) {
        return new ProfileState(null, nextInterestTime, next, null, version, lastActive, lastRefreshAt,
                pendingTrigger, pendingEventTime);
    }

    public ProfileState updated(long nextVersion, long now) {
        return new ProfileState(null, interestTime, accounts, null, nextVersion, now, lastRefreshAt, pendingTrigger,
                pendingEventTime);
    }

    public ProfileState refreshed(long now) {
        return new ProfileState(null, interestTime, accounts, null, version, lastActive, now, null, 0L);
    }

    public ProfileState deferred(String trigger, long eventTime) {
        return new ProfileState(null, interestTime, accounts, null, version, lastActive, lastRefreshAt, trigger,
                eventTime);
    }
}
