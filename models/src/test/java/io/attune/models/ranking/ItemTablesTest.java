package io.attune.models.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ItemTablesTest {

    @Test
    void givesBackWhatWasPutByIdWithGuaranteedWeights() {
        ItemTables tables = new ItemTables();
        NeighborTable published = new NeighborTable(new String[] {"b", "c"}, new float[] {5f, 2f}, new float[0]);
        // A table restored from before session 20 still carries its errors: the guaranteed weight is weight - error.
        NeighborTable withErrors = new NeighborTable(new String[] {"a"}, new float[] {4f}, new float[] {1f});
        int a = tables.put("a", 7f, published, withErrors);
        int b = tables.put("b", 3f, null, null);

        assertThat(tables.hasSignals(a)).isTrue();
        assertThat(tables.hasSignals(b)).isTrue();
        assertThat(tables.hasSignals(tables.find("c"))).as("only named in a's table").isFalse();
        assertThat(tables.popularity(a)).isEqualTo(7f);
        assertThat(tables.neighborTable(a).neighbors()).containsExactly("b", "c");
        assertThat(tables.neighborTable(a).weights()).containsExactly(5f, 2f);
        assertThat(tables.neighborTable(a).errors()).isEmpty();
        assertThat(tables.affinityTable(a).neighbors()).containsExactly("a");
        assertThat(tables.affinityTable(a).weights()).containsExactly(3f);
        assertThat(tables.neighborTable(b).neighbors()).isEmpty();
        assertThat(tables.affinityTable(b).neighbors()).isEmpty();
    }

    @Test
    void anItemPutAgainReplacesItsTables() {
        ItemTables tables = new ItemTables();
        tables.put("a", 1f, new NeighborTable(new String[] {"b"}, new float[] {1f}, new float[0]), null);
        int a = tables.put("a", 2f, new NeighborTable(new String[] {"c"}, new float[] {4f}, new float[0]), null);

        assertThat(tables.popularity(a)).isEqualTo(2f);
        assertThat(tables.neighborTable(a).neighbors()).containsExactly("c");
    }

    @Test
    void subtasksSharingStorageHoldOneCopyOfTheSamePublication() {
        SharedItemTables shared = new SharedItemTables();
        ItemTables first = new ItemTables(shared);
        ItemTables second = new ItemTables(shared);
        NeighborTable published = new NeighborTable(new String[] {"b", "c"}, new float[] {5f, 2f}, new float[0]);

        int a = first.put("a", 7f, published, null);
        // The second subtask deserialized its own copy of the same publication.
        assertThat(second.put("a", 7f, new NeighborTable(new String[] {"b", "c"}, new float[] {5f, 2f}, new float[0]),
                null)).as("one numbering").isEqualTo(a);

        assertThat(second.neighbors(a)).isSameAs(first.neighbors(a));
        assertThat(shared.tablesOf(a)).isEqualTo(1);
        assertThat(second.neighborTable(a).neighbors()).containsExactly("b", "c");
    }

    @Test
    void eachSubtaskSeesTheTablesItWasGivenWhateverTheOthersReached() {
        SharedItemTables shared = new SharedItemTables();
        ItemTables ahead = new ItemTables(shared);
        ItemTables behind = new ItemTables(shared);
        NeighborTable first = new NeighborTable(new String[] {"b"}, new float[] {1f}, new float[0]);
        NeighborTable then = new NeighborTable(new String[] {"b", "c"}, new float[] {3f, 1f}, new float[0]);

        int a = ahead.put("a", 1f, first, null);
        behind.put("a", 1f, first, null);
        ahead.put("a", 2f, then, null);

        assertThat(behind.neighborTable(a).neighbors()).as("still its own last put").containsExactly("b");
        assertThat(behind.popularity(a)).isEqualTo(1f);
        assertThat(ahead.neighborTable(a).neighbors()).containsExactly("b", "c");
        assertThat(shared.tablesOf(a)).as("both versions held").isEqualTo(2);

        behind.put("a", 2f, then, null);
        assertThat(behind.neighbors(a)).isSameAs(ahead.neighbors(a));
        assertThat(shared.tablesOf(a)).as("the first version is held by nobody: dropped").isEqualTo(1);

        ahead.release();
        behind.release();
        assertThat(shared.tablesOf(a)).isZero();
        assertThat(ahead.hasSignals(a)).isFalse();
    }

    @Test
    void subtasksPuttingAndGatheringAtOnceEachSeeExactlyTheirOwnPuts() throws Exception {
        // Four subtasks of one JVM, each at its own speed: each puts the same publications and gathers as it goes; at
        // the end each holds what a subtask of its own would, entry for entry. (One that falls more than a few
        // publications behind on an item makes a copy of its own, so how much is shared here depends on scheduling.)
        List<Object[]> publications = publications();
        List<ItemTables> views = putConcurrently(publications, false);
        ItemTables alone = new ItemTables();
        for (Object[] put : publications) {
            alone.put((String) put[0], (Float) put[1], (NeighborTable) put[2], (NeighborTable) put[3]);
        }
        for (ItemTables view : views) {
            for (int n = 0; n < 400; n++) {
                String id = "item-" + n;
                int mine = view.find(id);
                int theirs = alone.find(id);
                if (theirs < 0 || !alone.hasSignals(theirs)) {
                    continue;
                }
                assertThat(view.hasSignals(mine)).isTrue();
                assertThat(view.popularity(mine)).isEqualTo(alone.popularity(theirs));
                assertThat(view.neighborTable(mine).neighbors()).containsExactly(alone.neighborTable(theirs).neighbors());
                assertThat(view.neighborTable(mine).weights()).containsExactly(alone.neighborTable(theirs).weights());
                assertThat(view.affinityTable(mine).neighbors()).containsExactly(alone.affinityTable(theirs).neighbors());
            }
        }
    }

    @Test
    void subtasksWithinAPublicationOfEachOtherHoldOneCopyOfEachTable() throws Exception {
        // The same four subtasks, none more than one publication ahead of the others (as subtasks reading one
        // broadcast stream roughly are): every item ends with one copy of its tables among the four.
        List<ItemTables> views = putConcurrently(publications(), true);
        int items = 0;
        for (int n = 0; n < 400; n++) {
            String id = "item-" + n;
            if (views.get(0).find(id) < 0 || !views.get(0).hasSignals(views.get(0).find(id))) {
                continue;
            }
            items++;
            Set<Object> neighbors = Collections.newSetFromMap(new IdentityHashMap<>());
            Set<Object> affinities = Collections.newSetFromMap(new IdentityHashMap<>());
            for (ItemTables view : views) {
                neighbors.add(view.neighbors(view.find(id)));
                affinities.add(view.affinities(view.find(id)));
            }
            assertThat(neighbors).as(id).hasSize(1);
            assertThat(affinities).as(id).hasSize(1);
        }
        assertThat(items).isGreaterThan(350);
    }

    /** 3,000 publications of 400 items, with tables of 16 neighbours and 48 affinities. */
    private static List<Object[]> publications() {
        Random random = new Random(11);
        List<Object[]> publications = new ArrayList<>();
        for (int p = 0; p < 3_000; p++) {
            publications.add(new Object[] {"item-" + random.nextInt(400), (float) random.nextInt(50),
                randomTable(random, 16), randomTable(random, 48)});
        }
        return publications;
    }

    /**
     * Four threads, each with its own {@link ItemTables} over one {@link SharedItemTables}, put every publication and
     * gather after each put; {@code inStep}: none starts a publication before all have finished the one before.
     */
    private static List<ItemTables> putConcurrently(List<Object[]> publications, boolean inStep) throws Exception {
        int threads = 4;
        SharedItemTables shared = new SharedItemTables();
        CyclicBarrier step = new CyclicBarrier(threads);
        List<ItemTables> views = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ItemTables>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    ItemTables tables = new ItemTables(shared);
                    EvidenceSums sums = new EvidenceSums(0.5f, tables);
                    for (Object[] put : publications) {
                        if (inStep) {
                            step.await(1, TimeUnit.MINUTES);
                        }
                        int item = tables.put((String) put[0], (Float) put[1], (NeighborTable) put[2],
                                (NeighborTable) put[3]);
                        sums.clear();
                        sums.addNeighbors(item, 1f);
                        sums.addAffinity(item);
                    }
                    return tables;
                }));
            }
            for (Future<ItemTables> view : done) {
                views.add(view.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        return views;
    }

    private static NeighborTable randomTable(Random random, int size) {
        String[] ids = new String[size];
        float[] weights = new float[size];
        for (int i = 0; i < size; i++) {
            ids[i] = "item-" + random.nextInt(400);
            weights[i] = 1 + random.nextInt(20);
        }
        return new NeighborTable(ids, weights, new float[0]);
    }
}
