package io.attune.models.ranking;

/** A catalog item with its similarity score to an interest vector. */
public record RankedItem(String itemId, float score) {}
