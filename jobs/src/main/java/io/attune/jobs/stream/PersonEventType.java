package io.attune.jobs.stream;

/** What a {@link PersonEvent} tells the profile of a person. */
public enum PersonEventType {
    /** An account now belongs to this person. */
    JOIN,
    /** An account no longer belongs to this person. */
    LEAVE,
    /** An account of this person did something. */
    ACTIVITY,
    /**
     * The holder of an account asked for erasure: forget everything the account contributed to this person, and
     * the person's recent engagement context that may hold it.
     */
    ERASE,
    /**
     * The holder of an account objects to the use of its assistant messages: forget what they taught this person
     * (the account's engagement stays).
     */
    FORGET_MESSAGES,
    /** What the account's assistant messages taught shapes only its own app's recommendations from now on. */
    CONFINE_MESSAGES,
    /** What the account's assistant messages taught may shape every app of the person again. */
    SHARE_MESSAGES,
    /**
     * The holder of an account objects to profiling: forget everything the account contributed to this person and
     * stop ranking for its app (as on an erasure), and the person's recent engagement context that may hold it.
     */
    STOP_PROFILING,
    /** The holder of an account allows profiling again: the account belongs to this person again (as on a join). */
    RESUME_PROFILING,
    /** The holder of an account is a minor: no advertisement is ranked for this person from their profile. */
    MINOR,
    /** The holder of an account is no longer known to be a minor. */
    NOT_MINOR
}
