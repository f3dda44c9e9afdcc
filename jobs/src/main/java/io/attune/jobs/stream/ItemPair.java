package io.attune.jobs.stream;

/**
 * Two items one person engaged with positively, close in their history ({@code from} equal to {@code to}
 * counts one engagement with the item, for its popularity).
 *
 * @param affinity {@code false} for a pair of engagements a few steps apart (what people engage with next),
 *     {@code true} for two items the person liked within a longer stretch of their history (what the same
 *     people like)
 */
public record ItemPair(String from, String to, float weight, long timestamp, boolean affinity) {

    /** A pair of engagements a few steps apart. */
    public ItemPair(String from, String to, float weight, long timestamp) {
        this(from, to, weight, timestamp, false);
    }
}
