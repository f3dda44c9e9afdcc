package io.attune.jobs.functions;

import io.attune.jobs.events.DeadLetter;
import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.events.RecommendedItem;
import io.attune.jobs.events.Withheld;
import io.attune.jobs.state.AppWeight;
import io.attune.jobs.state.CatalogItemSliceSerializer;
import io.attune.jobs.state.ItemIdHash;
import io.attune.jobs.state.ItemSignalPack;
import io.attune.jobs.state.ItemSignalSlice;
import io.attune.jobs.state.ItemSignalSliceSerializer;
import io.attune.jobs.state.LinkedAccount;
import io.attune.jobs.state.ProfileState;
import io.attune.jobs.stream.ActivityKind;
import io.attune.jobs.stream.ActivitySignal;
import io.attune.jobs.stream.CatalogItem;
import io.attune.jobs.stream.CatalogUpdate;
import io.attune.jobs.stream.ItemSignals;
import io.attune.jobs.stream.PersonEvent;
import io.attune.jobs.stream.PersonEventType;
import io.attune.jobs.stream.Resent;
import io.attune.models.profile.Centroid;
import io.attune.models.profile.InterestClusters;
import io.attune.models.profile.InterestDecay;
import io.attune.models.ranking.CatalogIndex;
import io.attune.models.ranking.CatalogPartition;
import io.attune.models.ranking.Evidence;
import io.attune.models.ranking.EvidenceSums;
import io.attune.models.ranking.Interest;
import io.attune.models.ranking.InterestDots;
import io.attune.models.ranking.InterestRanker;
import io.attune.models.ranking.ItemTables;
import io.attune.models.ranking.Recommendation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.OperatorStateStore;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by person: keeps each linked account's interests (a few centroids, decayed by event time) and
 * recently engaged items in state, and on every change emits one refresh per linked account and surface,
 * ranked against the catalog. Nothing here ever sees message text.
 *
 * <p>Refreshes are immediate; with a minimum refresh interval, updates inside the interval after a refresh
 * are coalesced: the state is updated at once and a timer emits one refresh from the latest state when the
 * interval ends, so a burst never loses its last update. A bounded replay may ask for final refreshes only: an
 * event-time timer at the end of time then emits one refresh per person from the state the input left.
 *
 * <p>Each account's interests are learned from its own signals only, so unlinking an account retracts
 * exactly what it contributed. A person with no interest yet gets no refresh: there is nothing personal
 * to rank by. State of a person inactive for the retention period is cleared by a processing-time timer.
 *
 * <p>An erased account leaves like an unlinked one, and its app gets an empty refresh per surface at once (no
 * coalescing), so it stops showing what was ranked from the account; a person left with no account is cleared
 * altogether.
 *
 * <p>The catalog and the item signals arrive on the broadcast side, so every subtask holds them whole, but neither is
 * checkpointed here: the {@link CatalogStore} keeps the catalog and the {@link ItemNeighborhoodOperator} each item's
 * last publication, in keyed state (incremental on RocksDB, where this operator's operator state would be written in
 * full at every checkpoint), and both send all they hold again after every start. So a restored subtask holds person
 * events back (keyed state, no text) until every subtask of both has said it is done ({@link Resent};
 * {@code catalog.resend-timeout} at most), then applies them in order. Only what a restore read from the slices of
 * versions before 0.12 ({@link ReplicatedState}, each subtask writing a slice) is still written here, until an update
 * of the item comes through those stages. Ranking reads the {@link CatalogIndex} built from the catalog and the item
 * signals as {@link ItemTables} ({@link ItemSignalTables}), both rebuilt after a restore.
 */
public class UpdateProfile
        extends KeyedBroadcastProcessFunction<String, PersonEvent, CatalogUpdate, RecommendationRefresh>
        implements CheckpointedFunction, CheckpointListener {

    private static final long serialVersionUID = 1L;

    /**
     * The catalog by item id as broadcast state, where versions before 0.7 kept it (written whole by every subtask):
     * read once from such a savepoint, then left empty.
     */
    public static final MapStateDescriptor<String, CatalogItem> CATALOG = new MapStateDescriptor<>(
            "catalog", Types.STRING, TypeInformation.of(CatalogItem.class));

    /** What engagement taught about each item, by item id, as broadcast state before 0.7: read once, then empty. */
    public static final MapStateDescriptor<String, ItemSignals> ITEM_SIGNALS = new MapStateDescriptor<>(
            "item-signals", Types.STRING, TypeInformation.of(ItemSignals.class));

    /**
     * The catalog's slices in a checkpoint (union list state, one slice per subtask): since 0.12 only the items read
     * from such slices of an earlier version and not updated through the {@link CatalogStore} since.
     */
    public static final String CATALOG_SLICES = "catalog-slices";

    /**
     * The item signals' slices in a checkpoint (union list state, one slice per subtask), packed
     * ({@link ItemSignalPack}) in the checkpoint's asynchronous part ({@link ItemSignalSliceSerializer}): since 0.12
     * only the items read from such slices of an earlier version and not published again since.
     */
    public static final String ITEM_SIGNAL_SLICES = "item-signal-packs";

    /**
     * The item signals' slices as 0.7 builds before packing wrote them, each item's {@link ItemSignals} an element:
     * read once, then empty.
     */
    public static final String UNPACKED_ITEM_SIGNAL_SLICES = "item-signal-slices";

    private static final Logger LOG = LoggerFactory.getLogger(UpdateProfile.class);

    /** How often a person's held events look whether the catalog has arrived, while it has not. */
    static final long HELD_CHECK_INTERVAL_MS = 500;

    /**
     * How long after the catalog has arrived an event still looks for its person's held events first: their timers
     * fire at most {@link #HELD_CHECK_INTERVAL_MS} later, and a busy task may run them later still.
     */
    static final long HELD_DRAIN_GRACE_MS = 30_000;

    private final ProfileSettings settings;
    private final String linksTopic;
    /** The longest a restored subtask holds events for the catalog; {@code null} never holds them (batch runs). */
    private final Duration catalogResendTimeout;

    /** The catalog by item id, sensitive items included (engaging with one must be recognised). */
    private transient ReplicatedState.ById<CatalogItem> catalogItems;
    /** What engagement taught about each item (popularity, co-engaged neighbours, affinity), as ranking reads it. */
    private transient ItemSignalTables itemSignals;
    /** The job whose profile subtasks in this JVM share the catalog's and item tables' storage ({@link SharedProfileStorage}). */
    private transient String sharedStorageKey;
    /** Items read from an earlier version's slices, still written into checkpoints until the store sends them. */
    private transient Carried<CatalogItem, CatalogItem> carried;
    /** Item signals read from an earlier version's slices, written until the item publishes again. */
    private transient Carried<ItemSignals, ItemSignalSlice> carriedSignals;
    private transient ReplicatedState<CatalogItem, CatalogItem> catalogCheckpoint;
    /**
     * Whether this subtask has the whole catalog and every item's tables: from the start, or once every subtask of the
     * stages that keep them has sent them again.
     */
    private transient boolean catalogComplete;
    /** Until when (processing time) an event first applies its person's held events, if any. */
    private transient long heldMayRemainUntil;
    /** When this subtask first found the catalog missing (processing time); {@code Long.MIN_VALUE} before. */
    private transient long waitingSince;
    /** The subtasks done sending again, by stage, and how many subtasks each stage has. */
    private transient Map<Resent.From, Set<Integer>> subtasksDone;
    private transient Map<Resent.From, Integer> subtasksOf;
    private transient ListState<PersonEvent> held;
    private transient Counter eventsHeld;
    private transient ReplicatedState<ItemSignals, ItemSignalSlice> itemSignalsCheckpoint;
    private transient InterestDecay decay;
    private transient InterestClusters clusters;
    private transient InterestRanker ranker;
    private transient CatalogIndex index;
    /** Reused by every refresh of this subtask: a refresh gathers thousands of entries. */
    private transient EvidenceSums sums;
    private transient ValueState<ProfileState> profile;
    private transient Counter accountsRefused;
    private transient Counter unknownItems;
    private transient Counter sensitiveItems;

    /** The person's profile, as this operator keeps it and {@code bin/attune inspect} reads it. */
    public static ValueStateDescriptor<ProfileState> profileDescriptor() {
        return new ValueStateDescriptor<>("profile", ProfileState.class);
    }

    /** The events a restored subtask holds until the catalog has arrived, per person. */
    public static ListStateDescriptor<PersonEvent> heldDescriptor() {
        return new ListStateDescriptor<>("held-for-catalog", PersonEvent.class);
    }

    /**
     * Never holds events for the catalog: for a run that is never restored (a batch replay) or whose catalog has no
     * store (tests of this operator alone).
     *
     * @param linksTopic the topic accounts are linked from, which a refused link's dead letter names
     */
    public UpdateProfile(ProfileSettings settings, String linksTopic) {
        this(settings, linksTopic, null);
    }

    /**
     * @param catalogResendTimeout once restored, the longest to hold person events until every {@link CatalogStore}
     *     subtask has sent the catalog again; {@code null} never holds them
     */
    public UpdateProfile(ProfileSettings settings, String linksTopic, Duration catalogResendTimeout) {
        this.settings = settings;
        this.linksTopic = linksTopic;
        this.catalogResendTimeout = catalogResendTimeout;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        OperatorStateStore store = context.getOperatorStateStore();
        sharedStorageKey = getRuntimeContext().getJobInfo().getJobId().toHexString();
        SharedProfileStorage shared = SharedProfileStorage.acquire(sharedStorageKey);
        catalogItems = new ReplicatedState.ById<>(CatalogItem::itemId, shared.catalogItems());
        itemSignals = new ItemSignalTables(shared.itemTables());
        carried = new Carried<>(catalogItems, CatalogItem::itemId, (item, into) -> into.accept(item));
        catalogCheckpoint = new ReplicatedState<>(store, CATALOG_SLICES, new CatalogItemSliceSerializer(),
                context.isRestored(),
                carried, List.of(ReplicatedState.Earlier.broadcast(CATALOG, (id, item) -> item)));
        catalogComplete = !(context.isRestored() && catalogResendTimeout != null);
        heldMayRemainUntil = catalogComplete ? Long.MIN_VALUE : Long.MAX_VALUE;
        waitingSince = Long.MIN_VALUE;
        subtasksDone = new EnumMap<>(Resent.From.class);
        subtasksOf = new EnumMap<>(Resent.From.class);
        carriedSignals = new Carried<>(itemSignals, ItemSignals::itemId, (slice, into) -> slice.pack().unpack(into));
        itemSignalsCheckpoint = new ReplicatedState<>(store, ITEM_SIGNAL_SLICES, new ItemSignalSliceSerializer(),
                context.isRestored(), carriedSignals, List.of(ReplicatedState.Earlier.broadcast(ITEM_SIGNALS, (id, signals) -> signals),
                        ReplicatedState.Earlier.slices(UNPACKED_ITEM_SIGNAL_SLICES, ItemSignals.class)));
        if (!catalogComplete) {
            LOG.info("Restored: person events wait for the catalog store and the item neighbourhoods to send what they"
                    + " hold again ({} items and {} items' tables carried from an earlier version's slices)",
                    carried.size(), carriedSignals.size());
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        int parallelism = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        catalogCheckpoint.snapshot(subtask, parallelism);
        itemSignalsCheckpoint.snapshot(subtask, parallelism);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        // The item signals' last slice refers to their tables as they were then: let it go rather than keep tables
        // replaced since alive until the next checkpoint.
        itemSignalsCheckpoint.written();
    }

    @Override
    public void open(OpenContext openContext) {
        decay = new InterestDecay(settings.halfLife());
        clusters = new InterestClusters(settings.interestsPerAccount(), settings.mergeSimilarity(),
                settings.minInterestWeight(), settings.roundingSalt());
        ranker = new InterestRanker(settings.topK(), settings.diversity(), InterestRanker.DEFAULT_PROBES,
                settings.dotCacheBytes() > 0 ? new InterestDots(settings.dotCacheBytes()) : null);
        registerDotCacheMetrics(ranker.kept());
        profile = getRuntimeContext().getState(profileDescriptor());
        held = getRuntimeContext().getListState(heldDescriptor());
        eventsHeld = getRuntimeContext().getMetricGroup().counter("eventsHeldForCatalog");
        unknownItems = getRuntimeContext().getMetricGroup().counter("engagementsWithUnknownItem");
        accountsRefused = getRuntimeContext().getMetricGroup().counter("accountsRefused");
        sensitiveItems = getRuntimeContext().getMetricGroup().counter("engagementsWithSensitiveItem");
    }

    /** How often the kept dot products saved a scan ({@code refresh.dot-cache-size}), as gauges of the subtask. */
    private void registerDotCacheMetrics(InterestDots kept) {
        if (kept == null) {
            return;
        }
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        metrics.gauge("dotCacheHits", (Gauge<Long>) kept::hits);
        metrics.gauge("dotCacheUpdates", (Gauge<Long>) kept::updates);
        metrics.gauge("dotCacheMisses", (Gauge<Long>) kept::misses);
        metrics.gauge("dotCacheBytes", (Gauge<Long>) kept::bytes);
    }

    @Override
    public void close() throws Exception {
        InterestDots kept = ranker == null ? null : ranker.kept();
        if (kept != null) {
            LOG.info("Dot products kept between rankings, subtask {}: {} found, {} brought up to date, {} scored anew;"
                    + " {} bytes held", getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), kept.hits(),
                    kept.updates(), kept.misses(), kept.bytes());
        }
        if (itemSignals != null) {
            itemSignals.release();
            itemSignals = null;
            catalogItems.release();
            SharedProfileStorage.release(sharedStorageKey);
        }
        super.close();
    }

    @Override
    public void processElement(PersonEvent event, ReadOnlyContext ctx, Collector<RecommendationRefresh> out)
            throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        if (!catalogArrived(now)) {
            held.add(event);
            eventsHeld.inc();
            ctx.timerService().registerProcessingTimeTimer(nextHeldCheck(now));
            return;
        }
        if (now < heldMayRemainUntil) {
            applyHeld(ctx, out);
        }
        apply(event, ctx, out);
    }

    /**
     * Whether the whole catalog is here: from the start, once every store subtask has sent it again, or, failing
     * that, once {@code catalog.resend-timeout} has passed.
     */
    private boolean catalogArrived(long now) {
        if (!catalogComplete && waitingSince == Long.MIN_VALUE) {
            waitingSince = now;
        }
        if (!catalogComplete && now - waitingSince >= catalogResendTimeout.toMillis()) {
            LOG.warn("The catalog and item tables were not all sent again within {} (subtasks done: {}; {} items"
                    + " here): applying held events against what has arrived", catalogResendTimeout, subtasksDone,
                    catalogItems.size());
            arrived(now);
        }
        return catalogComplete;
    }

    private void arrived(long now) {
        catalogComplete = true;
        heldMayRemainUntil = now + HELD_DRAIN_GRACE_MS;
    }

    private boolean allSentAgain() {
        for (Resent.From from : Resent.From.values()) {
            Set<Integer> done = subtasksDone.get(from);
            if (done == null || done.size() < subtasksOf.get(from)) {
                return false;
            }
        }
        return true;
    }

    /** Rounded, so a person's held events share one timer per interval. */
    private static long nextHeldCheck(long now) {
        return (now / HELD_CHECK_INTERVAL_MS + 1) * HELD_CHECK_INTERVAL_MS;
    }

    /** Applies the person's held events, in the order they arrived. */
    private void applyHeld(ReadOnlyContext ctx, Collector<RecommendationRefresh> out) throws Exception {
        Iterable<PersonEvent> waiting = held.get();
        if (waiting == null) {
            return;
        }
        List<PersonEvent> events = new ArrayList<>();
        waiting.forEach(events::add);
        if (events.isEmpty()) {
            return;
        }
        held.clear();
        for (PersonEvent event : events) {
            apply(event, ctx, out);
        }
    }

    private void apply(PersonEvent event, ReadOnlyContext ctx, Collector<RecommendationRefresh> out)
            throws Exception {
        ProfileState current = migrate(profile.value());
        long now = ctx.timerService().currentProcessingTime();
        if (beyondAccountLimit(current, event)) {
            accountsRefused.inc();
            String account = event.type() == PersonEventType.ACTIVITY
                    ? "app=" + event.activity().app() + " accountId=" + event.activity().accountId() + " eventId="
                            + event.activity().eventId()
                    : "app=" + event.app() + " accountId=" + event.accountId();
            ctx.output(DeadLetters.TAG, DeadLetter.of(linksTopic, account + " centerId=" + event.personId(),
                    "accounts center already links " + current.accounts().length + " accounts (profile.max-accounts)",
                    now));
            return;
        }
        ProfileState next = switch (event.type()) {
            case JOIN, RESUME_PROFILING -> join(current, event.app(), event.accountId());
            case LEAVE -> leave(current, event.app(), event.accountId());
            case ERASE, STOP_PROFILING -> withoutAccount(current, event, now, ctx, out);
            case ACTIVITY -> activity(current, event.activity());
            case FORGET_MESSAGES -> forgetMessages(current, event.app(), event.accountId());
            case CONFINE_MESSAGES, SHARE_MESSAGES -> messagesOwnAppOnly(current, event.app(), event.accountId(),
                    event.type() == PersonEventType.CONFINE_MESSAGES);
            case MINOR, NOT_MINOR -> minor(current, event.app(), event.accountId(),
                    event.type() == PersonEventType.MINOR);
        };
        if (next == null) {
            return;
        }
        long version = Math.max((current == null ? 0 : current.version()) + 1, now);
        next = next.updated(version, now);
        CatalogIndex catalog = index();
        long minInterval = settings.minRefreshInterval().toMillis();
        if (settings.finalRefreshOnly()) {
            // Ranking is most of a replay's cost and only each person's last refresh is wanted: the same timer,
            // registered again, stays one timer, and fires once the input has ended.
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            next = next.deferred(event.triggeredBy(), event.timestamp());
        } else if (!changesWhatAppsMayShow(event.type())
                && minInterval > 0 && next.lastRefreshAt() > 0 && now < next.lastRefreshAt() + minInterval) {
            // A burst: remember only the latest trigger; the timer emits from whatever state is latest then.
            if (next.pendingTrigger() == null) {
                ctx.timerService().registerProcessingTimeTimer(next.lastRefreshAt() + minInterval);
            }
            next = next.deferred(event.triggeredBy(), event.timestamp());
        } else if (event.type() == PersonEventType.MINOR) {
            // The other surfaces may stay as they are; the advertisements ranked from the profile go at once.
            emitEmptyRefreshes(ctx.getCurrentKey(), next, settings.advertisingSurfaces()::contains,
                    Withheld.MINOR_ADVERTISING, event.triggeredBy(), event.timestamp(), now, catalog, out);
            next = next.refreshed(now);
        } else if (emitRefreshes(ctx.getCurrentKey(), next, event.triggeredBy(), event.timestamp(), now, catalog,
                out)) {
            next = next.refreshed(now);
        } else if (changesWhatAppsMayShow(event.type())) {
            // Nothing personal is left to rank by, and the apps may still show what the messages ranked: clear them.
            emitEmptyRefreshes(ctx.getCurrentKey(), next, surface -> true, Withheld.NOTHING_LEFT, event.triggeredBy(),
                    event.timestamp(), now, catalog, out);
            next = next.refreshed(now);
        }
        profile.update(next);
        if (current != null) {
            ctx.timerService().deleteProcessingTimeTimer(current.lastActive() + settings.retention().toMillis());
        }
        ctx.timerService().registerProcessingTimeTimer(now + settings.retention().toMillis());
    }

    @Override
    public void processBroadcastElement(CatalogUpdate update, Context ctx, Collector<RecommendationRefresh> out)
            throws Exception {
        if (update.resent() != null) {
            Resent done = update.resent();
            subtasksDone.computeIfAbsent(done.from(), from -> new HashSet<>()).add(done.subtask());
            subtasksOf.put(done.from(), done.subtasks());
            if (!catalogComplete && allSentAgain()) {
                LOG.info("The catalog store and the item neighbourhoods have sent what they hold again ({} items):"
                        + " held events go on", catalogItems.size());
                arrived(ctx.currentProcessingTime());
            }
            return;
        }
        if (update.signals() != null) {
            ItemSignals signals = update.signals();
            carriedSignals.superseded(signals.itemId());
            itemSignals.put(signals);
            CatalogItem item = catalogItems.get(signals.itemId());
            if (item != null) {
                index().setPopularity(item.app(), item.surface(), item.itemId(), signals.popularity());
            }
            return;
        }
        CatalogItem item = update.item();
        carried.superseded(item.itemId());
        CatalogIndex catalog = index();
        CatalogItem previous = catalogItems.get(item.itemId());
        if (previous != null) {
            catalog.remove(previous.app(), previous.surface(), previous.itemId());
        }
        if (item.active() && item.hasVector()) {
            // Sensitive items stay in the catalog (so engaging with one is recognised and ignored) but never enter
            // the index that ranking reads.
            catalogItems.put(item);
            // The copy kept may be another subtask's (same content), and the index should name its id and tags.
            addToIndex(catalog, catalogItems.get(item.itemId()));
        } else {
            catalogItems.remove(item.itemId());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RecommendationRefresh> out) throws Exception {
        if (!catalogArrived(ctx.timerService().currentProcessingTime())) {
            // Held events, a coalesced refresh and the retention check all wait for the catalog: this timer again.
            ctx.timerService().registerProcessingTimeTimer(nextHeldCheck(ctx.timerService().currentProcessingTime()));
            return;
        }
        if (timestamp < heldMayRemainUntil) {
            applyHeld(ctx, out);
        }
        ProfileState current = profile.value();
        if (current == null) {
            return;
        }
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            // The end of a bounded input (the only event-time timer): the final refresh, from the latest state.
            if (current.pendingTrigger() != null) {
                long now = ctx.timerService().currentProcessingTime();
                if (emitPending(current, now, ctx, out)) {
                    profile.update(current.refreshed(now));
                }
            }
            return;
        }
        if (timestamp >= current.lastActive() + settings.retention().toMillis()) {
            profile.clear();
            return;
        }
        if (current.pendingTrigger() != null
                && timestamp >= current.lastRefreshAt() + settings.minRefreshInterval().toMillis()) {
            emitPending(current, timestamp, ctx, out);
            profile.update(current.refreshed(timestamp));
        }
    }

    /** Emits the refresh a deferred update waits for, from the latest state; whether there was one to emit. */
    private boolean emitPending(ProfileState current, long now, OnTimerContext ctx,
            Collector<RecommendationRefresh> out) throws Exception {
        return emitRefreshes(ctx.getCurrentKey(), current, current.pendingTrigger(), current.pendingEventTime(), now,
                index(), out);
    }

    private CatalogIndex index() {
        if (index == null) {
            index = new CatalogIndex();
            for (CatalogItem item : catalogItems.values()) {
                addToIndex(index, item);
            }
        }
        return index;
    }

    /** The signals this subtask holds for an item, or {@code null}. */
    ItemSignals signalsOf(String itemId) {
        return itemSignals.get(itemId);
    }

    /** The catalog item this subtask holds, or {@code null}. */
    CatalogItem catalogItem(String itemId) {
        return catalogItems.get(itemId);
    }

    private void addToIndex(CatalogIndex catalog, CatalogItem item) {
        if (!item.sensitive()) {
            if (item.codes() != null) {
                // The kept item's own code: shared with the other profile subtasks of this TaskManager that keep it.
                catalog.put(item.app(), item.surface(), item.itemId(), item.tags(), item.codes(), item.scale());
            } else {
                catalog.put(item.app(), item.surface(), item.itemId(), item.tags(), item.vector());
            }
            Float popularity = itemSignals.popularityOf(item.itemId());
            if (popularity != null) {
                catalog.setPopularity(item.app(), item.surface(), item.itemId(), popularity);
            }
        }
    }

    /** Emits one refresh per linked account and surface; returns whether there was anything to rank by. */
    private boolean emitRefreshes(String personId, ProfileState state, String triggeredBy, long eventTime, long now,
            CatalogIndex catalog, Collector<RecommendationRefresh> out) {
        if (catalog.dimension() == 0) {
            return false;
        }
        List<Interest> interests = new ArrayList<>();
        // Interests of accounts whose holder keeps their messages' teaching to their own app: ranked for it alone.
        List<Interest> confined = new ArrayList<>();
        List<String> confinedTo = new ArrayList<>();
        for (LinkedAccount account : state.accounts()) {
            for (Centroid centroid : account.interestsOrNone()) {
                interests.add(interest(centroid, account.app(), catalog.dimension()));
            }
            for (Centroid centroid : account.messageInterestsOrNone()) {
                if (account.messagesForOwnAppOnly()) {
                    confined.add(interest(centroid, account.app(), catalog.dimension()));
                    confinedTo.add(account.app());
                } else {
                    interests.add(interest(centroid, account.app(), catalog.dimension()));
                }
            }
        }
        // Sorted, for a binary search per candidate: ranking asks about every item it scans, and a set of boxed
        // hashes cost more than the search.
        int[] excludedHashes = Arrays.stream(state.accounts())
                .flatMapToInt(account -> Arrays.stream(account.recentItemsOrNone()))
                .sorted()
                .toArray();
        if (interests.isEmpty() && confined.isEmpty()) {
            return false;
        }
        Evidence evidence = evidence(state);
        Set<String> apps = new LinkedHashSet<>();
        for (LinkedAccount account : state.accounts()) {
            apps.add(account.app());
        }
        for (String app : apps) {
            List<Interest> forApp = interests;
            if (confinedTo.contains(app)) {
                forApp = new ArrayList<>(interests);
                for (int i = 0; i < confined.size(); i++) {
                    if (confinedTo.get(i).equals(app)) {
                        forApp.add(confined.get(i));
                    }
                }
            }
            for (Map.Entry<String, CatalogPartition> surface : catalog.surfaces(app).entrySet()) {
                if (adsOfAMinor(state, surface.getKey())) {
                    // A minor's: no advertisement ranked from their profile (it got an empty refresh when known).
                    continue;
                }
                if (forApp.isEmpty()) {
                    // Nothing this app may rank by (its center's only interests are kept to another app): an empty
                    // refresh, so that it drops what it showed before.
                    emitTo(personId, state, app, surface.getKey(), new RecommendedItem[0], Withheld.NOTHING_LEFT,
                            triggeredBy, eventTime, now, out);
                    continue;
                }
                List<Recommendation> ranked = ranker.rank(surface.getValue(), forApp,
                        itemId -> Arrays.binarySearch(excludedHashes, itemId.hashCode()) >= 0, evidence);
                RecommendedItem[] items = ranked.stream()
                        .map(r -> new RecommendedItem(r.itemId(), r.score(), r.reason()))
                        .toArray(RecommendedItem[]::new);
                emitTo(personId, state, app, surface.getKey(), items, triggeredBy, eventTime, now, out);
            }
        }
        return true;
    }

    private static Interest interest(Centroid centroid, String app, int dimension) {
        // Its 4-bit codes determine its direction: the ranker's kept dot products find it by them.
        return new Interest(centroid.direction(dimension), centroid.norm(), app, centroid.codes());
    }

    private static void emitTo(String personId, ProfileState state, String app, String surface, RecommendedItem[] items,
            String triggeredBy, long eventTime, long now, Collector<RecommendationRefresh> out) {
        emitTo(personId, state, app, surface, items, null, triggeredBy, eventTime, now, out);
    }

    /** @param withheld why {@code items} is empty on purpose, {@code null} for a ranking */
    private static void emitTo(String personId, ProfileState state, String app, String surface, RecommendedItem[] items,
            Withheld withheld, String triggeredBy, long eventTime, long now, Collector<RecommendationRefresh> out) {
        for (LinkedAccount account : state.accounts()) {
            if (account.app().equals(app)) {
                out.collect(new RecommendationRefresh(personId, app, account.accountId(), surface, items,
                        state.version(), triggeredBy, eventTime, now, withheld));
            }
        }
    }

    /**
     * Co-engagement with what the person recently liked, as item-to-item cosine over engagement counts
     * ({@link EvidenceSums}; {@code refresh.co-engagement-asymmetry} moves the exponents),
     * summed over the latest {@code recentLikes} liked items, the n-th latest weighted by
     * {@code likeRecencyDecay^n}; and the same sum over the items' affinity tables (what the same people
     * liked) for the latest {@code affinityLikes}, unweighted by recency: affinity is the person's
     * longer-standing taste. Popularity is on the index.
     */
    private Evidence evidence(ProfileState state) {
        if (sums == null) {
            sums = new EvidenceSums(settings.coEngagementAsymmetry(), itemSignals.tables());
        }
        sums.clear();
        boolean withAffinity = settings.affinityWeight() > 0f;
        for (LinkedAccount account : state.accounts()) {
            int[] likes = account.likeHashesOrNone();
            float recency = 1f;
            // Latest first: what the person liked last says most about what they want next.
            for (int l = likes.length - 1, n = 0; l >= 0; l--, n++, recency *= settings.likeRecencyDecay()) {
                Integer liked = itemSignals.numberOfHash(likes[l]);
                if (liked == null) {
                    continue;
                }
                if (n < settings.recentLikes()) {
                    sums.addNeighbors(liked, recency);
                }
                if (withAffinity && n < settings.affinityLikes()) {
                    sums.addAffinity(liked);
                }
            }
        }
        return new Evidence(sums.coEngagement(), settings.coEngagementWeight(), settings.popularityWeight(),
                settings.topK() * 4, settings.topK() * settings.coEngagedCandidates(), sums.affinity(),
                settings.affinityWeight());
    }

    /**
     * Drops an account that was erased or whose holder objects to profiling (its interests and engaged items go with
     * its entry) and sends its app an empty refresh per surface, saying why; returns the remaining state, or
     * {@code null} when nothing is left to refresh: the account was not listed here, or it was the last and the
     * person's state is cleared.
     */
    private ProfileState withoutAccount(ProfileState current, PersonEvent event, long now, ReadOnlyContext ctx,
            Collector<RecommendationRefresh> out) throws Exception {
        if (current == null) {
            return null;
        }
        boolean listed = find(current.accounts(), event.app(), event.accountId()) >= 0;
        if (listed) {
            CatalogIndex catalog = index();
            long version = Math.max(current.version() + 1, now);
            for (String surface : catalog.surfaces(event.app()).keySet()) {
                out.collect(new RecommendationRefresh(ctx.getCurrentKey(), event.app(), event.accountId(), surface,
                        new RecommendedItem[0], version, event.triggeredBy(), event.timestamp(), now,
                        event.type() == PersonEventType.ERASE ? Withheld.ERASED : Withheld.NOT_PROFILED));
            }
        }
        ProfileState remaining = listed ? leave(current, event.app(), event.accountId()) : current;
        if (remaining.accounts().length == 0) {
            profile.clear();
            ctx.timerService().deleteProcessingTimeTimer(current.lastActive() + settings.retention().toMillis());
            return null;
        }
        return listed ? remaining : null;
    }

    /** Returns the new state, or {@code null} when the account was already there (nothing changed). */
    /** Whether the event would link one account more than the settings allow (as a join, or by its activity). */
    private boolean beyondAccountLimit(ProfileState current, PersonEvent event) {
        if (current == null || current.accounts().length < settings.maxAccounts()) {
            return false;
        }
        return switch (event.type()) {
            case JOIN, RESUME_PROFILING -> find(current.accounts(), event.app(), event.accountId()) < 0;
            case ACTIVITY -> find(current.accounts(), event.activity().app(), event.activity().accountId()) < 0;
            case LEAVE, ERASE, FORGET_MESSAGES, CONFINE_MESSAGES, SHARE_MESSAGES, STOP_PROFILING, MINOR, NOT_MINOR ->
                    false;
        };
    }

    private static ProfileState join(ProfileState current, String app, String accountId) {
        LinkedAccount[] accounts = current == null ? new LinkedAccount[0] : current.accounts();
        if (find(accounts, app, accountId) >= 0) {
            return null;
        }
        LinkedAccount[] joined = Arrays.copyOf(accounts, accounts.length + 1);
        joined[accounts.length] = LinkedAccount.of(app, accountId);
        return current == null ? ProfileState.of(joined) : current.withAccounts(joined);
    }

    /**
     * The account without the interests its assistant messages taught; {@code null} when this person does not list
     * it or its messages taught nothing (nothing changed).
     */
    private static ProfileState forgetMessages(ProfileState current, String app, String accountId) {
        return changeAccount(current, app, accountId, account ->
                account.messageInterests() != null && account.messageInterests().length == 0
                        ? account : account.withoutMessageInterests());
    }

    /**
     * The state with the account changed by {@code change}; {@code null} when this person does not list it or the
     * change returns the account as it was (nothing changed).
     */
    private static ProfileState changeAccount(ProfileState current, String app, String accountId,
            UnaryOperator<LinkedAccount> change) {
        int at = current == null ? -1 : find(current.accounts(), app, accountId);
        if (at < 0) {
            return null;
        }
        LinkedAccount changed = change.apply(current.accounts()[at]);
        if (changed == current.accounts()[at]) {
            return null;
        }
        LinkedAccount[] accounts = current.accounts().clone();
        accounts[at] = changed;
        return current.withAccounts(accounts);
    }

    /**
     * Whether the event is a holder's setting that changes what the apps may show from the profile: its refreshes go
     * out at once, not coalesced, and empty ones when nothing personal is left to rank by.
     */
    private static boolean changesWhatAppsMayShow(PersonEventType type) {
        return type == PersonEventType.FORGET_MESSAGES || type == PersonEventType.CONFINE_MESSAGES
                || type == PersonEventType.SHARE_MESSAGES || type == PersonEventType.STOP_PROFILING
                || type == PersonEventType.MINOR || type == PersonEventType.NOT_MINOR;
    }

    /**
     * The account with its messages' interests ranked for its own app only, or for every app again; {@code null} when
     * this person does not list it or nothing changes.
     */
    private static ProfileState messagesOwnAppOnly(ProfileState current, String app, String accountId, boolean only) {
        return changeAccount(current, app, accountId, account -> account.withMessagesOwnAppOnly(only));
    }

    /**
     * The account marked as its holder being a minor or not; {@code null} when this person does not list it or
     * nothing changes.
     */
    private static ProfileState minor(ProfileState current, String app, String accountId, boolean minor) {
        return changeAccount(current, app, accountId, account -> account.withMinor(minor));
    }

    /** Whether the person is a minor: the accounts center says so of one of its accounts. */
    private static boolean isMinor(ProfileState state) {
        for (LinkedAccount account : state.accounts()) {
            if (account.isMinor()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the surface is not to be ranked for this person: it shows advertisements and the person is a minor. */
    private boolean adsOfAMinor(ProfileState state, String surface) {
        return settings.advertisingSurfaces().contains(surface) && isMinor(state);
    }

    /**
     * An empty refresh per linked app and each of its surfaces that {@code surfaces} accepts: the apps stop showing
     * what was ranked there before.
     */
    private static void emitEmptyRefreshes(String personId, ProfileState state, Predicate<String> surfaces,
            Withheld withheld, String triggeredBy, long eventTime, long now, CatalogIndex catalog,
            Collector<RecommendationRefresh> out) {
        Set<String> apps = new LinkedHashSet<>();
        for (LinkedAccount account : state.accounts()) {
            apps.add(account.app());
        }
        for (String app : apps) {
            for (String surface : catalog.surfaces(app).keySet()) {
                if (surfaces.test(surface)) {
                    emitTo(personId, state, app, surface, new RecommendedItem[0], withheld, triggeredBy, eventTime, now,
                            out);
                }
            }
        }
    }

    private static ProfileState leave(ProfileState current, String app, String accountId) {
        if (current == null || find(current.accounts(), app, accountId) < 0) {
            return null;
        }
        LinkedAccount[] remaining = Arrays.stream(current.accounts())
                .filter(a -> !a.is(app, accountId))
                .toArray(LinkedAccount[]::new);
        return current.withAccounts(remaining);
    }

    private ProfileState activity(ProfileState current, ActivitySignal activity) {
        float[] signal;
        if (activity.embedding() != null) {
            signal = activity.embedding();
        } else {
            CatalogItem item = catalogItems.get(activity.itemId());
            if (item == null) {
                unknownItems.inc();
                return null;
            }
            if (item.sensitive()) {
                // Liking a clinic's post says as much as asking about the illness.
                sensitiveItems.inc();
                return null;
            }
            signal = item.vector();
        }
        // An account this person does not list yet (its membership was forgotten with the profile while
        // the identity stage still routes it here) joins with its first activity.
        ProfileState base = current == null || find(current.accounts(), activity.app(), activity.accountId()) < 0
                ? join(current, activity.app(), activity.accountId())
                : current;
        float weight = SignalWeights.of(activity.kind());
        long interestTime = base.interestTime();
        LinkedAccount[] accounts = base.accounts().clone();
        if (activity.timestamp() > interestTime) {
            // Fade every account's interests to the new event time, so all weights stay comparable.
            float factor = decay.factor(interestTime, activity.timestamp());
            for (int i = 0; i < accounts.length; i++) {
                accounts[i] = fade(accounts[i], factor);
            }
            interestTime = activity.timestamp();
        } else {
            weight *= decay.factor(activity.timestamp(), interestTime);
        }
        int at = find(accounts, activity.app(), activity.accountId());
        LinkedAccount account = learn(accounts[at], activity.kind() == ActivityKind.MESSAGE, signal, weight,
                signal.length);
        if (activity.kind() == ActivityKind.MESSAGE) {
            // The identity stage holds the holder's setting and stamps it on every message: a profile rebuilt after
            // retention learns it here.
            account = account.withMessagesOwnAppOnly(activity.ownAppOnly());
        }
        if (activity.minor()) {
            // Stamped by the identity stage, which keeps it: a profile rebuilt after retention learns it here.
            account = account.withMinor(true);
        }
        if (activity.itemId() != null) {
            account = account.withRecentItems(remember(account.recentItemsOrNone(), activity.itemId().hashCode()));
            if (weight > 0f) {
                account = account.withLikeHashes(
                        rememberLike(account.likeHashesOrNone(), ItemIdHash.of32(activity.itemId())));
            }
        }
        accounts[at] = account;
        return base.withInterests(interestTime, accounts);
    }

    private LinkedAccount fade(LinkedAccount account, float factor) {
        LinkedAccount faded = account.withInterests(clusters.fade(account.interestsOrNone(), factor));
        return account.messageInterests() == null ? faded
                : faded.withMessageInterests(clusters.fade(account.messageInterests(), factor));
    }

    /**
     * Adds a signal to the account's interests from messages or from engagement, kept apart so that an objection to
     * the use of messages retracts exactly theirs. The two share the account's budget of interests: a kind gets
     * what the other leaves (at least one), and the other gives up one (its closest two merge) when a first signal of
     * this kind finds the budget full. State written before 0.9 keeps learning from both into one set, which an
     * objection clears whole, until they have all faded. A hide pushes away interests of both kinds.
     */
    private LinkedAccount learn(LinkedAccount account, boolean fromMessage, float[] signal, float weight,
            int dimension) {
        if (account.messageInterests() == null) {
            if (account.interestsOrNone().length > 0) {
                return account.withInterests(clusters.add(account.interestsOrNone(), signal, weight));
            }
            // Whatever the mixed interests held has faded away: from here on the two kinds are kept apart.
            account = account.withMessageInterests(new Centroid[0]);
        }
        if (weight < 0f) {
            // A hide pushes away whatever interest is like the item, whichever kind of signal built it (pushing
            // away never adds an interest, so the budget holds).
            return account.withInterests(clusters.add(account.interestsOrNone(), signal, weight))
                    .withMessageInterests(clusters.add(account.messageInterests(), signal, weight));
        }
        int budget = settings.interestsPerAccount();
        Centroid[] own = fromMessage ? account.messageInterests() : account.interestsOrNone();
        Centroid[] other = fromMessage ? account.interestsOrNone() : account.messageInterests();
        own = clusters.add(own, signal, weight, budget - other.length);
        if (own.length + other.length > budget) {
            other = clusters.limit(other, budget - own.length, dimension);
        }
        Centroid[] engaged = fromMessage ? other : own;
        Centroid[] messages = fromMessage ? own : other;
        return account.withInterests(engaged).withMessageInterests(messages);
    }

    private int[] remember(int[] recent, int itemHash) {
        int limit = settings.recentItems();
        if (limit <= 0) {
            return recent;
        }
        int[] kept = Arrays.stream(recent).filter(h -> h != itemHash).toArray();
        int from = Math.max(0, kept.length + 1 - limit);
        int[] out = Arrays.copyOfRange(kept, from, kept.length + 1);
        out[out.length - 1] = itemHash;
        return out;
    }

    private int[] rememberLike(int[] likes, int itemHash) {
        int limit = settings.keptLikes();
        if (limit <= 0) {
            return likes;
        }
        int[] kept = Arrays.stream(likes).filter(h -> h != itemHash).toArray();
        int from = Math.max(0, kept.length + 1 - limit);
        int[] out = Arrays.copyOfRange(kept, from, kept.length + 1);
        out[out.length - 1] = itemHash;
        return out;
    }

    /**
     * State written before 0.2 held one interest vector for the whole person: it becomes one interest of
     * the account whose app weighed most (the best available attribution; such state cannot be retracted
     * exactly per account).
     */
    private ProfileState migrate(ProfileState state) {
        if (state == null || state.interest() == null) {
            return state;
        }
        LinkedAccount[] accounts = state.accounts().clone();
        if (accounts.length > 0) {
            int owner = 0;
            float heaviest = Float.NEGATIVE_INFINITY;
            for (AppWeight weight : state.appWeights() == null ? new AppWeight[0] : state.appWeights()) {
                int candidate = firstOfApp(accounts, weight.app());
                if (candidate >= 0 && weight.weight() > heaviest) {
                    heaviest = weight.weight();
                    owner = candidate;
                }
            }
            Centroid legacy = Centroid.encode(state.interest(), 0L);
            accounts[owner] = accounts[owner].withInterests(new Centroid[] {legacy});
        }
        return state.withAccounts(accounts);
    }

    private static int firstOfApp(LinkedAccount[] accounts, String app) {
        for (int i = 0; i < accounts.length; i++) {
            if (accounts[i].app().equals(app)) {
                return i;
            }
        }
        return -1;
    }

    private static int find(LinkedAccount[] accounts, String app, String accountId) {
        for (int i = 0; i < accounts.length; i++) {
            if (accounts[i].is(app, accountId)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * What a restore read from the slices that versions before 0.12 wrote here, where the {@link CatalogStore} and
     * {@link ItemNeighborhoodOperator} keep it since: those stages never had it, so this operator writes it into its
     * checkpoints until an update of the item comes through them (which keep it from then on). Empty once restored
     * from a 0.12 savepoint.
     *
     * @param <V> the entries
     * @param <E> the elements a checkpoint holds them in
     */
    private static final class Carried<V, E> implements ReplicatedState.Store<V, E> {

        private final ReplicatedState.Store<V, E> held;
        private final Function<V, String> idOf;
        private final BiConsumer<E, Consumer<V>> entriesOf;
        private final Set<String> ids = new HashSet<>();

        Carried(ReplicatedState.Store<V, E> held, Function<V, String> idOf, BiConsumer<E, Consumer<V>> entriesOf) {
            this.held = held;
            this.idOf = idOf;
            this.entriesOf = entriesOf;
        }

        @Override
        public void put(V entry) {
            held.put(entry);
            ids.add(idOf.apply(entry));
        }

        @Override
        public void restore(E element) {
            entriesOf.accept(element, this::put);
        }

        @Override
        public List<E> slice(Predicate<String> accepts) {
            // Whether still held is the store's to know: a withdrawn item is in no slice.
            return ids.isEmpty() ? List.of() : held.slice(id -> ids.contains(id) && accepts.test(id));
        }

        void superseded(String id) {
            ids.remove(id);
        }

        int size() {
            return ids.size();
        }
    }
}
