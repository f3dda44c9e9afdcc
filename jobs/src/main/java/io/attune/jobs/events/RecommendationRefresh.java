package io.attune.jobs.events;

/**
 * A fresh ranking for one linked app and surface of a person, to the {@code recommendation-refreshes}
 * topic. Consumers keep, per (centerId, app, surface), the one with the highest {@code profileVersion}.
 *
 * @param centerId the person: their accounts-center id, or {@code app:accountId} for an unlinked account
 * @param profileVersion increases with every profile update of this person
 * @param triggeredBy id of the event that caused the update
 * @param eventTime event time of that event, epoch milliseconds
 * @param emittedAt wall-clock time the refresh was computed, epoch milliseconds
 * @param withheld why {@code items} is empty on purpose; {@code null} for a ranking
 */
public record RecommendationRefresh(
        String centerId,
        String app,
        String accountId,
        String surface,
        RecommendedItem[] items,
        long profileVersion,
        String triggeredBy,
        long eventTime,
        long emittedAt,
        Withheld withheld) {

    /** A ranking (possibly empty when there was nothing to rank), not a withdrawal. */
    public RecommendationRefresh(String centerId, String app, String accountId, String surface, RecommendedItem[] items,
            long profileVersion, String triggeredBy, long eventTime, long emittedAt) {
        this(centerId, app, accountId, surface, items, profileVersion, triggeredBy, eventTime, emittedAt, null);
    }
}
