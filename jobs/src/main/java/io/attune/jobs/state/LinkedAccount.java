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
 * @param recentLikes ids of the items this account engaged with positively most recently, newest last,
 *     whose co-engaged neighbours are recommended; {@code null} (read as none) in state written before 0.3
 */
public record LinkedAccount(String app, String accountId, Centroid[] interests, int[] recentItems,
        String[] recentLikes) {

    private static final Centroid[] NO_INTERESTS = new Centroid[0];
    private static final int[] NO_ITEMS = new int[0];
    private static final String[] NO_LIKES = new String[0];

    /** A freshly linked account with no contribution yet. */
    public static LinkedAccount of(String app, String accountId) {
        return new LinkedAccount(app, accountId, NO_INTERESTS, NO_ITEMS, NO_LIKES);
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

    public String[] recentLikesOrNone() {
        return recentLikes == null ? NO_LIKES : recentLikes;
    }

    public LinkedAccount withInterests(Centroid[] next) {
        return new LinkedAccount(app, accountId, next, recentItems, recentLikes);
    }

    public LinkedAccount withRecentItems(int[] next) {
        return new LinkedAccount(app, accountId, interests, next, recentLikes);
    }

    public LinkedAccount withRecentLikes(String[] next) {
        return new LinkedAccount(app, accountId, interests, recentItems, next);
    }
}
