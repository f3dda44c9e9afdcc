package io.attune.jobs.inspect;

import io.attune.jobs.Uids;
import io.attune.jobs.state.LinkedAccount;

/**
 * Counts of what a savepoint's keyed state holds, summed inside the reading job so that a summary of millions of
 * keys sends the client one small record.
 *
 * @param personsByAccounts persons by number of linked accounts: index n counts persons with n accounts, the last
 *     index those with that many or more
 * @param objectingToMessages accounts whose holder objects to the use of their assistant messages
 * @param objectingToProfiling accounts whose holder objects to profiling
 * @param minors accounts whose holder the accounts center says is a minor
 * @param objectionsBeforeEmbedding accounts whose holder objects now to the use of their messages or to profiling, as
 *     the stage before the embedding model keeps it (its messages are dropped there, unread)
 */
public record StateTally(
        long accounts, long accountsInACenter, long erasureMarkers, long persons, long[] personsByAccounts,
        long interests, long recentItems, long recentLikes, long refreshesPending, long coEngagementWindows,
        long itemsWithSignals, long objectingToMessages, long objectingToProfiling, long minors,
        long objectionsBeforeEmbedding) {

    static final int ACCOUNT_BUCKETS = 9;

    static StateTally of(KeyedStateEntry entry) {
        long[] byAccounts = new long[ACCOUNT_BUCKETS];
        return switch (entry.operator()) {
            case Uids.RESOLVE_IDENTITY -> new StateTally(1, entry.identity().personId().equals(entry.key()) ? 0 : 1,
                    entry.identity().erasedThrough() > 0 ? 1 : 0, 0, byAccounts, 0, 0, 0, 0, 0, 0,
                    entry.identity().objectsToMessages() ? 1 : 0, entry.identity().objectsToProfiling() ? 1 : 0,
                    entry.identity().minor() ? 1 : 0, 0);
            case Uids.UPDATE_PROFILE -> {
                LinkedAccount[] linked = entry.profile().accounts() == null
                        ? new LinkedAccount[0] : entry.profile().accounts();
                byAccounts[Math.min(linked.length, ACCOUNT_BUCKETS - 1)] = 1;
                long interests = 0;
                long items = 0;
                long likes = 0;
                for (LinkedAccount account : linked) {
                    interests += account.allInterests().length;
                    items += account.recentItemsOrNone().length;
                    likes += account.likeHashesOrNone().length;
                }
                yield new StateTally(0, 0, 0, 1, byAccounts, interests, items, likes,
                        entry.profile().pendingTrigger() == null ? 0 : 1, 0, 0, 0, 0, 0, 0);
            }
            case Uids.CO_ENGAGEMENT_PAIRS -> new StateTally(0, 0, 0, 0, byAccounts, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0);
            case Uids.ITEM_NEIGHBORHOOD -> new StateTally(0, 0, 0, 0, byAccounts, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0);
            case Uids.DROP_OBJECTED_MESSAGES -> new StateTally(0, 0, 0, 0, byAccounts, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    entry.messageObjections().objects() ? 1 : 0);
            default -> throw new IllegalArgumentException("no tally for operator " + entry.operator());
        };
    }

    StateTally plus(StateTally other) {
        long[] byAccounts = new long[ACCOUNT_BUCKETS];
        for (int i = 0; i < ACCOUNT_BUCKETS; i++) {
            byAccounts[i] = personsByAccounts[i] + other.personsByAccounts[i];
        }
        return new StateTally(accounts + other.accounts, accountsInACenter + other.accountsInACenter,
                erasureMarkers + other.erasureMarkers, persons + other.persons, byAccounts,
                interests + other.interests, recentItems + other.recentItems, recentLikes + other.recentLikes,
                refreshesPending + other.refreshesPending, coEngagementWindows + other.coEngagementWindows,
                itemsWithSignals + other.itemsWithSignals, objectingToMessages + other.objectingToMessages,
                objectingToProfiling + other.objectingToProfiling, minors + other.minors,
                objectionsBeforeEmbedding + other.objectionsBeforeEmbedding);
    }

    static StateTally empty() {
        return new StateTally(0, 0, 0, 0, new long[ACCOUNT_BUCKETS], 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
