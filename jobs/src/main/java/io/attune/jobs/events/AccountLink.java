package io.attune.jobs.events;

/**
 * An account joining ({@code linked = true}) or leaving an accounts center, from the {@code account-links}
 * topic. An account that is in no center is a person of its own.
 */
public record AccountLink(String app, String accountId, String centerId, boolean linked, long timestamp) {}
