package io.attune.jobs.stream;

/** What a person's activity says about their interests. */
public enum ActivityKind {
    /** A message to an assistant that passed the guard. */
    MESSAGE,
    LIKE,
    FOLLOW,
    VIEW,
    /** Pushes the profile away from the item. */
    HIDE
}
