package io.attune.jobs.functions;

import java.io.Serializable;
import java.time.Duration;
import java.util.Set;

/**
 * How profiles learn and how refreshes rank, as {@link UpdateProfile} uses them.
 *
 * @param halfLife event-time half-life of a signal's weight
 * @param retention a person inactive this long (wall clock) is forgotten
 * @param topK items per refresh
 * @param interestsPerAccount interests (centroids) kept per linked account
 * @param mergeSimilarity cosine at or above which a signal joins an existing interest
 * @param minInterestWeight weight below which a faded interest is forgotten
 * @param diversity share of slots given up by an interest for each item it already placed, in [0, 1)
 * @param recentItems engaged items per account excluded from recommendations
 * @param minRefreshInterval per person, updates closer than this to the last refresh are coalesced;
 *     zero refreshes on every update
 * @param recentLikes positively engaged items per account whose co-engaged neighbours are candidates
 * @param coEngagementWeight weight of co-engagement (normalised to [0, 1]) next to interest similarity
 * @param popularityWeight weight of the popularity prior (log-normalised to [0, 1])
 * @param coEngagedCandidates per recommended item, how many of the most co-engaged items are ranked
 * @param likeRecencyDecay in (0, 1]: the n-th latest like's co-engaged items count decay^n
 * @param coEngagementAsymmetry in [0, 1]: co-engagement is divided by popularity(liked)^a ×
 *     popularity(candidate)^(1−a); 0.5 is the cosine
 * @param affinityLikes positively engaged items per account whose affinity (what the same people liked) is
 *     summed; the account keeps the latest {@code max(recentLikes, affinityLikes)}
 * @param affinityWeight weight of affinity (normalised to [0, 1]) next to co-engagement; 0 ignores it
 * @param finalRefreshOnly bounded inputs only: per person, one refresh from the latest state when the input ends
 * @param roundingSalt mixed into the seed of the interests' stochastic rounding; 0 rounds as without it
 * @param dotCacheBytes heap per subtask for interests' dot products kept between rankings of exactly ranked
 *     surfaces; 0 keeps none
 * @param maxAccounts accounts one person may link
 * @param advertisingSurfaces surfaces that show advertisements, never ranked from the profile of a minor
 */
public record ProfileSettings(
        Duration halfLife, Duration retention, int topK, int interestsPerAccount, float mergeSimilarity,
        float minInterestWeight, float diversity, int recentItems, Duration minRefreshInterval,
        int recentLikes, float coEngagementWeight, float popularityWeight, int coEngagedCandidates,
        float likeRecencyDecay, float coEngagementAsymmetry, int affinityLikes, float affinityWeight,
        boolean finalRefreshOnly, long roundingSalt, long dotCacheBytes, int maxAccounts,
        Set<String> advertisingSurfaces) implements Serializable {

    public ProfileSettings {
        if (maxAccounts < 1) {
            throw new IllegalArgumentException("profile.max-accounts must be at least 1, was " + maxAccounts);
        }
        if (!(likeRecencyDecay > 0f && likeRecencyDecay <= 1f)) {
            throw new IllegalArgumentException("refresh.like-recency-decay must be in (0, 1], was " + likeRecencyDecay);
        }
        if (!(coEngagementAsymmetry >= 0f && coEngagementAsymmetry <= 1f)) {
            throw new IllegalArgumentException(
                    "refresh.co-engagement-asymmetry must be in [0, 1], was " + coEngagementAsymmetry);
        }
        if (dotCacheBytes < 0) {
            throw new IllegalArgumentException("refresh.dot-cache-size must be at least 0, was " + dotCacheBytes);
        }
        if (!(affinityWeight >= 0f)) {
            throw new IllegalArgumentException("refresh.affinity-weight must be at least 0, was " + affinityWeight);
        }
    }

    /** Positively engaged items each account keeps: enough for co-engagement and for affinity. */
    public int keptLikes() {
        return Math.max(recentLikes, affinityWeight > 0f ? affinityLikes : 0);
    }
}
