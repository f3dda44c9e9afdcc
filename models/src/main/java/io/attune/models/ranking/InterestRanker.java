package io.attune.models.ranking;

import io.attune.models.math.SliceDot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * Ranks one catalog partition for a person with several interests: every item scores its best match
 * among the interests (each weighted by the square root of its share of the strongest); the best
 * candidates are then picked greedily, each pick discounting the further picks of the same interest by
 * {@code (1 - diversity)} (marginal relevance at the level of interests), so a runner who also likes jazz
 * sees both rather than ten pairs of shoes. Each pick carries a reason naming the interest (by the tags of the items it matched) and the
 * app its signals came from.
 */
public final class InterestRanker {

    private static final int POOL_FACTOR = 4;
    /** Engaged items, the best-matching, that may name the interests they match. */
    private static final int ENGAGED_NAMING = 8;
    /** Below this score an item is not claimed to match an interest; it fills the list for variety. */
    static final float WEAK_MATCH = 0.2f;
    static final String VARIETY = "shown for variety: not close to your current interests";
    static final String CO_ENGAGED = "people who liked what you recently liked also liked this";

    /** Coarse lists scanned per ranking, shared among the interests by weight, when a partition has them. */
    public static final int DEFAULT_PROBES = 12;

    private final int k;
    private final float diversity;
    private final int probes;
    /** Dot products kept between rankings of exactly ranked partitions, or {@code null}. */
    private final InterestDots kept;

    /**
     * @param k items per ranking
     * @param diversity in {@code [0, 1)}: 0 ranks by relevance alone; higher values give weaker interests
     *     more of the slots
     */
    public InterestRanker(int k, float diversity) {
        this(k, diversity, DEFAULT_PROBES);
    }

    /**
     * @param probes coarse lists scanned per ranking in an indexed partition (more: closer to exact, slower)
     */
    public InterestRanker(int k, float diversity, int probes) {
        this(k, diversity, probes, null);
    }

    /**
     * @param kept where to keep each interest's dot products with the items of exactly ranked partitions between
     *     rankings, or {@code null} to compute them at every ranking; a ranking is the same either way
     */
    public InterestRanker(int k, float diversity, int probes, InterestDots kept) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        if (diversity < 0f || diversity >= 1f) {
            throw new IllegalArgumentException("diversity must be in [0, 1), was " + diversity);
        }
        this.k = k;
        this.diversity = diversity;
        this.probes = Math.max(1, probes);
        this.kept = kept;
    }

    /** Where dot products are kept between rankings, or {@code null}. */
    public InterestDots kept() {
        return kept;
    }

    /**
     * Best items of {@code partition} for {@code interests}, best first.
     *
     * @param excluded items not to recommend (recently engaged with, hidden)
     */
    public List<Recommendation> rank(CatalogPartition partition, List<Interest> interests,
            Predicate<String> excluded) {
        return rank(partition, interests, excluded, Evidence.none());
    }

    /**
     * Best items of {@code partition}, best first, blending interest similarity with the engagement
     * stream's evidence: the candidates are the items closest to the interests plus the items co-engaged
     * with what the person recently liked; each scores its interest similarity plus the weighted,
     * normalised co-engagement and popularity.
     *
     * @param excluded items not to recommend (recently engaged with, hidden)
     */
    public List<Recommendation> rank(CatalogPartition partition, List<Interest> interests,
            Predicate<String> excluded, Evidence evidence) {
        if (interests.isEmpty() || partition.size() == 0) {
            return List.of();
        }
        int dimension = partition.dimension();
        int count = interests.size();
        float[] queries = new float[count * dimension];
        float[] shares = new float[count];
        float strongest = 0f;
        for (Interest interest : interests) {
            strongest = Math.max(strongest, interest.weight());
        }
        for (int c = 0; c < count; c++) {
            System.arraycopy(interests.get(c).direction(), 0, queries, c * dimension, dimension);
            shares[c] = strongest > 0f ? (float) Math.sqrt(Math.max(0f, interests.get(c).weight()) / strongest) : 0f;
        }

        // [interest][slot], when the partition is ranked exactly and dot products are kept between rankings.
        float[][] exactDots = partition.lists() == null && kept != null ? kept.dots(partition, interests) : null;
        Pool found = partition.lists() != null
                ? probedPool(partition, partition.lists(), queries, shares, count, excluded)
                : exactDots != null
                        ? keptPool(partition, exactDots, shares, count, excluded)
                        : exactPool(partition, queries, shares, count, excluded);
        List<Candidate> pool = found.bestFirst();
        String[] labels = labels(partition, pool, found.engaged(), count);
        List<Blended> candidates = blend(partition, pool, queries, exactDots, shares, count, excluded, evidence);
        List<Recommendation> picks = new ArrayList<>(Math.min(k, candidates.size()));
        // (1 - diversity) to the power of the picks each interest has had so far.
        double[] discount = new double[count];
        Arrays.fill(discount, 1.0);
        while (picks.size() < k && !candidates.isEmpty()) {
            int bestIndex = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < candidates.size(); i++) {
                Blended candidate = candidates.get(i);
                double value = candidate.score * discount[candidate.interest];
                if (value > bestValue) {
                    bestValue = value;
                    bestIndex = i;
                }
            }
            Blended next = candidates.remove(bestIndex);
            discount[next.interest] *= 1f - diversity;
            String origin = interests.get(next.interest).origin();
            String reason;
            if (next.coEngagement > next.similarity && next.coEngagement > 0f) {
                reason = CO_ENGAGED;
            } else if (next.similarity < WEAK_MATCH) {
                reason = VARIETY;
            } else {
                reason = reason(labels[next.interest], origin);
            }
            picks.add(new Recommendation(partition.id(next.slot), next.score, next.interest, reason));
        }
        return picks;
    }

    /** The pool plus the co-engaged items of this partition, each with its blended score. */
    private List<Blended> blend(CatalogPartition partition, List<Candidate> pool, float[] queries,
            float[][] exactDots, float[] shares, int count, Predicate<String> excluded, Evidence evidence) {
        int dimension = partition.dimension();
        Map<Integer, Blended> bySlot = new HashMap<>();
        for (Candidate candidate : pool) {
            bySlot.put(candidate.slot, new Blended(candidate.slot, candidate.score, candidate.interest));
        }
        float[] dots = new float[count];
        float coMax = 0f;
        ScoredItems coEngagement = evidence.coEngagement();
        for (int entry : coEngagement.strongest(evidence.coEngagedCandidates())) {
            String id = coEngagement.id(entry);
            float co = coEngagement.value(entry);
            int slot = partition.slotOf(id);
            if (slot < 0 || co <= 0f || excluded.test(id)) {
                continue;
            }
            Blended blended = bySlot.computeIfAbsent(slot,
                    s -> similarity(partition, s, queries, exactDots, shares, count, dots));
            blended.coEngagement = co;
            coMax = Math.max(coMax, co);
        }
        boolean affinity = evidence.affinityWeight() > 0f && !evidence.affinity().isEmpty();
        if (affinity) {
            ScoredItems liked = evidence.affinity();
            for (int entry : liked.strongest(evidence.coEngagedCandidates())) {
                String id = liked.id(entry);
                int slot = partition.slotOf(id);
                if (slot >= 0 && liked.value(entry) > 0f && !excluded.test(id)) {
                    bySlot.computeIfAbsent(slot, s -> similarity(partition, s, queries, exactDots, shares, count, dots));
                }
            }
        }
        if (evidence.popularityWeight() > 0f) {
            for (int slot : partition.mostPopular(evidence.popularCandidates())) {
                if (!bySlot.containsKey(slot) && !excluded.test(partition.id(slot))) {
                    bySlot.put(slot, similarity(partition, slot, queries, exactDots, shares, count, dots));
                }
            }
        }
        double popularityMax = 0;
        float affinityMax = 0f;
        for (Blended blended : bySlot.values()) {
            blended.popularity = Math.log1p(Math.max(0f, partition.popularity(blended.slot)));
            popularityMax = Math.max(popularityMax, blended.popularity);
            if (affinity) {
                // Every candidate's affinity counts, not only the strongest ones': a co-engaged item the same
                // people also liked is the likelier next pick.
                blended.affinity = Math.max(0f, evidence.affinity().getOrDefault(partition.id(blended.slot), 0f));
                affinityMax = Math.max(affinityMax, blended.affinity);
            }
        }
        List<Blended> out = new ArrayList<>(bySlot.values());
        for (Blended blended : out) {
            float co = coMax > 0f ? blended.coEngagement / coMax : 0f;
            float popularity = popularityMax > 0 ? (float) (blended.popularity / popularityMax) : 0f;
            blended.coEngagement = evidence.coEngagementWeight() * co
                    + (affinityMax > 0f ? evidence.affinityWeight() * blended.affinity / affinityMax : 0f);
            blended.score = blended.similarity + blended.coEngagement + evidence.popularityWeight() * popularity;
        }
        out.sort(Comparator.comparingDouble((Blended b) -> -b.score).thenComparing(b -> partition.id(b.slot)));
        return out;
    }

    /** A candidate scored by its best interest, before evidence is added. */
    private static Blended similarity(CatalogPartition partition, int slot, float[] queries, float[][] exactDots,
            float[] shares, int count, float[] dots) {
        if (exactDots != null) {
            for (int c = 0; c < count; c++) {
                dots[c] = exactDots[c][slot];
            }
        } else {
            // The int8 code, as in the scan: a quarter of the bytes to fetch for an item that is rarely in cache, and
            // the same scale as the items the scan found.
            SliceDot.queryDots(queries, 0, count, partition.codes()[slot], 0, partition.dimension(), dots, 0);
        }
        float scale = partition.scales()[slot];
        for (int c = 0; c < count; c++) {
            dots[c] *= scale;
        }
        float best = Float.NEGATIVE_INFINITY;
        int bestInterest = 0;
        for (int c = 0; c < count; c++) {
            float score = shares[c] * dots[c];
            if (score > best) {
                best = score;
                bestInterest = c;
            }
        }
        return new Blended(slot, best, bestInterest);
    }

    /** A candidate being blended; mutable while its evidence is gathered. */
    private static final class Blended {
        final int slot;
        final float similarity;
        final int interest;
        float coEngagement;
        float affinity;
        double popularity;
        float score;

        Blended(int slot, float similarity, int interest) {
            this.slot = slot;
            this.similarity = similarity;
            this.interest = interest;
            this.score = similarity;
        }
    }

    /**
     * Scores only the items of the lists nearest each interest: a stronger interest gets more of the probes
     * (at least one each), and an item reached by several interests keeps its best score. The lists are
     * scanned on their int8 codes (a few 10⁻⁴ of cosine off, a quarter of the memory traffic).
     */
    private Pool probedPool(CatalogPartition partition, CoarseLists lists, float[] queries,
            float[] shares, int count, Predicate<String> excluded) {
        int dimension = partition.dimension();
        float shareSum = 0f;
        for (int c = 0; c < count; c++) {
            shareSum += shares[c];
        }
        // (list, interest) pairs, grouped by list below: each probed list is scanned once, every item scored
        // against all the interests that chose its list, so no item is seen twice.
        float[] similarities = new float[lists.lists()];
        long[] probed = new long[Math.max(1, count * Math.min(probes, lists.lists()))];
        int probedCount = 0;
        for (int c = 0; c < count; c++) {
            int probesForInterest = Math.max(1, Math.round(probes * (shareSum > 0 ? shares[c] / shareSum : 1f / count)));
            lists.similarities(queries, c * dimension, similarities);
            for (int list : nearestLists(similarities, Math.min(probesForInterest, lists.lists()))) {
                if (probedCount == probed.length) {
                    probed = Arrays.copyOf(probed, probed.length * 2);
                }
                probed[probedCount++] = ((long) list << 32) | c;
            }
        }
        Arrays.sort(probed, 0, probedCount);
        Pool pool = new Pool(k * POOL_FACTOR, partition, excluded);
        byte[][] codes = partition.codes();
        float[] scales = partition.scales();
        int[] interestsOfList = new int[count];
        float[] dots = new float[0];
        for (int p = 0; p < probedCount; ) {
            int list = (int) (probed[p] >>> 32);
            int chosenBy = 0;
            while (p < probedCount && (int) (probed[p] >>> 32) == list) {
                interestsOfList[chosenBy++] = (int) probed[p++];
            }
            int[] members = lists.members(list);
            int n = lists.memberCount(list);
            if (dots.length < chosenBy * n) {
                dots = new float[Math.max(chosenBy * n, 2 * dots.length)];
            }
            for (int i = 0; i < chosenBy; i++) {
                SliceDot.dots(queries, interestsOfList[i] * dimension, codes, members, n, dimension, dots, i * n);
            }
            for (int m = 0; m < n; m++) {
                float best = Float.NEGATIVE_INFINITY;
                int bestInterest = 0;
                for (int i = 0; i < chosenBy; i++) {
                    int c = interestsOfList[i];
                    float score = shares[c] * scales[members[m]] * dots[i * n + m];
                    if (score > best) {
                        best = score;
                        bestInterest = c;
                    }
                }
                pool.offer(members[m], best, bestInterest);
            }
        }
        return pool;
    }

    /** Indices of the {@code n} largest values. */
    private static int[] nearestLists(float[] similarities, int n) {
        int[] best = new int[n];
        float[] bestValues = new float[n];
        Arrays.fill(bestValues, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < similarities.length; i++) {
            float value = similarities[i];
            if (value <= bestValues[n - 1]) {
                continue;
            }
            int at = n - 1;
            while (at > 0 && bestValues[at - 1] < value) {
                bestValues[at] = bestValues[at - 1];
                best[at] = best[at - 1];
                at--;
            }
            bestValues[at] = value;
            best[at] = i;
        }
        return best;
    }

    /** The top {@code k × 4} items by relevance, in relevance order, every item scored against every interest. */
    private Pool exactPool(CatalogPartition partition, float[] queries, float[] shares, int count,
            Predicate<String> excluded) {
        int dimension = partition.dimension();
        Pool pool = new Pool(k * POOL_FACTOR, partition, excluded);
        byte[][] codes = partition.codes();
        float[] scales = partition.scales();
        // Each item against all the interests in one pass: its code is read once, not once per interest.
        float[] dots = new float[count];
        for (int slot = 0; slot < partition.size(); slot++) {
            SliceDot.queryDots(queries, 0, count, codes[slot], 0, dimension, dots, 0);
            float scale = scales[slot];
            float best = Float.NEGATIVE_INFINITY;
            int bestInterest = 0;
            for (int c = 0; c < count; c++) {
                float score = shares[c] * dots[c] * scale;
                if (score > best) {
                    best = score;
                    bestInterest = c;
                }
            }
            pool.offer(slot, best, bestInterest);
        }
        return pool;
    }

    /** As {@link #exactPool}, from dot products kept between rankings ({@link InterestDots}). */
    private Pool keptPool(CatalogPartition partition, float[][] exactDots, float[] shares, int count,
            Predicate<String> excluded) {
        Pool pool = new Pool(k * POOL_FACTOR, partition, excluded);
        float[] scales = partition.scales();
        int size = partition.size();
        // Interest by interest, each array read in order; the scan's arithmetic operand for operand, and a later
        // interest takes an item only with a strictly better score, as in the scan, so both give the same ranking.
        float[] best = new float[size];
        int[] bestInterest = new int[size];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        for (int c = 0; c < count; c++) {
            SliceDot.keepBest(shares[c], exactDots[c], scales, size, best, bestInterest, c);
        }
        for (int slot = 0; slot < size; slot++) {
            pool.offer(slot, best[slot], bestInterest[slot]);
        }
        return pool;
    }

    /**
     * The best candidates seen so far, in a bounded min-heap; a candidate below the current floor is
     * dropped before its id is even looked up.
     */
    private static final class Pool {
        private final int capacity;
        private final CatalogPartition partition;
        private final Predicate<String> excluded;
        private final PriorityQueue<Candidate> heap;
        private final PriorityQueue<Candidate> engaged = new PriorityQueue<>(ENGAGED_NAMING + 1, Candidate.WORST_FIRST);
        private float floor = Float.NEGATIVE_INFINITY;

        Pool(int capacity, CatalogPartition partition, Predicate<String> excluded) {
            this.capacity = capacity;
            this.partition = partition;
            this.excluded = excluded;
            this.heap = new PriorityQueue<>(capacity + 1, Candidate.WORST_FIRST);
        }

        void offer(int slot, float score, int interest) {
            if (score <= floor) {
                return;
            }
            String itemId = partition.id(slot);
            if (excluded.test(itemId)) {
                // Not to be recommended again, but what the person engaged with says best what an interest is about.
                if (engaged.size() == ENGAGED_NAMING && score <= engaged.peek().score) {
                    return;
                }
                engaged.add(new Candidate(slot, score, interest, itemId));
                if (engaged.size() > ENGAGED_NAMING) {
                    engaged.poll();
                }
                return;
            }
            heap.add(new Candidate(slot, score, interest, itemId));
            if (heap.size() > capacity) {
                heap.poll();
            }
            if (heap.size() == capacity) {
                floor = heap.peek().score;
            }
        }

        List<Candidate> bestFirst() {
            List<Candidate> pool = new ArrayList<>(heap);
            pool.sort(Candidate.WORST_FIRST.reversed());
            return pool;
        }

        /** The best-matching items the person engaged with (left out of the pool), to name interests by. */
        List<Candidate> engaged() {
            return new ArrayList<>(engaged);
        }
    }

    /**
     * Names each interest by its (at most two) strongest tags among the items it matched best: the candidates and
     * the items the person engaged with, which are not recommended again but say best what the interest is about.
     */
    private static String[] labels(CatalogPartition partition, List<Candidate> pool, List<Candidate> engaged,
            int count) {
        List<Candidate> naming = new ArrayList<>(pool.size() + engaged.size());
        naming.addAll(pool);
        naming.addAll(engaged);
        pool = naming;
        List<Map<String, Float>> tagWeights = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            tagWeights.add(new HashMap<>());
        }
        float[] best = new float[count];
        for (Candidate candidate : pool) {
            best[candidate.interest] = Math.max(best[candidate.interest], candidate.score);
        }
        for (Candidate candidate : pool) {
            String[] tags = partition.tags(candidate.slot);
            // Only the items that really match the interest name it, not the tail of a small catalog.
            if (tags == null || candidate.score < best[candidate.interest] / 2) {
                continue;
            }
            for (String tag : tags) {
                tagWeights.get(candidate.interest).merge(tag, Math.max(candidate.score, 0f) + 1e-3f, Float::sum);
            }
        }
        String[] labels = new String[count];
        for (int c = 0; c < count; c++) {
            Map<String, Float> weights = tagWeights.get(c);
            float top = weights.values().stream().max(Float::compare).orElse(0f);
            // Only tags with real support: a stray item pulled into the pool does not name the interest.
            labels[c] = weights.entrySet().stream()
                    .filter(e -> e.getValue() >= top / 2)
                    .sorted(Map.Entry.<String, Float>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(2)
                    .map(Map.Entry::getKey)
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
        }
        return labels;
    }

    private static String reason(String label, String origin) {
        String source = origin == null || origin.isEmpty() ? "your activity" : "your " + origin + " activity";
        return label.isEmpty()
                ? "matches interests from " + source
                : "matches your interest in " + label + ", from " + source;
    }

    private record Candidate(int slot, float score, int interest, String itemId) {
        static final Comparator<Candidate> WORST_FIRST = Comparator.comparingDouble(Candidate::score)
                .thenComparing(Candidate::itemId, Comparator.reverseOrder());
    }
}
