package io.attune.jobs.functions;

import io.attune.jobs.state.RecentLikes;
import io.attune.jobs.stream.ActivityKind;
import io.attune.jobs.stream.ActivitySignal;
import io.attune.jobs.stream.CatalogItem;
import io.attune.jobs.stream.ItemPair;
import io.attune.jobs.stream.PersonEvent;
import io.attune.jobs.stream.PersonEventType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by person: turns each positive engagement (like, follow, view) into item pairs with the person's
 * few latest positive engagements, for {@link ItemNeighborhood} to learn which items go together, plus
 * one self-pair that counts the engagement for the item's popularity. A pair of engagements {@code d}
 * apart counts {@code decay^(d-1)}: what people engage with one after the other goes together more
 * surely than what they engaged with a while apart. Each pair teaches both items: the earlier one that the
 * later one followed it (full weight), the later one that the earlier one preceded it ({@code backward}
 * times the weight; 0 learns only what comes next).
 *
 * <p>Likes and follows (the engagements that weigh at least a like) are also paired with the person's
 * {@code affinityWindow} previous ones, both ways at full weight: items the same people like, near or far
 * apart in their history ({@link ItemPair#affinity()}), the streaming form of item-to-item collaborative
 * filtering. On MovieLens this long-range view added to the short one what item-kNN knows
 * (docs/recommendation-quality.md).
 *
 * <p>Engagement with a sensitive catalog item is dropped here too, before any state: the broadcast side
 * keeps only which items the guard marked sensitive. The kept state is item ids and weights, cleared by
 * TTL after the retention period without engagement, or at once when one of the person's accounts leaves or is
 * erased.
 * What the pairs already taught the items (counts in {@link ItemNeighborhood}, summed over everyone) stays.
 */
public class CoEngagementPairs extends KeyedBroadcastProcessFunction<String, PersonEvent, CatalogItem, ItemPair>
        implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    /**
     * Ids of catalog items the guard marked sensitive, as broadcast state, where versions before 0.7 kept them (written
     * whole by every subtask): read once from such a savepoint, then left empty.
     */
    public static final MapStateDescriptor<String, Boolean> SENSITIVE_ITEMS =
            new MapStateDescriptor<>("sensitive-items", Types.STRING, Types.BOOLEAN);

    /** The sensitive items' ids in a checkpoint: union list state, one slice per subtask ({@link ReplicatedState}). */
    public static final String SENSITIVE_ITEM_SLICES = "sensitive-item-slices";

    private final int window;
    private final float decay;
    private final float backward;
    private final int affinityWindow;
    private final Duration retention;
    private transient ValueState<RecentLikes> recent;
    private transient ValueState<RecentLikes> recentStrongLikes;
    /** Ids of the catalog items the guard marked sensitive, every subtask holding all. */
    private transient ReplicatedState.ById<String> sensitiveItems;
    private transient ReplicatedState<String, String> sensitiveItemsCheckpoint;

    /**
     * @param window previous positive engagements each new one is paired with
     * @param decay in (0, 1]: weight factor per step of distance between the paired engagements
     * @param backward in [0, 1]: weight of a pair for the later item, relative to the earlier one
     * @param affinityWindow previous likes each new like is paired with for affinity; 0 learns none
     */
    public CoEngagementPairs(int window, float decay, float backward, int affinityWindow, Duration retention) {
        if (!(decay > 0f && decay <= 1f)) {
            throw new IllegalArgumentException("items.pair-decay must be in (0, 1], was " + decay);
        }
        if (!(backward >= 0f && backward <= 1f)) {
            throw new IllegalArgumentException("items.pair-backward-weight must be in [0, 1], was " + backward);
        }
        this.window = window;
        this.decay = decay;
        this.backward = backward;
        this.affinityWindow = affinityWindow;
        this.retention = retention;
    }

    /** Without affinity pairs. */
    public CoEngagementPairs(int window, float decay, float backward, Duration retention) {
        this(window, decay, backward, 0, retention);
    }

    /** The window of the person's latest positive engagements, views included, for co-engagement pairs. */
    public static final String RECENT_ENGAGEMENTS = "recent-likes";
    /** The window of the person's latest likes and follows, for affinity pairs. */
    public static final String RECENT_LIKES = "recent-strong-likes";

    /** One of the person's windows, as this operator keeps it and {@code bin/attune inspect} reads it. */
    public static ValueStateDescriptor<RecentLikes> windowDescriptor(String name, StateTtlConfig ttl) {
        ValueStateDescriptor<RecentLikes> descriptor = new ValueStateDescriptor<>(name, RecentLikes.class);
        descriptor.enableTimeToLive(ttl);
        return descriptor;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        sensitiveItems = new ReplicatedState.ById<>(id -> id);
        sensitiveItemsCheckpoint = new ReplicatedState<>(context.getOperatorStateStore(), SENSITIVE_ITEM_SLICES,
                String.class, context.isRestored(), sensitiveItems,
                List.of(ReplicatedState.Earlier.broadcast(SENSITIVE_ITEMS, (id, sensitive) -> id)));
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        sensitiveItemsCheckpoint.snapshot(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
                getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks());
    }

    @Override
    public void open(OpenContext openContext) {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(retention).build();
        recent = getRuntimeContext().getState(windowDescriptor(RECENT_ENGAGEMENTS, ttl));
        recentStrongLikes = getRuntimeContext().getState(windowDescriptor(RECENT_LIKES, ttl));
    }

    @Override
    public void processElement(PersonEvent event, ReadOnlyContext ctx, Collector<ItemPair> out) throws Exception {
        if (event.type() == PersonEventType.ERASE || event.type() == PersonEventType.LEAVE
                || event.type() == PersonEventType.STOP_PROFILING) {
            // The windows hold the person's latest engaged items, whichever account engaged: an erased, unlinked or
            // no longer profiled account's cannot be told apart, so the person's other accounts start their windows again too, rather
            // than pair their next likes with what the departed account did.
            recent.clear();
            recentStrongLikes.clear();
            return;
        }
        ActivitySignal activity = event.activity();
        if (event.type() != PersonEventType.ACTIVITY || activity == null || activity.itemId() == null) {
            return;
        }
        float weight = SignalWeights.of(activity.kind());
        String item = activity.itemId();
        if (weight <= 0f || sensitiveItems.get(item) != null) {
            return;
        }
        long time = activity.timestamp();
        out.collect(new ItemPair(item, item, weight, time));
        RecentLikes current = recent.value();
        String[] items = current == null ? new String[0] : current.items();
        float[] weights = current == null ? new float[0] : current.weights();
        for (int i = 0; i < items.length; i++) {
            if (!items[i].equals(item)) {
                float distance = decay == 1f ? 1f : (float) Math.pow(decay, items.length - 1 - i);
                float together = weights[i] * weight * distance;
                out.collect(new ItemPair(items[i], item, together, time));
                if (backward > 0f) {
                    out.collect(new ItemPair(item, items[i], together * backward, time));
                }
            }
        }
        recent.update(remember(items, weights, item, weight, window));
        if (affinityWindow > 0 && weight >= SignalWeights.of(ActivityKind.LIKE)) {
            pairWithStrongLikes(item, time, out);
        }
    }

    private void pairWithStrongLikes(String item, long time, Collector<ItemPair> out) throws Exception {
        RecentLikes current = recentStrongLikes.value();
        String[] items = current == null ? new String[0] : current.items();
        float[] weights = current == null ? new float[0] : current.weights();
        for (String earlier : items) {
            if (!earlier.equals(item)) {
                out.collect(new ItemPair(earlier, item, 1f, time, true));
                out.collect(new ItemPair(item, earlier, 1f, time, true));
            }
        }
        recentStrongLikes.update(remember(items, weights, item, 1f, affinityWindow));
    }

    @Override
    public void processBroadcastElement(CatalogItem item, Context ctx, Collector<ItemPair> out) throws Exception {
        if (item.sensitive() && item.active()) {
            sensitiveItems.put(item.itemId());
        } else {
            sensitiveItems.remove(item.itemId());
        }
    }

    private static RecentLikes remember(String[] items, float[] weights, String item, float weight, int limit) {
        int kept = 0;
        String[] nextItems = new String[items.length + 1];
        float[] nextWeights = new float[items.length + 1];
        for (int i = 0; i < items.length; i++) {
            if (!items[i].equals(item)) {
                nextItems[kept] = items[i];
                nextWeights[kept++] = weights[i];
            }
        }
        nextItems[kept] = item;
        nextWeights[kept++] = weight;
        int from = Math.max(0, kept - limit);
        return new RecentLikes(Arrays.copyOfRange(nextItems, from, kept), Arrays.copyOfRange(nextWeights, from, kept));
    }
}
