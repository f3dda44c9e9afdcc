package io.attune.models.ranking;

import java.util.Arrays;

/**
 * Items with a score each, as a refresh's {@link Evidence} hands them to the ranker: entries numbered
 * {@code 0 .. size()-1} in the order their items were first scored, and a lookup by item id. Implemented by
 * {@link ItemScores} (a table keyed by id) and by the sums {@link EvidenceSums} gathers (arrays indexed by an
 * item's {@link ItemNumbers number}).
 */
public interface ScoredItems {

    int size();

    default boolean isEmpty() {
        return size() == 0;
    }

    /** The id of entry {@code entry}, {@code 0 <= entry < size()}. */
    String id(int entry);

    /** The value of entry {@code entry}. */
    float value(int entry);

    /** The id's value, or {@code absent} when it has none. */
    float getOrDefault(String id, float absent);

    /**
     * The entries of the {@code limit} highest values (all entries when there are no more), in no particular order;
     * ties at the cut go to the smaller id, so the kept set never depends on the order entries were added in.
     */
    default int[] strongest(int limit) {
        int size = size();
        if (limit <= 0) {
            return new int[0];
        }
        if (size <= limit) {
            int[] all = new int[size];
            for (int entry = 0; entry < size; entry++) {
                all[entry] = entry;
            }
            return all;
        }
        // The cut first, by value alone (a min-heap of the highest values seen); then every entry above it, and
        // of those at it the smallest ids. Sums of integer counts tie often, and comparing ids reads their
        // strings, which a refresh otherwise never touches: only entries exactly at the cut pay for that.
        float[] heap = new float[limit];
        for (int entry = 0; entry < limit; entry++) {
            heap[entry] = value(entry);
        }
        for (int at = limit / 2 - 1; at >= 0; at--) {
            siftDown(heap, at);
        }
        for (int entry = limit; entry < size; entry++) {
            float value = value(entry);
            if (Float.compare(value, heap[0]) > 0) {
                heap[0] = value;
                siftDown(heap, 0);
            }
        }
        float cut = heap[0];
        int[] kept = new int[limit];
        int above = 0;
        int[] atCut = new int[16];
        int ties = 0;
        for (int entry = 0; entry < size; entry++) {
            int byValue = Float.compare(value(entry), cut);
            if (byValue > 0) {
                kept[above++] = entry;
            } else if (byValue == 0) {
                if (ties == atCut.length) {
                    atCut = Arrays.copyOf(atCut, ties * 2);
                }
                atCut[ties++] = entry;
            }
        }
        Integer[] tied = new Integer[ties];
        for (int i = 0; i < ties; i++) {
            tied[i] = atCut[i];
        }
        Arrays.sort(tied, (a, b) -> id(a).compareTo(id(b)));
        for (int i = 0; above + i < limit; i++) {
            kept[above + i] = tied[i];
        }
        return kept;
    }

    private static void siftDown(float[] heap, int at) {
        int length = heap.length;
        while (true) {
            int child = 2 * at + 1;
            if (child >= length) {
                return;
            }
            if (child + 1 < length && Float.compare(heap[child + 1], heap[child]) < 0) {
                child++;
            }
            if (Float.compare(heap[child], heap[at]) >= 0) {
                return;
            }
            float kept = heap[at];
            heap[at] = heap[child];
            heap[child] = kept;
            at = child;
        }
    }
}
