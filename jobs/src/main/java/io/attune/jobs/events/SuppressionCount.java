package io.attune.jobs.events;

/**
 * How many assistant messages from one app the guard suppressed for one category in a window, to the
 * {@code suppression-audit} topic. Counts only: no ids, no accounts, no text.
 *
 * @param windowStart wall-clock start of the window, epoch milliseconds
 * @param windowEnd wall-clock end of the window, epoch milliseconds
 */
public record SuppressionCount(String app, String category, long windowStart, long windowEnd, long count) {}
