package io.attune.jobs.stream;

/**
 * Two items one person engaged with positively, close in their history ({@code from} equal to {@code to}
 * counts one engagement with the item, for its popularity).
 */
public record ItemPair(String from, String to, float weight, long timestamp) {}
