package io.attune.jobs.events;

/** One ranked item of a refresh, with a reason a person can read. */
public record RecommendedItem(String itemId, float score, String reason) {}
