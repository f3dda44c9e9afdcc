package io.attune.models.ranking;

/**
 * One ranked item.
 *
 * @param score the item's similarity to the interest that picked it, weighted by that interest's share
 * @param interest index of that interest in the list given to the ranker
 * @param reason a readable why, built only from catalog tags and the interest's origin
 */
public record Recommendation(String itemId, float score, int interest, String reason) {}
