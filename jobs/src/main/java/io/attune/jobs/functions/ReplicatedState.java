package io.attune.jobs.functions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.OperatorStateStore;

/**
 * Entries by id that every parallel instance of an operator holds whole, because a broadcast stream feeds them, but
 * that a checkpoint holds once: each instance writes only its slice (the entries whose id hashes to its index) into
 * union list state, and on a restore every instance reads the union of the slices, which is every entry whatever the
 * parallelism was before. Flink's broadcast state is written whole by every instance instead, so a checkpoint held
 * the parallelism times the entries: at 100,000 engaged items, about 550 MB per profile subtask at every checkpoint
 * (BENCHMARKS.md, "State: what a deployment holds").
 *
 * <p>Every instance holds the same entries: a broadcast stream sends each element to all of them, an item's updates
 * come from one upstream instance (in its order), and aligned checkpoints cut every instance's input at the same
 * elements.
 *
 * <p>The entries live in a {@link Store} between checkpoints, in whatever form the operator reads them ({@link ById},
 * a map, or the profile operator's {@link ItemSignalTables}). The profile operator's catalog and item signals and the
 * co-engagement operator's sensitive items are kept so. State written before this layout, as broadcast state
 * under {@code legacy}, is read into the store once when the operator is restored from it and then cleared, so the
 * next checkpoint writes the slices only.
 *
 * @param <V> the entries as checkpointed
 */
public final class ReplicatedState<V> {

    /** Where the entries live between checkpoints. */
    public interface Store<V> {

        /** Adds or replaces an entry (by its id). */
        void put(V entry);

        /** Hands every entry whose id {@code ids} accepts to {@code into}, as it is to be checkpointed. */
        void collect(Predicate<String> ids, Consumer<V> into);
    }

    /** Entries in a hash map by id. */
    public static final class ById<V> implements Store<V> {

        private final Map<String, V> entries = new HashMap<>();
        private final Function<V, String> idOf;

        public ById(Function<V, String> idOf) {
            this.idOf = idOf;
        }

        @Override
        public void put(V entry) {
            entries.put(idOf.apply(entry), entry);
        }

        @Override
        public void collect(Predicate<String> ids, Consumer<V> into) {
            for (Map.Entry<String, V> entry : entries.entrySet()) {
                if (ids.test(entry.getKey())) {
                    into.accept(entry.getValue());
                }
            }
        }

        public V get(String id) {
            return entries.get(id);
        }

        public void remove(String id) {
            entries.remove(id);
        }

        public Iterable<V> values() {
            return entries.values();
        }
    }

    private final Store<V> store;
    private final ListState<V> slices;

    /**
     * Registers the slices' union list state named {@code name} and, when restored, reads it and any legacy broadcast
     * state (whose values are the entries) into {@code store}.
     */
    public ReplicatedState(OperatorStateStore operatorState, String name, Class<V> type,
            MapStateDescriptor<String, V> legacy, boolean restored, Store<V> store) throws Exception {
        this(operatorState, name, type, legacy, (id, value) -> value, restored, store);
    }

    /** As the other constructor, for legacy broadcast state whose entries {@code fromLegacy} turns into {@code V}s. */
    public <L> ReplicatedState(OperatorStateStore operatorState, String name, Class<V> type,
            MapStateDescriptor<String, L> legacy, BiFunction<String, L, V> fromLegacy, boolean restored,
            Store<V> store) throws Exception {
        this.store = store;
        this.slices = operatorState.getUnionListState(new ListStateDescriptor<>(name, type));
        if (restored) {
            for (V entry : slices.get()) {
                store.put(entry);
            }
            BroadcastState<String, L> previous = operatorState.getBroadcastState(legacy);
            for (Map.Entry<String, L> entry : previous.immutableEntries()) {
                store.put(fromLegacy.apply(entry.getKey(), entry.getValue()));
            }
            previous.clear();
        }
    }

    /** Writes this instance's slice: the entries whose id hashes to {@code index} among {@code parallelism}. */
    public void snapshot(int index, int parallelism) throws Exception {
        List<V> slice = new ArrayList<>();
        store.collect(id -> sliceOf(id, parallelism) == index, slice::add);
        slices.update(slice);
    }

    static int sliceOf(String id, int parallelism) {
        return Math.floorMod(id.hashCode(), parallelism);
    }
}
