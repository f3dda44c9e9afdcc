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
import org.apache.flink.api.common.typeutils.TypeSerializer;

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
 * a map, or the profile operator's {@link ItemSignalTables}), and the store writes a slice as its entries or packed
 * into denser elements (the item signals, {@code ItemSignalPack}). The profile operator's catalog and item signals
 * and the co-engagement operator's sensitive items are kept so. State an earlier version wrote instead
 * ({@link Earlier}: broadcast state, or slices in another format) is read into the store once when the operator is
 * restored from it and then cleared, so the next checkpoint writes today's slices only.
 *
 * @param <V> the entries
 * @param <E> the elements a checkpoint holds them in
 */
public final class ReplicatedState<V, E> {

    /**
     * Where the entries live between checkpoints, and how a checkpoint holds them: a slice's entries each as an
     * element ({@link ById}), or packed into denser elements (the profile operator's {@link ItemSignalTables}).
     *
     * @param <V> the entries
     * @param <E> the elements a checkpoint holds
     */
    public interface Store<V, E> {

        /** Adds or replaces an entry (by its id): one that earlier state held ({@link Earlier}). */
        void put(V entry);

        /** Reads back one element a checkpoint held. */
        void restore(E element);

        /** The elements that hold every entry whose id {@code ids} accepts, as a checkpoint is to hold them. */
        List<E> slice(Predicate<String> ids);
    }

    /**
     * How the instances of a JVM keep one copy of entries they were all given: {@link #hold} returns the copy to keep
     * (another instance's, with the same content, or the entry itself), {@link #release} gives back what the instance
     * no longer keeps.
     *
     * @param <V> the entries; never modified once held
     */
    public interface Sharing<V> {

        V hold(String id, V entry);

        void release(String id, V entry);

        /** Each instance keeps its own copies. */
        static <V> Sharing<V> none() {
            return new Unshared<>();
        }
    }

    private static final class Unshared<V> implements Sharing<V> {

        @Override
        public V hold(String id, V entry) {
            return entry;
        }

        @Override
        public void release(String id, V entry) {}
    }

    /** Entries in a hash map by id, each an element of its own in a checkpoint. */
    public static final class ById<V> implements Store<V, V> {

        private final Map<String, V> entries = new HashMap<>();
        private final Function<V, String> idOf;
        private final Sharing<V> sharing;

        public ById(Function<V, String> idOf) {
            this(idOf, Sharing.none());
        }

        /** Entries whose storage the instances of a JVM share as {@code sharing} keeps them. */
        public ById(Function<V, String> idOf, Sharing<V> sharing) {
            this.idOf = idOf;
            this.sharing = sharing;
        }

        @Override
        public void put(V entry) {
            String id = idOf.apply(entry);
            V previous = entries.put(id, sharing.hold(id, entry));
            if (previous != null) {
                sharing.release(id, previous);
            }
        }

        @Override
        public void restore(V element) {
            put(element);
        }

        @Override
        public List<V> slice(Predicate<String> ids) {
            List<V> slice = new ArrayList<>();
            for (Map.Entry<String, V> entry : entries.entrySet()) {
                if (ids.test(entry.getKey())) {
                    slice.add(entry.getValue());
                }
            }
            return slice;
        }

        public V get(String id) {
            return entries.get(id);
        }

        public void remove(String id) {
            V previous = entries.remove(id);
            if (previous != null) {
                sharing.release(id, previous);
            }
        }

        /** Gives every entry back to the {@link Sharing} and holds none. */
        public void release() {
            for (Map.Entry<String, V> entry : entries.entrySet()) {
                sharing.release(entry.getKey(), entry.getValue());
            }
            entries.clear();
        }

        public Iterable<V> values() {
            return entries.values();
        }

        public int size() {
            return entries.size();
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

    private final Store<V, E> store;
    private final ListState<E> slices;

    /**
     * Registers the slices' union list state named {@code name} and, when restored, reads it and whatever the
     * {@code earlier} versions wrote instead into {@code store}.
     */
    public ReplicatedState(OperatorStateStore operatorState, String name, Class<E> elementType, boolean restored,
            Store<V, E> store, List<Earlier<V>> earlier) throws Exception {
        this(operatorState, new ListStateDescriptor<>(name, elementType), restored, store, earlier);
    }

    /** As above, the elements written by a serializer of their own ({@code slices}' name and serializer). */
    public ReplicatedState(OperatorStateStore operatorState, String name, TypeSerializer<E> elementSerializer,
            boolean restored, Store<V, E> store, List<Earlier<V>> earlier) throws Exception {
        this(operatorState, new ListStateDescriptor<>(name, elementSerializer), restored, store, earlier);
    }

    private ReplicatedState(OperatorStateStore operatorState, ListStateDescriptor<E> descriptor, boolean restored,
            Store<V, E> store, List<Earlier<V>> earlier) throws Exception {
        this.store = store;
        this.slices = operatorState.getUnionListState(descriptor);
        if (restored) {
            for (E element : slices.get()) {
                store.restore(element);
            }
            for (Earlier<V> previous : earlier) {
                previous.moveInto(operatorState, store::put);
            }
        }
    }

    /** Writes this instance's slice: the entries whose id hashes to {@code index} among {@code parallelism}. */
    public void snapshot(int index, int parallelism) throws Exception {
        slices.update(store.slice(id -> sliceOf(id, parallelism) == index));
    }

    /**
     * Lets go of the slice the last {@link #snapshot} wrote, once its checkpoint is complete: the slice may hold what
     * the store has replaced since (a deferred element refers to tables as they were), and the next checkpoint writes
     * a new one anyway. Flink wrote a copy of the list, so the checkpoint itself is not touched.
     */
    public void written() {
        slices.clear();
    }

    static int sliceOf(String id, int parallelism) {
        return Math.floorMod(id.hashCode(), parallelism);
    }
}
