package io.attune.jobs.stream;

/** What a {@link PersonEvent} tells the profile of a person. */
public enum PersonEventType {
    /** An account now belongs to this person. */
    JOIN,
    /** An account no longer belongs to this person. */
    LEAVE,
    /** An account of this person did something. */
    ACTIVITY
}
