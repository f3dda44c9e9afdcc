package io.attune.jobs.state;

import io.attune.models.profile.Centroid;

/**
 * One account of a person, in profile state, with everything its own activity contributed: unlinking
 * the account removes this entry and with it exactly that contribution.
 *
 * @param interests interests learned from this account's signals, expressed at the profile's
 *     {@code interestTime}; {@code null} (read as none) in state written before 0.2
 * @param recentItems hashes of the items this account engaged with most recently, newest last, never
 *     recommended again while listed; {@code null} (read as none) in state written before 0.2
 * @param recentLikes ids of the items this account engaged with positively most recently, newest last, as
 *     state written before 0.6 holds them; read through {@link #recentLikeHashesOrNone} and replaced by their
 *     hashes at the account's next change ({@code null} in state written since)
 * @param recentLikeHashes {@link ItemIdHash 64-bit hashes} of the items this account engaged with positively most
 *     recently, newest last, whose co-engaged neighbours and affinities are recommended: eight bytes each
 *     whatever the catalog's ids look like ({@code null} in state written before 0.6)
 */
public record LinkedAccount(String app, String accountId, Centroid[] interests, int[] recentItems,
        String[] recentLikes, long[] recentLikeHashes) {

    private static final Centroid[] NO_INTERESTS = new Centroid[0];
    private static final int[] NO_ITEMS = new int[0];
    private static final long[] NO_LIKES = new long[0];

    /** A freshly linked account with no contribution yet. */
    public static LinkedAccount of(String app, String accountId) {
        return new LinkedAccount(app, accountId, NO_INTERESTS, NO_ITEMS, null, NO_LIKES);
    }

    public boolean is(String otherApp, String otherAccountId) {
        return app.equals(otherApp) && accountId.equals(otherAccountId);
    }

    public Centroid[] interestsOrNone() {
        return interests == null ? NO_INTERESTS : interests;
    }

    public int[] recentItemsOrNone() {
        return recentItems == null ? NO_ITEMS : recentItems;
    }

    /** The recent likes' hashes, newest last; from the ids of state written before 0.6 when that is all there is. */
    public long[] recentLikeHashesOrNone() {
        if (recentLikeHashes != null) {
            return recentLikeHashes;
        }
        if (recentLikes == null) {
            return NO_LIKES;
        }
        long[] hashes = new long[recentLikes.length];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = ItemIdHash.of(recentLikes[i]);
        }
        return hashes;
    }

    public LinkedAccount withInterests(Centroid[] next) {
        return new LinkedAccount(app, accountId, next, recentItems, null, recentLikeHashesOrNone());
    }

    public LinkedAccount withRecentItems(int[] next) {
        return new LinkedAccount(app, accountId, interests, next, null, recentLikeHashesOrNone());
    }

    public LinkedAccount withRecentLikeHashes(long[] next) {
        return new LinkedAccount(app, accountId, interests, recentItems, null, next);
    }
}
