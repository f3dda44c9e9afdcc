package io.attune.bench;

import io.attune.models.guard.GuardTrainer;
import io.attune.models.ranking.CatalogPartition;
import io.attune.models.ranking.Interest;
import io.attune.models.ranking.InterestRanker;
import io.attune.models.ranking.Recommendation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Recall of the coarse-list index on real sentence embeddings rather than synthetic ones: the catalog is
 * every text of one embedding file (the guard trainer's cache of MiniLM embeddings of the public
 * sensitive-topics texts), people's interests are embeddings of other texts. Prints recall@20 against the
 * exact ranking and the mean time per ranking, per number of probes.
 *
 * <pre>java -cp … io.attune.bench.IndexRecallCheck CATALOG.emb QUERIES.emb</pre>
 */
public final class IndexRecallCheck {

    private static final int K = 20;
    private static final int PEOPLE = 300;

    private IndexRecallCheck() {}

    public static void main(String[] args) throws IOException {
        List<float[]> catalog = GuardTrainer.readEmbeddingCache(Path.of(args[0]));
        List<float[]> queries = GuardTrainer.readEmbeddingCache(Path.of(args[1]));
        int dimension = catalog.get(0).length;
        CatalogPartition indexed = new CatalogPartition(dimension);
        CatalogPartition exact = new CatalogPartition(dimension, Integer.MAX_VALUE);
        long start = System.nanoTime();
        for (int i = 0; i < catalog.size(); i++) {
            indexed.put("item-" + i, new String[0], catalog.get(i));
        }
        System.out.printf("catalog: %,d real embeddings; index built item by item in %.1f s%n", catalog.size(),
                (System.nanoTime() - start) / 1e9);
        for (int i = 0; i < catalog.size(); i++) {
            exact.put("item-" + i, new String[0], catalog.get(i));
        }
        System.out.println("| interests | probes | recall@20 | mean ms (indexed) | mean ms (exact) |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (int interests : new int[] {1, 8}) {
            List<List<Interest>> people = people(queries, interests, new Random(interests));
            for (int probes : new int[] {8, 12, 16, 32}) {
                InterestRanker ranker = new InterestRanker(K, 0f, probes);
                long found = 0;
                long indexedNanos = 0;
                long exactNanos = 0;
                for (List<Interest> person : people) {
                    long t0 = System.nanoTime();
                    List<Recommendation> truth = ranker.rank(exact, person, id -> false);
                    long t1 = System.nanoTime();
                    List<Recommendation> got = ranker.rank(indexed, person, id -> false);
                    long t2 = System.nanoTime();
                    exactNanos += t1 - t0;
                    indexedNanos += t2 - t1;
                    Set<String> expected = new HashSet<>();
                    truth.forEach(r -> expected.add(r.itemId()));
                    for (Recommendation r : got) {
                        found += expected.contains(r.itemId()) ? 1 : 0;
                    }
                }
                System.out.printf("| %d | %d | %.3f | %.2f | %.2f |%n", interests, probes,
                        found / (double) (PEOPLE * K), indexedNanos / 1e6 / PEOPLE, exactNanos / 1e6 / PEOPLE);
            }
        }
    }

    private static List<List<Interest>> people(List<float[]> texts, int interests, Random random) {
        List<List<Interest>> people = new ArrayList<>(PEOPLE);
        for (int p = 0; p < PEOPLE; p++) {
            List<Interest> person = new ArrayList<>(interests);
            for (int c = 0; c < interests; c++) {
                person.add(new Interest(texts.get(random.nextInt(texts.size())), 0.2f + 4.8f * random.nextFloat(),
                        "APP"));
            }
            people.add(person);
        }
        return people;
    }
}
