package io.attune.jobs.state;

import io.attune.models.profile.Centroid;
import java.util.Arrays;

/**
 * One account of a person, in profile state, with everything its own activity contributed: unlinking
 * the account removes this entry and with it exactly that contribution.
 *
 * @param interests interests learned from this account's signals, expressed at the profile's
 *     {@code interestTime}; {@code null} (read as none) in state written before 0.2
 * @param recentItems hashes of the items this account engaged with most recently, newest last, never
 *     recommended again while listed; {@code null} (read as none) in state written before 0.2
 * @param recentLikes ids of the items this account engaged with positively most recently, newest last, as
 *     state written before 0.6 holds them; read through {@link #likeHashesOrNone} and replaced by their
 *     hashes at the account's next change ({@code null} in state written since)
 * @param recentLikeHashes the same as 64-bit {@link ItemIdHash hashes}, as state written from 0.6 until
 *     {@code likeHashes} holds them; read folded to 32 bits and replaced at the account's next change
 * @param likeHashes {@link ItemIdHash#of32 32-bit hashes} of the items this account engaged with positively most
 *     recently, newest last, whose co-engaged neighbours and affinities are recommended: four bytes each whatever
 *     the catalog's ids look like ({@code null} in state written before)
 * @param messageInterests interests learned from this account's assistant messages, kept apart from those
 *     learned from its engagement ({@code interests}) so that the account holder's objection to the use of
 *     assistant messages retracts exactly them; {@code null} in state written before 0.9, whose {@code interests}
 *     may hold what messages taught
 * @param messagesOwnAppOnly whether {@code messageInterests} rank only for this account's own app (its holder's
 *     setting); {@code null} (read as false: every app of the person) in state written before
 * @param minor whether the account's holder is a minor, as the accounts center says: no advertisement is then ranked
 *     for the person from the profile; {@code null} (read as false) when not, and in state written before 0.10
 */
public record LinkedAccount(String app, String accountId, Centroid[] interests, int[] recentItems,
        String[] recentLikes, long[] recentLikeHashes, int[] likeHashes, Centroid[] messageInterests,
        Boolean messagesOwnAppOnly, Boolean minor) {

    private static final Centroid[] NO_INTERESTS = new Centroid[0];
    private static final int[] NO_ITEMS = new int[0];
    private static final int[] NO_LIKES = new int[0];

    /** A freshly linked account with no contribution yet. */
    public static LinkedAccount of(String app, String accountId) {
        return new LinkedAccount(app, accountId, NO_INTERESTS, NO_ITEMS, null, null, NO_LIKES, NO_INTERESTS, null,
                null);
    }

    /** An account as state written before 0.9 holds it, its messages' interests not told apart. */
    public LinkedAccount(String app, String accountId, Centroid[] interests, int[] recentItems, String[] recentLikes,
            long[] recentLikeHashes, int[] likeHashes) {
        this(app, accountId, interests, recentItems, recentLikes, recentLikeHashes, likeHashes, null, null, null);
    }

    /** An account as state written before 0.10 holds it, with no word of its holder's age. */
    public LinkedAccount(String app, String accountId, Centroid[] interests, int[] recentItems, String[] recentLikes,
            long[] recentLikeHashes, int[] likeHashes, Centroid[] messageInterests, Boolean messagesOwnAppOnly) {
        this(app, accountId, interests, recentItems, recentLikes, recentLikeHashes, likeHashes, messageInterests,
                messagesOwnAppOnly, null);
    }

    public boolean is(String otherApp, String otherAccountId) {
        return app.equals(otherApp) && accountId.equals(otherAccountId);
    }

    public Centroid[] interestsOrNone() {
        return interests == null ? NO_INTERESTS : interests;
    }

    /** Interests learned from assistant messages, in state written since 0.9 (none before: see {@link #interests}). */
    public Centroid[] messageInterestsOrNone() {
        return messageInterests == null ? NO_INTERESTS : messageInterests;
    }

    /** Every interest of the account, from its engagement and from its assistant messages. */
    public Centroid[] allInterests() {
        Centroid[] engaged = interestsOrNone();
        Centroid[] messages = messageInterestsOrNone();
        if (messages.length == 0) {
            return engaged;
        }
        Centroid[] all = Arrays.copyOf(engaged, engaged.length + messages.length);
        System.arraycopy(messages, 0, all, engaged.length, messages.length);
        return all;
    }

    public int[] recentItemsOrNone() {
        return recentItems == null ? NO_ITEMS : recentItems;
    }

    /** The recent likes' 32-bit hashes, newest last; from what state written before holds when that is all there is. */
    public int[] likeHashesOrNone() {
        if (likeHashes != null) {
            return likeHashes;
        }
        if (recentLikeHashes != null) {
            int[] folded = new int[recentLikeHashes.length];
            for (int i = 0; i < folded.length; i++) {
                folded[i] = ItemIdHash.fold(recentLikeHashes[i]);
            }
            return folded;
        }
        if (recentLikes == null) {
            return NO_LIKES;
        }
        int[] hashes = new int[recentLikes.length];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = ItemIdHash.of32(recentLikes[i]);
        }
        return hashes;
    }

    public LinkedAccount withInterests(Centroid[] next) {
        return new LinkedAccount(app, accountId, next, recentItems, null, null, likeHashesOrNone(), messageInterests,
                messagesOwnAppOnly, minor);
    }

    public LinkedAccount withMessageInterests(Centroid[] next) {
        return new LinkedAccount(app, accountId, interests, recentItems, null, null, likeHashesOrNone(), next,
                messagesOwnAppOnly, minor);
    }

    /** Whether the account's holder is a minor. */
    public boolean isMinor() {
        return Boolean.TRUE.equals(minor);
    }

    public LinkedAccount withMinor(boolean isMinor) {
        if (isMinor == isMinor()) {
            return this;
        }
        return new LinkedAccount(app, accountId, interests, recentItems, null, null, likeHashesOrNone(),
                messageInterests, messagesOwnAppOnly, isMinor ? Boolean.TRUE : null);
    }

    /** Whether what this account's messages taught ranks only for its own app. */
    public boolean messagesForOwnAppOnly() {
        return Boolean.TRUE.equals(messagesOwnAppOnly);
    }

    public LinkedAccount withMessagesOwnAppOnly(boolean only) {
        if (only == messagesForOwnAppOnly()) {
            return this;
        }
        return new LinkedAccount(app, accountId, interests, recentItems, null, null, likeHashesOrNone(),
                messageInterests, only ? Boolean.TRUE : null, minor);
    }

    /**
     * The account without what its assistant messages taught. State written before 0.9 kept message and engagement
     * interests together, so there every interest goes: the account holder's objection outweighs the lost signal.
     */
    public LinkedAccount withoutMessageInterests() {
        Centroid[] engaged = messageInterests == null ? NO_INTERESTS : interests;
        return new LinkedAccount(app, accountId, engaged, recentItems, null, null, likeHashesOrNone(), NO_INTERESTS,
                messagesOwnAppOnly, minor);
    }

    public LinkedAccount withRecentItems(int[] next) {
        return new LinkedAccount(app, accountId, interests, next, null, null, likeHashesOrNone(), messageInterests,
                messagesOwnAppOnly, minor);
    }

    public LinkedAccount withLikeHashes(int[] next) {
        return new LinkedAccount(app, accountId, interests, recentItems, null, null, next, messageInterests,
                messagesOwnAppOnly, minor);
    }
}
