package io.attune.jobs.events;

/**
 * Why a refresh holds no items on purpose, so that the app knows what to show instead: what it shows everyone, or
 * advertisements not based on a profile.
 */
public enum Withheld {
    /** The account's holder had its data erased: the app drops what was ranked for it. */
    ERASED,
    /** The account's holder objects to profiling, or chose recommendations not based on it. */
    NOT_PROFILED,
    /** An advertising surface of a person who is a minor: no advertisement is ranked from their profile. */
    MINOR_ADVERTISING,
    /** Nothing the app may be ranked by is left, after the holder's setting (an objection, messages kept to an app). */
    NOTHING_LEFT
}
