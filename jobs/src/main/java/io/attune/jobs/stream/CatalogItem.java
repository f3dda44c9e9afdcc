package io.attune.jobs.stream;

/**
 * A catalog entry with its embedding, as the profile operator keeps it for ranking.
 *
 * @param sensitive the guard found the item itself about a special category (a clinic ad, a church event):
 *     it is never ranked from interests, and engaging with it moves no interest
 */
public record CatalogItem(
        String itemId, String app, String surface, String[] tags, long timestamp, boolean active, float[] embedding,
        boolean sensitive) {}
