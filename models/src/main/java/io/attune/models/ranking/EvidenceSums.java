package io.attune.models.ranking;

/**
 * What the tables of a person's liked items say about every other item, summed for one refresh: each entry's
 * count (co-engagement or affinity) becomes a cosine over engagement counts, count / (popularity(liked)^a ×
 * popularity(entry)^(1−a) + {@link #SHRINKAGE}), weighted, and added to the entry's item. The sums are the
 * {@link Evidence} a refresh ranks with. Reused across refreshes ({@link #clear()}), since a refresh gathers
 * thousands of entries; not thread-safe.
 */
public final class EvidenceSums {

    /** Added to the denominator (in engagements): little evidence, little weight. */
    public static final float SHRINKAGE = 5f;

    private final float asymmetry;
    private final ItemScores coEngagement = new ItemScores(1024);
    private final ItemScores affinity = new ItemScores(4096);
    /** Scratch space for one table's entries: their ids' hashes and popularity. */
    private int[] hashes = new int[256];
    private float[] popularities = new float[256];

    /**
     * @param asymmetry the exponent {@code a} in [0, 1]: 0.5 is the cosine; higher divides more by the liked
     *     item's popularity, lower more by the candidate's
     */
    public EvidenceSums(float asymmetry) {
        if (!(asymmetry >= 0f && asymmetry <= 1f)) {
            throw new IllegalArgumentException("asymmetry must be in [0, 1], was " + asymmetry);
        }
        this.asymmetry = asymmetry;
    }

    /** Forgets the previous refresh's sums. */
    public void clear() {
        coEngagement.clear();
        affinity.clear();
    }

    /**
     * Adds a liked item's co-engaged neighbours, weighted.
     *
     * @param popularity every item's popularity by id (an item it lacks counts as 1)
     */
    public void addNeighbors(float likedPopularity, NeighborTable table, float weight, ItemScores popularity) {
        add(likedPopularity, table, weight, popularity, coEngagement);
    }

    /** Adds a liked item's affinities (what the same people liked), unweighted. */
    public void addAffinity(float likedPopularity, NeighborTable table, ItemScores popularity) {
        add(likedPopularity, table, 1f, popularity, affinity);
    }

    /** Co-engagement per item so far; valid until the next {@link #clear()}. */
    public ItemScores coEngagement() {
        return coEngagement;
    }

    /** Affinity per item so far; valid until the next {@link #clear()}. */
    public ItemScores affinity() {
        return affinity;
    }

    private void add(float likedPopularity, NeighborTable table, float weight, ItemScores popularity,
            ItemScores into) {
        String[] neighbors = table.neighbors();
        int count = neighbors.length;
        if (hashes.length < count) {
            hashes = new int[count];
            popularities = new float[count];
        }
        // In passes, each over every entry, rather than entry by entry: the entries name random items, so every
        // string and table read is a likely cache miss, and reads that do not depend on each other overlap.
        for (int i = 0; i < count; i++) {
            hashes[i] = neighbors[i].hashCode();
        }
        popularity.getAll(neighbors, hashes, count, 1f, popularities);
        float liked = Math.max(1f, likedPopularity);
        for (int i = 0; i < count; i++) {
            float together = table.guaranteed(i);
            if (together <= 0f) {
                continue;
            }
            float candidate = Math.max(1f, popularities[i]);
            // Shrunk toward zero for little evidence, so two rare items seen together once do not outrank what
            // many people liked together.
            into.add(neighbors[i], hashes[i], weight * together / (popularityNorm(liked, candidate) + SHRINKAGE));
        }
    }

    /**
     * popularity(liked)^a × popularity(candidate)^(1−a). At the default 0.5 it is the cosine's square root,
     * computed as before the option existed so that default replays rank exactly as they did.
     */
    private float popularityNorm(float likedPopularity, float candidatePopularity) {
        if (asymmetry == 0.5f) {
            return (float) Math.sqrt(likedPopularity * candidatePopularity);
        }
        return (float) (Math.pow(likedPopularity, asymmetry) * Math.pow(candidatePopularity, 1f - asymmetry));
    }
}
