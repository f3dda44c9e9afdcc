package io.attune.jobs.stream;

/** A catalog entry with its embedding, as the profile operator keeps it for ranking. */
public record CatalogItem(
        String itemId, String app, String surface, String[] tags, long timestamp, boolean active, float[] embedding) {}
