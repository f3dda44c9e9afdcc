package io.attune.jobs.events;

/** A like, follow, view or hide of a catalog item, from the {@code engagement-signals} topic. */
public record EngagementSignal(
        String eventId, String app, String accountId, long timestamp, EngagementKind kind, String itemId) {}
