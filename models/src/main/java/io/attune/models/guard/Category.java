package io.attune.models.guard;

/**
 * The GDPR Article 9 special categories that Attune never personalizes on. Names are the ids used in
 * events, metrics and configuration; configured extra categories use their own ids beside these.
 */
public enum Category {
    /** Physical or mental health, disability, genetic data. */
    HEALTH,
    /** Religious or philosophical beliefs. */
    RELIGION,
    /** Sexual orientation or sex life. */
    SEXUAL_ORIENTATION,
    /** Racial or ethnic origin. */
    RACE_ETHNICITY,
    /** Political opinions, including trade-union membership. */
    POLITICS
}
