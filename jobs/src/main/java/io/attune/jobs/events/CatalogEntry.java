package io.attune.jobs.events;

/**
 * An item that can be recommended on one app's surface, from the {@code content-catalog} topic. A later
 * entry with the same itemId replaces it; {@code active = false} withdraws it.
 */
public record CatalogEntry(
        String itemId, String app, String surface, String text, String[] tags, long timestamp, boolean active) {}
