package io.attune.bench;

import io.attune.models.math.Vectors;
import io.attune.models.ranking.CatalogPartition;
import io.attune.models.ranking.Evidence;
import io.attune.models.ranking.EvidenceSums;
import io.attune.models.ranking.Interest;
import io.attune.models.ranking.InterestDots;
import io.attune.models.ranking.InterestRanker;
import io.attune.models.ranking.ItemScores;
import io.attune.models.ranking.ItemTables;
import io.attune.models.ranking.NeighborTable;
import io.attune.models.ranking.Recommendation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency distribution of one refresh's ranking: top-20 of a 100,000-item surface (384 dimensions) for
 * a person with 1 or 8 interests, through the coarse-list index ({@code indexed}, scanning {@code probes}
 * lists shared among the interests) or item by item ({@code exact}). Setup prints the index's recall@20
 * against the exact ranking over 200 people. The catalog is synthetic but topical ({@link SyntheticCatalog}).
 * The fork's heap is fixed and touched up front, as a TaskManager's is (Flink starts it with -Xms equal to
 * -Xmx; the images add AlwaysPreTouch), and backed by transparent huge pages as in the images: a growing heap's
 * first page faults, not the ranking, made most of the gathered refresh's p99 before (BENCHMARKS.md, run 19).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "--add-modules", "jdk.incubator.vector",
        "-XX:+UseTransparentHugePages"})
public class RetrievalBenchmark {

    private static final int K = 20;

    @Param({"100000"})
    public int items;

    @Param({"1", "8"})
    public int interests;

    @Param({"indexed", "exact"})
    public String mode;

    @Param({"12"})
    public int probes;

    /**
     * Co-engaged items per person (0: interests only). With more, each person also has that many co-engaged
     * items with random scores (8 liked items × 64 published neighbours is up to 512), of which the ranker takes
     * the {@code coEngagedPerItem} × 20 strongest, plus the 80 most popular items, as in a refresh.
     */
    @Param({"0"})
    public int coEngaged;

    /**
     * Items with affinity per person (0: none). With more, each person also has that many items with random
     * affinity (32 liked items × 256 published affinities is up to 8,192), of which the {@code coEngagedPerItem}
     * × 20 strongest join the candidates and every candidate's affinity is blended in, as in a refresh.
     */
    @Param({"0"})
    public int affinity;

    /**
     * Liked items whose affinity tables a gathered refresh sums ({@code refresh.affinity-likes}: 32 since
     * session 29, 16 before), each with {@code affinity / affinityLikes} entries.
     */
    @Param({"32"})
    public int affinityLikes;

    /**
     * Co-engaged candidates per recommended item ({@code refresh.co-engaged-candidates}), and as many with the most
     * affinity: of the 20 recommended here, 5 makes the 100 ranked of each kind.
     */
    @Param({"5"})
    public int coEngagedPerItem;

    /**
     * "given": the co-engaged and affinity scores are ready before the call. "gathered": each call first sums them
     * from the liked items' tables, as {@code UpdateProfile} does for a refresh ({@link EvidenceSums}: 8 liked items
     * with {@code coEngaged / 8} neighbours each and {@code affinityLikes} with {@code affinity / affinityLikes}
     * affinities, every entry's popularity looked up), so the figure is a whole refresh's ranking work.
     */
    @Param({"given"})
    public String evidenceFrom;

    /**
     * MB of dot products kept between rankings of an exactly ranked surface ({@link InterestDots}; the job's
     * {@code refresh.dot-cache-size}); 0 keeps none, as before this parameter existed.
     */
    @Param({"0"})
    public int dotCacheMb;

    /**
     * How many of a person's interests move before each of their rankings (each gets a direction never ranked
     * before), as an event moves the interest it feeds; the others keep their directions, as fading ones do.
     */
    @Param({"1"})
    public int moved;

    private CatalogPartition partition;
    private InterestRanker ranker;
    private List<List<Interest>> people;
    private List<Evidence> evidence;
    private List<int[]> likedNeighbors;
    private List<int[]> likedAffinity;
    private ItemTables tables;
    private EvidenceSums sums;
    private int cursor;
    private final int[] rounds = new int[256];

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticCatalog catalog = new SyntheticCatalog(items, 384, 11);
        partition = catalog.partition(mode.equals("indexed") ? CatalogPartition.DEFAULT_INDEXED_FROM : Integer.MAX_VALUE);
        ranker = new InterestRanker(K, 0.3f, probes, dotCacheMb > 0 ? new InterestDots(dotCacheMb * (1L << 20)) : null);
        people = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            people.add(catalog.person(interests));
        }
        evidence = new ArrayList<>();
        Random random = new Random(5);
        tables = new ItemTables();
        for (int slot = 0; slot < items; slot++) {
            float liked = (float) Math.floor(1 / (1e-3 + random.nextDouble()));
            partition.setPopularity(SyntheticCatalog.id(slot), liked);
            tables.put(SyntheticCatalog.id(slot).intern(), liked, null, null);
        }
        sums = new EvidenceSums(0.5f, tables);
        likedNeighbors = new ArrayList<>();
        likedAffinity = new ArrayList<>();
        // Its own generator, so the given scores below are the same as before this parameter existed.
        Random tableRandom = new Random(6);
        for (int i = 0; i < 256; i++) {
            likedNeighbors.add(liked("neighbors-" + i, 8, coEngaged / 8, tableRandom, false));
            likedAffinity.add(liked("affinity-" + i, affinityLikes, affinity / affinityLikes, tableRandom, true));
        }
        for (int i = 0; i < 256; i++) {
            Map<String, Float> co = new HashMap<>();
            while (co.size() < coEngaged) {
                co.put(SyntheticCatalog.id(random.nextInt(items)), random.nextFloat());
            }
            Map<String, Float> liked = new HashMap<>();
            while (liked.size() < affinity) {
                liked.put(SyntheticCatalog.id(random.nextInt(items)), random.nextFloat());
            }
            evidence.add(coEngaged == 0 && affinity == 0 ? Evidence.none()
                    : new Evidence(ItemScores.of(co), 1f, 1f, K * 4, K * coEngagedPerItem, ItemScores.of(liked), 1f));
        }
        if (mode.equals("indexed")) {
            CatalogPartition exact = catalog.partition(Integer.MAX_VALUE);
            InterestRanker relevanceOnly = new InterestRanker(K, 0f, probes);
            long found = 0;
            for (List<Interest> person : people.subList(0, 200)) {
                Set<String> truth = new HashSet<>();
                relevanceOnly.rank(exact, person, id -> false).forEach(r -> truth.add(r.itemId()));
                for (Recommendation r : relevanceOnly.rank(partition, person, id -> false)) {
                    found += truth.contains(r.itemId()) ? 1 : 0;
                }
            }
            System.out.printf("%nrecall@%d of the index vs exact (%d interests, %d probes): %.3f%n",
                    K, interests, probes, found / (200.0 * K));
        }
    }

    /**
     * {@code count} liked items (popularity 50) with a table of {@code size} random items each (ids interned, as the
     * job's tables are), as neighbours or as affinities; their numbers.
     */
    private int[] liked(String name, int count, int size, Random random, boolean asAffinity) {
        int[] liked = new int[count];
        for (int t = 0; t < count; t++) {
            String[] ids = new String[size];
            float[] weights = new float[size];
            for (int i = 0; i < size; i++) {
                ids[i] = SyntheticCatalog.id(random.nextInt(items)).intern();
                weights[i] = 1 + random.nextInt(20);
            }
            NeighborTable table = new NeighborTable(ids, weights, new float[0]);
            liked[t] = tables.put(name + "-" + t, 50f, asAffinity ? null : table, asAffinity ? table : null);
        }
        return liked;
    }

    @Benchmark
    public List<Recommendation> rankTop20() {
        int next = cursor++ & 255;
        Evidence given = evidence.get(next);
        if (evidenceFrom.equals("gathered") && (coEngaged > 0 || affinity > 0)) {
            sums.clear();
            float recency = 1f;
            for (int liked : likedNeighbors.get(next)) {
                sums.addNeighbors(liked, recency);
                recency *= 0.8f;
            }
            for (int liked : likedAffinity.get(next)) {
                sums.addAffinity(liked);
            }
            given = new Evidence(sums.coEngagement(), 1f, 1f, K * 4, K * coEngagedPerItem, sums.affinity(), 1f);
        }
        return ranker.rank(partition, moved(next), id -> false, given);
    }

    /**
     * The person's interests with the next {@code moved} of them (in turn) pushed a little off their direction:
     * never the same direction twice, so a kept entry is found only for interests that did not move.
     */
    private List<Interest> moved(int person) {
        List<Interest> current = people.get(person);
        if (moved <= 0) {
            return current;
        }
        List<Interest> next = new ArrayList<>(current);
        int round = rounds[person]++;
        for (int m = 0; m < moved; m++) {
            int c = (round * moved + m) % next.size();
            float[] direction = next.get(c).direction().clone();
            direction[round % direction.length] += 0.01f;
            next.set(c, new Interest(Vectors.normalized(direction), next.get(c).weight(), next.get(c).origin()));
        }
        people.set(person, next);
        return next;
    }
}
