package io.attune.jobs.events;

/** What a person did with an item. */
public enum EngagementKind {
    LIKE,
    FOLLOW,
    VIEW,
    HIDE
}
