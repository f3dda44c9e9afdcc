package io.attune.jobs.functions;

import io.attune.jobs.state.ItemPublication;
import io.attune.jobs.stream.CatalogUpdate;
import io.attune.jobs.stream.ItemPair;
import io.attune.jobs.stream.ItemSignals;
import io.attune.models.ranking.NeighborTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by item: accumulates the item's popularity, its most co-engaged neighbours and the items the same
 * people liked (bounded: a {@link NeighborTable} and a pruned map of affinity counts) from {@link ItemPair}s,
 * and publishes them to the profile operator's broadcast side: only the strongest {@code publishedNeighbors}
 * and {@code publishedAffinity}, since every profile subtask holds every published table, while the full
 * tables stay here to keep the counts accurate. Affinity needs larger tables than the short-range neighbours:
 * on MovieLens validation, 256 of 1,024 affinities published scored 0.1243, 128 of 1,024 0.1198, 128 of 512
 * 0.1183 (no affinity: 0.1213); co-occurrence over a stretch of 32 likes is spread over many more items.
 * State of an item without engagement for the retention period is cleared by TTL.
 *
 * <p>Every publication is broadcast to every profile subtask, and a popular item changes with every like,
 * so changes are published at most once per {@code publishInterval} per item (wall clock): the first change
 * after a publication schedules the next one, which sends whatever the table holds then. Zero publishes
 * every change. In a bounded replay (BATCH mode) the pending publication fires when the item's input ends,
 * so each item is sent once, complete.
 *
 * <p>A publication reads the item's whole affinity map (about 0.56 ms on RocksDB with full tables), and once an item
 * has been engaged with for a while a second's pairs move its tables by a small share of what they hold. So when
 * the interval ends, an item that has published before publishes again only if the pair weight taken in since is at
 * least {@code publishMinChange} of all it had taken in at its last publication, or its last publication is
 * {@code publishMaxStaleness} old; otherwise it waits for the next interval with more change, or for the staleness
 * bound. New items publish every interval (little weight, so any change is a large share), popular ones about once
 * per {@code publishMinChange} of their age, never less often than the bound.
 *
 * <p>In a streaming job each item's last publication is kept too ({@link #publishedDescriptor}), and
 * {@link ItemNeighborhoodOperator} sends them all again after every start: the profile operator checkpoints no item
 * tables of its own.
 */
public class ItemNeighborhood extends KeyedProcessFunction<String, ItemPair, CatalogUpdate> {

    private static final long serialVersionUID = 1L;

    /** The fixed order in which pairs of one instant are applied. */
    private static final Comparator<ItemPair> IN_ORDER = Comparator.comparing(ItemPair::affinity)
            .thenComparing(ItemPair::to)
            .thenComparingDouble(ItemPair::weight);

    private final int neighbors;
    private final int publishedNeighbors;
    private final int affinityNeighbors;
    private final int publishedAffinity;
    private final Duration retention;
    private final long publishIntervalMillis;
    private final float publishMinChange;
    private final long publishMaxStalenessMillis;
    private final boolean orderInstants;
    private final boolean keepPublished;

    private transient ValueState<ItemSignals> signals;
    private transient MapState<String, Float> affinity;
    private transient ValueState<Integer> affinityEntries;
    private transient ListState<ItemPair> pending;
    private transient ValueState<Long> pendingTime;
    private transient ValueState<ItemPublication> publication;
    private transient ValueState<ItemSignals> lastPublished;
    private transient ValueState<Float> changedSincePublication;
    private transient Counter publications;
    private transient Counter publicationsDeferred;

    /**
     * @param neighbors slots of each item's Space-Saving table (its accuracy)
     * @param publishedNeighbors how many of the strongest are broadcast (what every profile subtask holds)
     * @param affinityNeighbors slots of each item's affinity table
     * @param publishedAffinity how many of the strongest affinities are broadcast
     * @param orderInstants whether the pairs of one instant (all those one engagement makes with this item, and other
     *     people's of the same millisecond) are applied in a fixed order, by kind, item and weight. Space-Saving's
     *     evictions and the affinity pruning depend on the order of additions, and a bounded replay's sort leaves
     *     equal timestamps in no fixed order, so without it two replays of one input build slightly different
     *     tables. It costs state reads and writes per pair (on RocksDB, a third to a half of this operator's
     *     throughput), and a live stream's order is the order of arrival anyway: for replays only.
     * @param publishMinChange share of its weight at the last publication an item must take in before it publishes
     *     again within {@code publishMaxStaleness}; 0 publishes every interval with a change
     * @param keepPublished whether each item's last publication is kept, to be sent again after a restore (streaming)
     */
    public ItemNeighborhood(int neighbors, int publishedNeighbors, int affinityNeighbors, int publishedAffinity,
            Duration retention, Duration publishInterval, float publishMinChange, Duration publishMaxStaleness,
            boolean orderInstants, boolean keepPublished) {
        if (publishMinChange < 0f) {
            throw new IllegalArgumentException("publishMinChange must be at least 0, got " + publishMinChange);
        }
        this.neighbors = neighbors;
        this.publishedNeighbors = publishedNeighbors;
        this.affinityNeighbors = affinityNeighbors;
        this.publishedAffinity = publishedAffinity;
        this.retention = retention;
        this.publishIntervalMillis = publishInterval.toMillis();
        this.publishMinChange = publishMinChange;
        this.publishMaxStalenessMillis = publishMaxStaleness.toMillis();
        this.orderInstants = orderInstants;
        this.keepPublished = keepPublished;
    }

    /** Keeping no publication. */
    public ItemNeighborhood(int neighbors, int publishedNeighbors, int affinityNeighbors, int publishedAffinity,
            Duration retention, Duration publishInterval, float publishMinChange, Duration publishMaxStaleness,
            boolean orderInstants) {
        this(neighbors, publishedNeighbors, affinityNeighbors, publishedAffinity, retention, publishInterval,
                publishMinChange, publishMaxStaleness, orderInstants, false);
    }

    /** Every interval with a change publishes. */
    public ItemNeighborhood(int neighbors, int publishedNeighbors, int affinityNeighbors, int publishedAffinity,
            Duration retention, Duration publishInterval, boolean orderInstants) {
        this(neighbors, publishedNeighbors, affinityNeighbors, publishedAffinity, retention, publishInterval, 0f,
                Duration.ZERO, orderInstants);
    }

    /** Pairs applied in their order of arrival. */
    public ItemNeighborhood(int neighbors, int publishedNeighbors, int affinityNeighbors, int publishedAffinity,
            Duration retention, Duration publishInterval) {
        this(neighbors, publishedNeighbors, affinityNeighbors, publishedAffinity, retention, publishInterval, false);
    }

    /** Affinity tables as large as the neighbour tables. */
    public ItemNeighborhood(int neighbors, int publishedNeighbors, Duration retention, Duration publishInterval) {
        this(neighbors, publishedNeighbors, neighbors, publishedNeighbors, retention, publishInterval);
    }

    /** What engagement taught about the item, as this operator keeps it and {@code bin/attune inspect} reads it. */
    public static ValueStateDescriptor<ItemSignals> signalsDescriptor(StateTtlConfig ttl) {
        ValueStateDescriptor<ItemSignals> descriptor = new ValueStateDescriptor<>("item-signals", ItemSignals.class);
        descriptor.enableTimeToLive(ttl);
        return descriptor;
    }

    /**
     * Each item's last publication, as the profile operator holds it: kept (streaming only) so that it can be sent
     * again after a restore. Cleared with the rest of the item's state.
     */
    public static ValueStateDescriptor<ItemSignals> publishedDescriptor(Duration retention) {
        ValueStateDescriptor<ItemSignals> descriptor = new ValueStateDescriptor<>("item-published", ItemSignals.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
        return descriptor;
    }

    Duration retention() {
        return retention;
    }

    @Override
    public void open(OpenContext openContext) {
        signals = getRuntimeContext().getState(signalsDescriptor(StateTtlConfig.newBuilder(retention).build()));
        MapStateDescriptor<String, Float> counts =
                new MapStateDescriptor<>("item-affinity", Types.STRING, Types.FLOAT);
        counts.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
        affinity = getRuntimeContext().getMapState(counts);
        ValueStateDescriptor<Integer> entries = new ValueStateDescriptor<>("item-affinity-entries", Types.INT);
        entries.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
        affinityEntries = getRuntimeContext().getState(entries);
        if (orderInstants) {
            // Only replays wait: the live job's state (and its savepoints) has no such entries.
            ListStateDescriptor<ItemPair> waiting = new ListStateDescriptor<>("item-pending-pairs", ItemPair.class);
            waiting.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
            pending = getRuntimeContext().getListState(waiting);
            ValueStateDescriptor<Long> waitingSince = new ValueStateDescriptor<>("item-pending-time", Types.LONG);
            waitingSince.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
            pendingTime = getRuntimeContext().getState(waitingSince);
        }
        ValueStateDescriptor<ItemPublication> published =
                new ValueStateDescriptor<>("item-publication", ItemPublication.class);
        published.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
        publication = getRuntimeContext().getState(published);
        if (keepPublished) {
            lastPublished = getRuntimeContext().getState(publishedDescriptor(retention));
        }
        ValueStateDescriptor<Float> changed = new ValueStateDescriptor<>("item-changed-weight", Types.FLOAT);
        changed.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
        changedSincePublication = getRuntimeContext().getState(changed);
        publications = getRuntimeContext().getMetricGroup().counter("itemPublications");
        publicationsDeferred = getRuntimeContext().getMetricGroup().counter("itemPublicationsDeferred");
    }

    @Override
    public void processElement(ItemPair pair, Context ctx, Collector<CatalogUpdate> out) throws Exception {
        if (publishIntervalMillis <= 0) {
            apply(pair);
            publish(pair.from(), out);
            return;
        }
        if (orderInstants) {
            // The pairs of one instant wait and are applied together in a fixed order when a later instant arrives
            // or before a publication, so nothing published waits for them.
            Long waiting = pendingTime.value();
            if (waiting != null && waiting != pair.timestamp()) {
                applyPending();
            }
            pending.add(pair);
            pendingTime.update(pair.timestamp());
        } else {
            apply(pair);
        }
        if (publishMinChange > 0f) {
            Float changed = changedSincePublication.value();
            changedSincePublication.update((changed == null ? 0f : changed) + Math.abs(pair.weight()));
        }
        // Timers are unique per key and timestamp, so aligning them to the interval needs no "pending" flag:
        // every change within one interval asks for the same publication.
        publishAfter(ctx.timerService().currentProcessingTime(), ctx);
    }

    /** Asks for a publication at the end of the interval holding {@code time}. */
    private void publishAfter(long time, Context ctx) {
        ctx.timerService().registerProcessingTimeTimer(time - Math.floorMod(time, publishIntervalMillis)
                + publishIntervalMillis);
    }

    /** Applies the waiting pairs in their fixed order: by kind, then item, then weight. */
    private void applyPending() throws Exception {
        Iterable<ItemPair> stored = pending.get();
        if (stored == null) {
            return;
        }
        List<ItemPair> waiting = new ArrayList<>();
        for (ItemPair pair : stored) {
            waiting.add(pair);
        }
        waiting.sort(IN_ORDER);
        for (ItemPair pair : waiting) {
            apply(pair);
        }
        pending.clear();
        pendingTime.clear();
    }

    private void apply(ItemPair pair) throws Exception {
        if (pair.affinity()) {
            count(pair);
            return;
        }
        ItemSignals current = signals.value();
        if (current == null) {
            current = new ItemSignals(pair.from(), 0f, NeighborTable.empty());
        }
        signals.update(pair.from().equals(pair.to())
                ? new ItemSignals(pair.from(), current.popularity() + pair.weight(), current.neighbors())
                : new ItemSignals(pair.from(), current.popularity(),
                        current.neighbors().add(pair.to(), pair.weight(), neighbors)));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CatalogUpdate> out) throws Exception {
        if (publishMinChange > 0f) {
            Float changed = changedSincePublication.value();
            ItemPublication last = publication.value();
            if (last != null && changed == null) {
                // A staleness timer after a publication that already sent everything.
                return;
            }
            // Without a record of its last publication (a first one, or state from before this was kept) it publishes.
            float change = changed == null ? 0f : changed;
            if (last != null && timestamp - last.publishedAt() < publishMaxStalenessMillis
                    && change < publishMinChange * last.publishedWeight()) {
                publishAfter(last.publishedAt() + publishMaxStalenessMillis - 1, ctx);
                publicationsDeferred.inc();
                return;
            }
            publication.update(new ItemPublication(timestamp, (last == null ? 0f : last.publishedWeight()) + change));
            changedSincePublication.clear();
        }
        if (orderInstants) {
            applyPending();
        }
        publish(ctx.getCurrentKey(), out);
        publications.inc();
    }

    /**
     * One more affinity pair: a point read and write of one entry, whatever the size of the table. A value
     * holding the whole table (as the short-range neighbours are held) is read and written whole for each
     * of the up to 64 affinity pairs of a like, where a map entry is a point read and write: with 256 MB of
     * RocksDB memory per slot the mix of a like (79% affinity pairs) runs at about 87,000 pairs/s, short-range
     * pairs alone at about 45,000 ({@code ItemNeighborhoodThroughputCheck}). The table is bounded by pruning instead of
     * Space-Saving's eviction: past twice {@code affinityNeighbors} entries, only the strongest
     * {@code affinityNeighbors} are kept, so a count is never overstated (an entry pruned and seen again
     * starts over).
     */
    private void count(ItemPair pair) throws Exception {
        Float count = affinity.get(pair.to());
        affinity.put(pair.to(), count == null ? pair.weight() : count + pair.weight());
        if (count == null) {
            Integer entries = affinityEntries.value();
            int next = entries == null ? 1 : entries + 1;
            affinityEntries.update(next > 2 * affinityNeighbors ? prune() : next);
        }
    }

    /** Keeps the strongest {@code affinityNeighbors} entries; returns how many are left. */
    private int prune() throws Exception {
        NeighborTable strongest = strongestAffinity(affinityNeighbors);
        Set<String> kept = new HashSet<>(Arrays.asList(strongest.neighbors()));
        List<String> dropped = new ArrayList<>();
        for (String neighbor : affinity.keys()) {
            if (!kept.contains(neighbor)) {
                dropped.add(neighbor);
            }
        }
        for (String neighbor : dropped) {
            affinity.remove(neighbor);
        }
        return kept.size();
    }

    /** The {@code n} entries with the highest counts, strongest first (ties by id), as a table without errors. */
    private NeighborTable strongestAffinity(int n) throws Exception {
        String[] ids = new String[2 * affinityNeighbors + 1];
        float[] counts = new float[ids.length];
        int size = 0;
        for (Map.Entry<String, Float> entry : affinity.entries()) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            ids[size] = entry.getKey();
            counts[size++] = entry.getValue();
        }
        return NeighborTable.strongest(ids, counts, new float[0], size, n);
    }

    private void publish(String itemId, Collector<CatalogUpdate> out) throws Exception {
        ItemSignals current = signals.value();
        float popularity = current == null ? 0f : current.popularity();
        NeighborTable neighborTable = current == null ? NeighborTable.empty() : current.neighbors();
        ItemSignals published = new ItemSignals(itemId, popularity, neighborTable.strongest(publishedNeighbors),
                publishedAffinity > 0 ? strongestAffinity(publishedAffinity) : NeighborTable.empty());
        if (keepPublished) {
            lastPublished.update(published);
        }
        out.collect(CatalogUpdate.of(published));
    }
}
