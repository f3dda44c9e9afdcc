package io.attune.jobs.functions;

import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.state.AppWeight;
import io.attune.jobs.state.LinkedAccount;
import io.attune.jobs.state.ProfileState;
import io.attune.jobs.stream.ActivitySignal;
import io.attune.jobs.stream.CatalogItem;
import io.attune.jobs.stream.PersonEvent;
import io.attune.models.profile.InterestDecay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by person: keeps the person's interest vector (decayed by event time), linked accounts and version
 * in state, and on every change emits one refresh per linked app and surface, ranked against the catalog
 * held in broadcast state. Nothing here ever sees message text.
 *
 * <p>A person with no signal yet gets no refresh: there is nothing personal to rank by. State of a person
 * inactive for the retention period is cleared by a processing-time timer.
 */
public class UpdateProfile
        extends KeyedBroadcastProcessFunction<String, PersonEvent, CatalogItem, RecommendationRefresh> {

    private static final long serialVersionUID = 1L;

    /** The catalog by item id, replicated to every parallel instance. */
    public static final MapStateDescriptor<String, CatalogItem> CATALOG = new MapStateDescriptor<>(
            "catalog", Types.STRING, TypeInformation.of(CatalogItem.class));

    private final Duration halfLife;
    private final long retentionMillis;
    private final int topK;

    private transient InterestDecay decay;
    private transient ValueState<ProfileState> profile;
    private transient Counter unknownItems;
    private transient Counter sensitiveItems;

    public UpdateProfile(Duration halfLife, Duration retention, int topK) {
        this.halfLife = halfLife;
        this.retentionMillis = retention.toMillis();
        this.topK = topK;
    }

    @Override
    public void open(OpenContext openContext) {
        decay = new InterestDecay(halfLife);
        profile = getRuntimeContext().getState(new ValueStateDescriptor<>("profile", ProfileState.class));
        unknownItems = getRuntimeContext().getMetricGroup().counter("engagementsWithUnknownItem");
        sensitiveItems = getRuntimeContext().getMetricGroup().counter("engagementsWithSensitiveItem");
    }

    @Override
    public void processElement(PersonEvent event, ReadOnlyContext ctx, Collector<RecommendationRefresh> out)
            throws Exception {
        ProfileState current = profile.value();
        long now = ctx.timerService().currentProcessingTime();
        ProfileState next = switch (event.type()) {
            case JOIN -> join(current, new LinkedAccount(event.app(), event.accountId()));
            case LEAVE -> leave(current, new LinkedAccount(event.app(), event.accountId()));
            case ACTIVITY -> activity(current, event.activity(), ctx.getBroadcastState(CATALOG));
        };
        if (next == null) {
            return;
        }
        long version = Math.max((current == null ? 0 : current.version()) + 1, now);
        next = new ProfileState(next.interest(), next.interestTime(), next.accounts(), next.appWeights(), version, now);
        profile.update(next);
        if (current != null) {
            ctx.timerService().deleteProcessingTimeTimer(current.lastActive() + retentionMillis);
        }
        ctx.timerService().registerProcessingTimeTimer(now + retentionMillis);

        if (next.interest() != null) {
            RefreshRanker ranker = new RefreshRanker(topK, next);
            for (var entry : ctx.getBroadcastState(CATALOG).immutableEntries()) {
                ranker.offer(entry.getValue());
            }
            for (RecommendationRefresh refresh : ranker.refreshes(ctx.getCurrentKey(), event, now)) {
                out.collect(refresh);
            }
        }
    }

    @Override
    public void processBroadcastElement(CatalogItem item, Context ctx, Collector<RecommendationRefresh> out)
            throws Exception {
        if (item.active() && item.embedding() != null) {
            ctx.getBroadcastState(CATALOG).put(item.itemId(), item);
        } else {
            ctx.getBroadcastState(CATALOG).remove(item.itemId());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RecommendationRefresh> out) throws Exception {
        ProfileState current = profile.value();
        if (current != null && timestamp >= current.lastActive() + retentionMillis) {
            profile.clear();
        }
    }

    /** Returns the new state, or {@code null} when the account was already there (nothing changed). */
    private static ProfileState join(ProfileState current, LinkedAccount account) {
        LinkedAccount[] accounts = current == null ? new LinkedAccount[0] : current.accounts();
        if (Arrays.asList(accounts).contains(account)) {
            return null;
        }
        LinkedAccount[] joined = Arrays.copyOf(accounts, accounts.length + 1);
        joined[accounts.length] = account;
        if (current == null) {
            return new ProfileState(null, 0L, joined, new AppWeight[0], 0L, 0L);
        }
        return withAccounts(current, joined);
    }

    private static ProfileState leave(ProfileState current, LinkedAccount account) {
        if (current == null || !Arrays.asList(current.accounts()).contains(account)) {
            return null;
        }
        LinkedAccount[] remaining = Arrays.stream(current.accounts())
                .filter(a -> !a.equals(account))
                .toArray(LinkedAccount[]::new);
        return withAccounts(current, remaining);
    }

    private ProfileState activity(ProfileState current, ActivitySignal activity,
            ReadOnlyBroadcastState<String, CatalogItem> catalog) throws Exception {
        float[] signal;
        if (activity.embedding() != null) {
            signal = activity.embedding();
        } else {
            CatalogItem item = catalog.get(activity.itemId());
            if (item == null) {
                unknownItems.inc();
                return null;
            }
            if (item.sensitive()) {
                // Liking a clinic's post says as much as asking about the illness.
                sensitiveItems.inc();
                return null;
            }
            signal = item.embedding();
        }
        float weight = SignalWeights.of(activity.kind());
        float[] interest = current == null || current.interest() == null
                ? new float[signal.length]
                : current.interest().clone();
        long interestTime = current == null || current.interest() == null ? activity.timestamp() : current.interestTime();
        interestTime = decay.accumulate(interest, interestTime, signal, weight, activity.timestamp());
        AppWeight[] appWeights = addAppWeight(
                current == null ? new AppWeight[0] : current.appWeights(), activity.app(), weight, activity.timestamp());
        LinkedAccount[] accounts = current == null ? new LinkedAccount[0] : current.accounts();
        long version = current == null ? 0L : current.version();
        long lastActive = current == null ? 0L : current.lastActive();
        return new ProfileState(interest, interestTime, accounts, appWeights, version, lastActive);
    }

    private AppWeight[] addAppWeight(AppWeight[] weights, String app, float weight, long time) {
        if (weight <= 0) {
            return weights;
        }
        List<AppWeight> updated = new ArrayList<>(weights.length + 1);
        boolean found = false;
        for (AppWeight w : weights) {
            if (w.app().equals(app)) {
                long at = Math.max(w.time(), time);
                float total = w.weight() * decay.factor(w.time(), at) + weight * decay.factor(time, at);
                updated.add(new AppWeight(app, total, at));
                found = true;
            } else {
                updated.add(w);
            }
        }
        if (!found) {
            updated.add(new AppWeight(app, weight, time));
        }
        return updated.toArray(AppWeight[]::new);
    }

    private static ProfileState withAccounts(ProfileState state, LinkedAccount[] accounts) {
        return new ProfileState(state.interest(), state.interestTime(), accounts, state.appWeights(),
                state.version(), state.lastActive());
    }
}
