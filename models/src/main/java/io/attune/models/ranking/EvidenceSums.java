package io.attune.models.ranking;

import java.util.Arrays;

/**
 * What the tables of a person's liked items say about every other item, summed for one refresh: each entry's
 * count (co-engagement or affinity) becomes a cosine over engagement counts, count / (popularity(liked)^a ×
 * popularity(entry)^(1−a) + {@link #SHRINKAGE}), weighted, and added to the entry's item. The sums are the
 * {@link Evidence} a refresh ranks with.
 *
 * <p>Items are summed by their {@link ItemNumbers number} into arrays as long as the numbering, so an entry costs
 * two array reads and an addition, and no id is read until the ranker asks for one. Reused across refreshes
 * ({@link #clear()} forgets in constant time); not thread-safe.
 */
public final class EvidenceSums {

    /** Added to the denominator (in engagements): little evidence, little weight. */
    public static final float SHRINKAGE = 5f;

    private final float asymmetry;
    private final ItemTables tables;
    private final Sums coEngagement;
    private final Sums affinity;

    /**
     * @param asymmetry the exponent {@code a} in [0, 1]: 0.5 is the cosine; higher divides more by the liked
     *     item's popularity, lower more by the candidate's
     * @param tables the items' popularity and tables; may grow between refreshes
     */
    public EvidenceSums(float asymmetry, ItemTables tables) {
        if (!(asymmetry >= 0f && asymmetry <= 1f)) {
            throw new IllegalArgumentException("asymmetry must be in [0, 1], was " + asymmetry);
        }
        this.asymmetry = asymmetry;
        this.tables = tables;
        this.coEngagement = new Sums(tables.numbers());
        this.affinity = new Sums(tables.numbers());
    }

    /** Forgets the previous refresh's sums. */
    public void clear() {
        coEngagement.clear();
        affinity.clear();
    }

    /** Adds the co-engaged neighbours of the liked item numbered {@code liked}, weighted. */
    public void addNeighbors(int liked, float weight) {
        add(liked, tables.neighbors(liked), weight, coEngagement);
    }

    /** Adds the affinities (what the same people liked) of the liked item numbered {@code liked}, unweighted. */
    public void addAffinity(int liked) {
        add(liked, tables.affinities(liked), 1f, affinity);
    }

    /** Co-engagement per item so far; valid until the next {@link #clear()}. */
    public ScoredItems coEngagement() {
        return coEngagement;
    }

    /** Affinity per item so far; valid until the next {@link #clear()}. */
    public ScoredItems affinity() {
        return affinity;
    }

    private void add(int liked, PublishedTable table, float weight, Sums into) {
        int[] items = table.items;
        char[] codes = table.codes;
        float unit = table.unit;
        into.fit(tables.size());
        float[] popularity = tables.popularities();
        float likedPopularity = Math.max(1f, popularity[liked]);
        for (int i = 0; i < items.length; i++) {
            float together = codes[i] * unit;
            if (together <= 0f) {
                continue;
            }
            int item = items[i];
            // Shrunk toward zero for little evidence, so two rare items seen together once do not outrank what
            // many people liked together.
            into.add(item, weight * together
                    / (popularityNorm(likedPopularity, Math.max(1f, popularity[item])) + SHRINKAGE));
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

    /**
     * A sum per item number, entries in the order items were first added to. A number's sum counts only when its
     * stamp is the current round's, so clearing is a new round, not a pass over the arrays.
     */
    private static final class Sums implements ScoredItems {

        private final ItemNumbers numbers;
        private float[] sum = new float[0];
        private int[] round = new int[0];
        private int current = 1;
        private int[] itemOfEntry = new int[1024];
        private int size;

        Sums(ItemNumbers numbers) {
            this.numbers = numbers;
        }

        void fit(int items) {
            if (sum.length < items) {
                int capacity = Math.max(items, sum.length + (sum.length >> 1));
                sum = Arrays.copyOf(sum, capacity);
                round = Arrays.copyOf(round, capacity);
            }
        }

        void add(int item, float delta) {
            if (round[item] == current) {
                sum[item] += delta;
                return;
            }
            round[item] = current;
            sum[item] = delta;
            if (size == itemOfEntry.length) {
                itemOfEntry = Arrays.copyOf(itemOfEntry, size * 2);
            }
            itemOfEntry[size++] = item;
        }

        void clear() {
            size = 0;
            if (current == Integer.MAX_VALUE) {
                Arrays.fill(round, 0);
                current = 0;
            }
            current++;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public String id(int entry) {
            return numbers.id(itemOfEntry[entry]);
        }

        @Override
        public float value(int entry) {
            return sum[itemOfEntry[entry]];
        }

        @Override
        public float getOrDefault(String id, float absent) {
            int item = numbers.find(id);
            return item < 0 || item >= round.length || round[item] != current ? absent : sum[item];
        }
    }
}
