package io.attune.jobs.inspect;

import io.attune.jobs.state.IdentityState;
import io.attune.jobs.state.MessageObjections;
import io.attune.jobs.state.ProfileState;
import io.attune.jobs.state.RecentLikes;
import io.attune.jobs.stream.ItemSignals;

/**
 * One key's state as a savepoint holds it, read by {@code bin/attune inspect}. At most one of the state fields is
 * set (both windows may be), according to the operator it was read from; none in a {@link #skipped} entry.
 *
 * @param operator the uid of the operator that keeps the state
 * @param key the operator's key: an account ({@code app:accountId}), a person or an item id
 * @param identity the identity stage's state for an account
 * @param profile the profile stage's state for a person
 * @param recentEngagements the person's window of latest positive engagements (co-engagement stage)
 * @param recentLikes the person's window of latest likes and follows (co-engagement stage)
 * @param itemSignals what engagement taught about an item (item stage)
 * @param messageObjections the holder's objections as the stage before the embedding model keeps them, for an account
 * @param recentEventIds how many of an account's recent event ids the identity stage keeps to drop resends
 */
public record KeyedStateEntry(
        String operator, String key, IdentityState identity, ProfileState profile, RecentLikes recentEngagements,
        RecentLikes recentLikes, ItemSignals itemSignals, MessageObjections messageObjections, long recentEventIds) {

    /**
     * A key the read does not want. Every key must yield an entry: the State Processor API (2.2) takes a key that
     * yields none for the end of its split and silently stops reading the rest. {@link HeldEntries} drops these.
     */
    static KeyedStateEntry skipped(String operator, String key) {
        return new KeyedStateEntry(operator, key, null, null, null, null, null, null, 0L);
    }

    boolean holdsState() {
        return identity != null || profile != null || recentEngagements != null || recentLikes != null
                || itemSignals != null || messageObjections != null;
    }

    static KeyedStateEntry identity(String operator, String key, IdentityState identity, long recentEventIds) {
        return new KeyedStateEntry(operator, key, identity, null, null, null, null, null, recentEventIds);
    }

    static KeyedStateEntry profile(String operator, String key, ProfileState profile) {
        return new KeyedStateEntry(operator, key, null, profile, null, null, null, null, 0L);
    }

    static KeyedStateEntry windows(String operator, String key, RecentLikes engagements, RecentLikes likes) {
        return new KeyedStateEntry(operator, key, null, null, engagements, likes, null, null, 0L);
    }

    static KeyedStateEntry item(String operator, String key, ItemSignals signals) {
        return new KeyedStateEntry(operator, key, null, null, null, null, signals, null, 0L);
    }

    static KeyedStateEntry objections(String operator, String key, MessageObjections objections) {
        return new KeyedStateEntry(operator, key, null, null, null, null, null, objections, 0L);
    }
}
