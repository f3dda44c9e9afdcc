package io.attune.models.ranking;

import io.attune.models.math.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Collects the {@code k} candidates most similar to a query vector in one pass, holding at most {@code k}
 * of them (a min-heap), so ranking a large catalog allocates little.
 */
public final class TopK {

    private static final Comparator<RankedItem> WORST_FIRST =
            Comparator.comparingDouble(RankedItem::score).thenComparing(RankedItem::itemId, Comparator.reverseOrder());

    private final float[] query;
    private final int k;
    private final PriorityQueue<RankedItem> heap;

    /** @param query the interest vector; it is normalised once here, so candidates should be unit length */
    public TopK(float[] query, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        this.query = Vectors.normalized(query);
        this.k = k;
        this.heap = new PriorityQueue<>(k + 1, WORST_FIRST);
    }

    /** Offers one unit-length candidate vector. */
    public void offer(String itemId, float[] vector) {
        RankedItem item = new RankedItem(itemId, Vectors.dot(query, vector));
        if (heap.size() < k) {
            heap.add(item);
        } else if (WORST_FIRST.compare(item, heap.peek()) > 0) {
            heap.poll();
            heap.add(item);
        }
    }

    /** The best candidates, best first; ties broken by item id for reproducible output. */
    public List<RankedItem> result() {
        List<RankedItem> items = new ArrayList<>(heap);
        items.sort(WORST_FIRST.reversed());
        return items;
    }
}
