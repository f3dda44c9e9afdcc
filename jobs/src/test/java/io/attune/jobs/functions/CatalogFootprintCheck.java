package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.testing.Heap;
import io.attune.jobs.stream.CatalogItem;
import io.attune.models.math.Vectors;
import io.attune.models.ranking.CatalogIndex;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: measures the heap a profile subtask's catalog takes per item, as it keeps it: the items as they are
 * checkpointed (embeddings as one byte per dimension, {@link CatalogItem#of}) and the {@link CatalogIndex} ranking
 * reads (int8 codes, and coarse lists once a surface has 4,096 items). 20,000 items of 384 dimensions on two
 * surfaces, two tags each, 11-character ids. Heap is read after repeated full collections, so figures are approximate.
 * {@code mvn -pl jobs test -Dtest=CatalogFootprintCheck -Dattune.measure=true}
 */
@EnabledIfSystemProperty(named = "attune.measure", matches = "true")
class CatalogFootprintCheck {

    private static final int ITEMS = 20_000;
    private static final int DIMENSION = 384;

    @Test
    void heapPerCatalogItem() {
        Random random = new Random(12);
        long empty = Heap.used();
        ReplicatedState.ById<CatalogItem> items = new ReplicatedState.ById<>(CatalogItem::itemId);
        for (int i = 0; i < ITEMS; i++) {
            items.put(CatalogItem.of(String.format("item-%06d", i), "INSTAGRAM", i % 2 == 0 ? "FEED" : "REELS",
                    new String[] {"tag" + i % 50, "tag" + i % 7}, 0L, true, unit(random), false));
        }
        long kept = Heap.used() - empty;
        CatalogIndex index = new CatalogIndex();
        for (CatalogItem item : items.values()) {
            index.put(item.app(), item.surface(), item.itemId(), item.tags(), item.vector());
        }
        long indexed = Heap.used() - empty;
        System.out.printf("%,d catalog items of %d dimensions: %,d bytes per item as kept for checkpoints, %,d with the "
                + "ranking index too%n", ITEMS, DIMENSION, kept / ITEMS, indexed / ITEMS);
        assertThat(index.surfaces("INSTAGRAM")).hasSize(2);
    }

    private static float[] unit(Random random) {
        float[] vector = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            vector[d] = (float) random.nextGaussian();
        }
        return Vectors.normalized(vector);
    }
}
