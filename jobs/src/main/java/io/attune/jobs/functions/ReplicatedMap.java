package io.attune.jobs.functions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.OperatorStateStore;

/**
 * A map by id that every parallel instance of an operator holds whole, because a broadcast stream feeds it, but that
 * a checkpoint holds once: each instance writes only its slice (the entries whose id hashes to its index) into union
 * list state, and on a restore every instance reads the union of the slices, which is the whole map whatever the
 * parallelism was before. Flink's broadcast state is written whole by every instance instead, so a checkpoint held
 * the parallelism times the map: at 100,000 engaged items, about 550 MB per profile subtask at every checkpoint
 * (BENCHMARKS.md, "State: what a deployment holds").
 *
 * <p>Every instance holds the same map: a broadcast stream sends each element to all of them, an item's updates come
 * from one upstream instance (in its order), and aligned checkpoints cut every instance's input at the same elements.
 *
 * <p>State written before this layout, as broadcast state under {@code legacy}, is read once when the operator is
 * restored from it and then cleared, so the next checkpoint writes the slices only.
 *
 * @param <V> the entries, each knowing its own id
 */
public final class ReplicatedMap<V> {

    private final Map<String, V> entries = new HashMap<>();
    private final Function<V, String> idOf;
    private ListState<V> slices;

    /**
     * Registers the slices' union list state named {@code name} and reads it, and any legacy broadcast state, when
     * restored.
     */
    public ReplicatedMap(OperatorStateStore store, String name, Class<V> type, Function<V, String> idOf,
            MapStateDescriptor<String, V> legacy, boolean restored) throws Exception {
        this.idOf = idOf;
        this.slices = store.getUnionListState(new ListStateDescriptor<>(name, type));
        if (restored) {
            for (V entry : slices.get()) {
                entries.put(idOf.apply(entry), entry);
            }
            BroadcastState<String, V> previous = store.getBroadcastState(legacy);
            for (Map.Entry<String, V> entry : previous.immutableEntries()) {
                entries.putIfAbsent(entry.getKey(), entry.getValue());
            }
            previous.clear();
        }
    }

    public V get(String id) {
        return entries.get(id);
    }

    public void put(V entry) {
        entries.put(idOf.apply(entry), entry);
    }

    public void remove(String id) {
        entries.remove(id);
    }

    public Iterable<V> values() {
        return entries.values();
    }

    public int size() {
        return entries.size();
    }

    /** Writes this instance's slice: the entries whose id hashes to {@code index} among {@code parallelism}. */
    public void snapshot(int index, int parallelism) throws Exception {
        List<V> slice = new ArrayList<>(entries.size() / Math.max(1, parallelism) + 16);
        for (Map.Entry<String, V> entry : entries.entrySet()) {
            if (sliceOf(entry.getKey(), parallelism) == index) {
                slice.add(entry.getValue());
            }
        }
        slices.update(slice);
    }

    static int sliceOf(String id, int parallelism) {
        return Math.floorMod(id.hashCode(), parallelism);
    }
}
