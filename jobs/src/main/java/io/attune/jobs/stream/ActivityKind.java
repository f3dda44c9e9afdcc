package io.attune.jobs.stream;

/** What a person's activity says about their interests. */
public enum ActivityKind {
    /** A message to an assistant that passed the guard. */
    MESSAGE,
    LIKE,
    FOLLOW,
    VIEW,
    /** Pushes the profile away from the item. */
    HIDE,
    /**
     * Not an interest signal: the account's holder asked that everything derived from the account be erased. It
     * travels on the account's activity stream so the identity stage, keyed by account, applies it in turn with
     * the account's activity; it never goes further as activity.
     */
    ERASE
}
