package io.attune.models.ranking;

/**
 * What the engagement stream says beyond content, blended into a ranking: how strongly each item was
 * co-engaged with what the person recently liked (live item-to-item), how much the people who liked the
 * same items liked each item (affinity), and how popular each item is (as set on the
 * {@link CatalogPartition}).
 *
 * @param coEngagement candidate item id to its co-engagement score (any scale: normalised by the largest)
 * @param coEngagementWeight weight of the normalised co-engagement score next to interest similarity
 * @param popularityWeight weight of the popularity prior (log-normalised by the most popular candidate)
 * @param popularCandidates how many of the surface's most popular items join the candidates
 * @param coEngagedCandidates how many of the most co-engaged items join the candidates; every candidate costs
 *     a similarity per interest, and a person with a few liked items can have thousands of weakly
 *     co-engaged ones; as many of the items with the most affinity join them too
 * @param affinity item id to its affinity score (any scale: normalised by the largest among the candidates)
 * @param affinityWeight weight of the normalised affinity score
 */
public record Evidence(ScoredItems coEngagement, float coEngagementWeight, float popularityWeight,
        int popularCandidates, int coEngagedCandidates, ScoredItems affinity, float affinityWeight) {

    /** Without affinity. */
    public Evidence(ScoredItems coEngagement, float coEngagementWeight, float popularityWeight,
            int popularCandidates, int coEngagedCandidates) {
        this(coEngagement, coEngagementWeight, popularityWeight, popularCandidates, coEngagedCandidates,
                new ItemScores(), 0f);
    }

    /** Every co-engaged item is a candidate. */
    public Evidence(ScoredItems coEngagement, float coEngagementWeight, float popularityWeight,
            int popularCandidates) {
        this(coEngagement, coEngagementWeight, popularityWeight, popularCandidates, Integer.MAX_VALUE);
    }

    /** Content and interests only. */
    public static Evidence none() {
        return new Evidence(new ItemScores(), 0f, 0f, 0, 0);
    }
}
