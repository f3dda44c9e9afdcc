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
 * co-engagement operator's sensitive items are kept so. A slice is written as its entries, or packed into denser
 * elements by a {@link Format} (the item signals, {@code ItemSignalPack}). State an earlier version wrote instead
 * ({@link Earlier}: broadcast state, or slices in another format) is read into the store once when the operator is
 * restored from it and then cleared, so the next checkpoint writes today's slices only.
 *
 * @param <V> the entries
 * @param <E> the elements a checkpoint holds them in ({@link Format})
 */
public final class ReplicatedState<V, E> {

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

    /**
     * How a slice's entries are written as list elements: each as itself ({@link #entries()}), or several packed into
     * one denser element.
     *
     * @param <V> the entries
     * @param <E> the elements written
     */
    public interface Format<V, E> {

        List<E> pack(List<V> slice);

        void unpack(E element, Consumer<V> into);

        /** Every entry an element of its own. */
        static <V> Format<V, V> entries() {
            return new AsEntries<>();
        }
    }

    /** The format of {@link Format#entries()}. */
    private static final class AsEntries<V> implements Format<V, V> {

        @Override
        public List<V> pack(List<V> slice) {
            return slice;
        }

        @Override
        public void unpack(V element, Consumer<V> into) {
            into.accept(element);
        }
    }

    /** State an earlier version wrote instead of today's slices: read into the store once, on a restore, then cleared. */
    public interface Earlier<V> {

        void moveInto(OperatorStateStore operatorState, Consumer<V> into) throws Exception;

        /** Broadcast state (0.6 and earlier), whose entries {@code toEntry} turns into {@code V}s. */
        static <L, V> Earlier<V> broadcast(MapStateDescriptor<String, L> state, BiFunction<String, L, V> toEntry) {
            return (operatorState, into) -> {
                BroadcastState<String, L> previous = operatorState.getBroadcastState(state);
                for (Map.Entry<String, L> entry : previous.immutableEntries()) {
                    into.accept(toEntry.apply(entry.getKey(), entry.getValue()));
                }
                previous.clear();
            };
        }

        /** Slices of union list state named {@code name} that held every entry as an element of its own. */
        static <V> Earlier<V> slices(String name, Class<V> type) {
            return (operatorState, into) -> {
                ListState<V> previous = operatorState.getUnionListState(new ListStateDescriptor<>(name, type));
                for (V entry : previous.get()) {
                    into.accept(entry);
                }
                previous.clear();
            };
        }
    }

    private final Store<V> store;
    private final Format<V, E> format;
    private final ListState<E> slices;

    /**
     * Registers the slices' union list state named {@code name} and, when restored, reads it and whatever the
     * {@code earlier} versions wrote instead into {@code store}.
     */
    public ReplicatedState(OperatorStateStore operatorState, String name, Class<E> elementType, Format<V, E> format,
            boolean restored, Store<V> store, List<Earlier<V>> earlier) throws Exception {
        this.store = store;
        this.format = format;
        this.slices = operatorState.getUnionListState(new ListStateDescriptor<>(name, elementType));
        if (restored) {
            for (E element : slices.get()) {
                format.unpack(element, store::put);
            }
            for (Earlier<V> previous : earlier) {
                previous.moveInto(operatorState, store::put);
            }
        }
    }

    /** Writes this instance's slice: the entries whose id hashes to {@code index} among {@code parallelism}. */
    public void snapshot(int index, int parallelism) throws Exception {
        List<V> slice = new ArrayList<>();
        store.collect(id -> sliceOf(id, parallelism) == index, slice::add);
        slices.update(format.pack(slice));
    }

    static int sliceOf(String id, int parallelism) {
        return Math.floorMod(id.hashCode(), parallelism);
    }
}
