package io.attune.jobs.functions;

import io.attune.jobs.events.AccountLink;
import io.attune.jobs.events.ErasureReceipt;
import io.attune.jobs.state.IdentityState;
import io.attune.jobs.state.ItemIdHash;
import io.attune.jobs.stream.ActivityKind;
import io.attune.jobs.stream.ActivitySignal;
import io.attune.jobs.stream.PersonEvent;
import io.attune.jobs.stream.PersonEventType;
import java.time.Duration;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by account: knows which person (accounts center) the account belongs to now, and routes the
 * account's activity there. A link change tells the old person the account left and the new one it joined.
 * Link events older than the one applied are ignored, so a late duplicate cannot undo an unlink.
 *
 * <p>An unlinked account is a person of its own ({@code app:accountId}); its small state is cleared after
 * the retention period without activity (it would be rebuilt identically). A linked account's state is kept
 * while the link stands.
 *
 * <p>An erasure request (an {@link ActivityKind#ERASE} on the account's activity stream) tells the account's
 * person, and the account's own person if that is another, to forget the account; the account forgets its link,
 * and its activity from before the request that arrives late is dropped (a message can overtake its erasure
 * request in the asynchronous embedding stage). What is kept of the request, its time, is cleared with the rest
 * of the account's state after the retention period. A {@link ErasureReceipt receipt} goes to {@link #RECEIPTS}.
 *
 * <p>The holder of an account may object to the use of its assistant messages (an {@code account-links} event with
 * {@code useAssistantMessages: false}): the account's person forgets what its messages taught, and its messages are
 * dropped here until the holder consents again. The holder may also keep what the messages teach to the account's
 * own app ({@code assistantMessagesAcrossApps: false}): the person is told, and every later message carries the
 * setting. The holder may object to profiling altogether ({@code profiling: false}): the account's persons forget
 * everything it contributed and stop ranking for its app, its activity of every kind is dropped here, and no center
 * it joins meanwhile is told of it, until the holder allows profiling again. The settings outlive the retention
 * period, and an erasure. So does what the accounts center says of whether the holder is a minor ({@code minor}),
 * which every activity of the account carries and every person it joins is told. ({@link DropObjectedMessages} drops
 * the messages of an objecting account before the embedding model already; what reaches this stage is still judged
 * here, as this stage is the authority on the settings.)
 *
 * <p>A message or engagement whose id the account sent within the dedup window is a resend (a producer's or an app's
 * retry) and is dropped here, before it could count twice; the ids are kept as 64-bit hashes under a time-to-live.
 */
public class ResolveIdentity extends KeyedCoProcessFunction<String, AccountLink, ActivitySignal, PersonEvent> {

    private static final long serialVersionUID = 1L;

    /** One receipt per erasure request applied. */
    public static final OutputTag<ErasureReceipt> RECEIPTS =
            new OutputTag<>("erasure-receipts", TypeInformation.of(ErasureReceipt.class));

    private final long retentionMillis;
    private final long dedupMillis;
    private transient ValueState<IdentityState> identity;
    private transient MapState<Long, Long> recentEvents;
    private transient Counter duplicates;
    private transient Counter erasures;
    private transient Counter droppedAsErased;
    private transient Counter objections;
    private transient Counter messagesNotUsed;
    private transient Counter profilingObjections;
    private transient Counter activityNotProfiled;

    /** The account's identity, as this operator keeps it and {@code bin/attune inspect} reads it. */
    public static ValueStateDescriptor<IdentityState> identityDescriptor() {
        return new ValueStateDescriptor<>("identity", IdentityState.class);
    }

    /** The account's event ids seen lately (64-bit hashes) and when (wall clock), to drop resends. */
    public static MapStateDescriptor<Long, Long> recentEventsDescriptor(StateTtlConfig ttl) {
        MapStateDescriptor<Long, Long> descriptor = new MapStateDescriptor<>("recent-event-ids", Types.LONG, Types.LONG);
        descriptor.enableTimeToLive(ttl);
        return descriptor;
    }

    /** @param dedupWindow an event whose id its account sent within this time is a resend; zero keeps no ids */
    public ResolveIdentity(Duration retention, Duration dedupWindow) {
        this.retentionMillis = retention.toMillis();
        this.dedupMillis = dedupWindow.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        identity = getRuntimeContext().getState(identityDescriptor());
        if (dedupMillis > 0) {
            recentEvents = getRuntimeContext().getMapState(
                    recentEventsDescriptor(StateTtlConfig.newBuilder(Duration.ofMillis(dedupMillis)).build()));
        }
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicatesDropped");
        erasures = getRuntimeContext().getMetricGroup().counter("erasureRequests");
        droppedAsErased = getRuntimeContext().getMetricGroup().counter("activityDroppedAsErased");
        objections = getRuntimeContext().getMetricGroup().counter("assistantMessageObjections");
        messagesNotUsed = getRuntimeContext().getMetricGroup().counter("messagesDroppedByObjection");
        profilingObjections = getRuntimeContext().getMetricGroup().counter("profilingObjections");
        activityNotProfiled = getRuntimeContext().getMetricGroup().counter("activityDroppedWithoutProfiling");
    }

    @Override
    public void processElement1(AccountLink link, Context ctx, Collector<PersonEvent> out) throws Exception {
        IdentityState current = identity.value();
        String ownId = AccountKeys.of(link.app(), link.accountId());
        if (link.useAssistantMessages() != null) {
            current = assistantMessages(link, current, ownId, ctx, out);
        }
        if (link.assistantMessagesAcrossApps() != null) {
            current = acrossApps(link, current, ownId, ctx, out);
        }
        if (link.profiling() != null) {
            current = profiling(link, current, ownId, ctx, out);
        }
        if (link.minor() != null) {
            current = minor(link, current, ownId, ctx, out);
        }
        if (!link.changesMembership() || current != null && link.timestamp() < current.linkTime()) {
            return;
        }
        String target = link.linked() ? link.centerId() : ownId;
        String trigger = "link:" + ownId + "@" + link.timestamp();
        String previous = current == null ? null : current.personId();
        // An account whose holder objects to profiling is listed by no person: the center it is in by then learns of
        // it when the holder allows profiling again.
        if (!target.equals(previous) && (current == null || !current.objectsToProfiling())) {
            if (previous != null) {
                out.collect(membership(previous, PersonEventType.LEAVE, link, trigger));
            }
            out.collect(membership(target, PersonEventType.JOIN, link, trigger));
            if (current != null && current.minor()) {
                out.collect(membership(target, PersonEventType.MINOR, link, trigger));
            }
        }
        update(ctx, current, current == null ? IdentityState.of(target, link.timestamp(), now(ctx))
                : current.routedTo(target, link.timestamp(), now(ctx)), ownId);
    }

    /**
     * Applies the holder's setting for the account's assistant messages. An objection tells the account's person, and
     * its own person if that is another, to forget what the account's messages taught; from then on its messages are
     * dropped here, until consent, after which only messages sent since are used.
     */
    private IdentityState assistantMessages(AccountLink setting, IdentityState current, String ownId, Context ctx,
            Collector<PersonEvent> out) throws Exception {
        boolean use = setting.useAssistantMessages();
        return applySetting(setting, current, ownId, ctx, IdentityState::settingTime, base -> {
            if (!use && !base.objectsToMessages()) {
                objections.inc();
                tellPersons(base, ownId, PersonEventType.FORGET_MESSAGES, setting, out);
            }
            return base.withAssistantMessages(use, setting.timestamp(), now(ctx));
        });
    }

    /**
     * Applies the holder's setting for whether the account's assistant messages may shape the other apps of its
     * center: a change tells the account's person (and its own, if another) at once, and every message of the
     * account carries the setting from then on (a profile rebuilt after retention learns it from the next message).
     */
    private IdentityState acrossApps(AccountLink setting, IdentityState current, String ownId, Context ctx,
            Collector<PersonEvent> out) throws Exception {
        boolean across = setting.assistantMessagesAcrossApps();
        return applySetting(setting, current, ownId, ctx, IdentityState::acrossAppsTime, base -> {
            if (across == base.messagesOwnAppOnly()) {
                tellPersons(base, ownId, across ? PersonEventType.SHARE_MESSAGES : PersonEventType.CONFINE_MESSAGES,
                        setting, out);
            }
            return base.withMessagesAcrossApps(across, setting.timestamp(), now(ctx));
        });
    }

    /**
     * Applies the holder's setting for whether the account may be profiled. An objection tells the account's person,
     * and its own person if that is another, to forget the account and stop ranking for its app; from then on its
     * activity is dropped here. Allowing profiling again lists the account with its person once more (from an empty
     * start: nothing from before comes back) and uses its activity from that time on.
     */
    private IdentityState profiling(AccountLink setting, IdentityState current, String ownId, Context ctx,
            Collector<PersonEvent> out) throws Exception {
        boolean profiling = setting.profiling();
        return applySetting(setting, current, ownId, ctx, IdentityState::profilingTime, base -> {
            if (!profiling && !base.objectsToProfiling()) {
                profilingObjections.inc();
                tellPersons(base, ownId, PersonEventType.STOP_PROFILING, setting, out);
            } else if (profiling && base.objectsToProfiling()) {
                String trigger = "setting:" + ownId + "@" + setting.timestamp();
                out.collect(new PersonEvent(base.personId(), PersonEventType.RESUME_PROFILING, setting.app(),
                        setting.accountId(), setting.timestamp(), trigger, null));
                if (base.minor()) {
                    out.collect(new PersonEvent(base.personId(), PersonEventType.MINOR, setting.app(),
                            setting.accountId(), setting.timestamp(), trigger, null));
                }
            }
            return base.withProfiling(profiling, setting.timestamp(), now(ctx));
        });
    }

    /**
     * Applies what the accounts center says of whether the account's holder is a minor: a change tells the account's
     * person (and its own, if another) at once, and every activity of the account carries it from then on.
     */
    private IdentityState minor(AccountLink fact, IdentityState current, String ownId, Context ctx,
            Collector<PersonEvent> out) throws Exception {
        boolean minor = fact.minor();
        return applySetting(fact, current, ownId, ctx, IdentityState::minorTime, base -> {
            if (minor != base.minor()) {
                tellPersons(base, ownId, minor ? PersonEventType.MINOR : PersonEventType.NOT_MINOR, fact, out);
            }
            return base.withMinor(minor, fact.timestamp(), now(ctx));
        });
    }

    /**
     * Applies one of the holder's settings with {@code apply} (which tells the persons what changes and returns the
     * state with it), unless a later change of the same setting, whose time {@code appliedAt} reads, was applied
     * already. Returns the state as it is now.
     */
    private IdentityState applySetting(AccountLink setting, IdentityState current, String ownId, Context ctx,
            ToLongFunction<IdentityState> appliedAt, UnaryOperator<IdentityState> apply) throws Exception {
        if (current != null && setting.timestamp() < appliedAt.applyAsLong(current)) {
            return current;
        }
        IdentityState next = apply.apply(current == null ? IdentityState.of(ownId, 0L, now(ctx)) : current);
        update(ctx, current, next, ownId);
        return next;
    }

    /**
     * Tells the account's person of a change to the holder's settings, and the account's own person if that is
     * another (it may hold what the account did before it was linked).
     */
    private static void tellPersons(IdentityState base, String ownId, PersonEventType type, AccountLink setting,
            Collector<PersonEvent> out) {
        String trigger = "setting:" + ownId + "@" + setting.timestamp();
        out.collect(new PersonEvent(base.personId(), type, setting.app(), setting.accountId(), setting.timestamp(),
                trigger, null));
        if (!base.personId().equals(ownId)) {
            out.collect(new PersonEvent(ownId, type, setting.app(), setting.accountId(), setting.timestamp(), trigger,
                    null));
        }
    }

    @Override
    public void processElement2(ActivitySignal activity, Context ctx, Collector<PersonEvent> out) throws Exception {
        IdentityState current = identity.value();
        if (activity.kind() == ActivityKind.ERASE) {
            erase(activity, current, ctx, out);
            return;
        }
        if (current != null && activity.timestamp() <= current.erasedThrough()) {
            droppedAsErased.inc();
            return;
        }
        if (isResend(activity, now(ctx))) {
            duplicates.inc();
            return;
        }
        if (current != null && !current.profilesActivityAt(activity.timestamp())) {
            activityNotProfiled.inc();
            return;
        }
        if (current != null && activity.kind() == ActivityKind.MESSAGE && !current.usesMessageAt(activity.timestamp())) {
            messagesNotUsed.inc();
            return;
        }
        String ownId = AccountKeys.of(activity.app(), activity.accountId());
        String personId = current == null ? ownId : current.personId();
        if (current == null) {
            out.collect(new PersonEvent(ownId, PersonEventType.JOIN, activity.app(), activity.accountId(),
                    activity.timestamp(), activity.eventId(), null));
        }
        ActivitySignal stamped = current == null ? activity
                : activity.kind() == ActivityKind.MESSAGE
                        ? activity.withOwnAppOnly(current.messagesOwnAppOnly()).withMinor(current.minor())
                        : activity.withMinor(current.minor());
        out.collect(new PersonEvent(personId, PersonEventType.ACTIVITY, activity.app(),
                activity.accountId(), activity.timestamp(), activity.eventId(), stamped));
        update(ctx, current, current == null ? IdentityState.of(personId, 0L, now(ctx))
                : current.routedTo(personId, current.linkTime(), now(ctx)), ownId);
    }

    /**
     * Whether the account sent an event with this id (a message's, or an engagement's: each topic has its own ids)
     * within the dedup window; remembers it otherwise.
     */
    private boolean isResend(ActivitySignal activity, long now) throws Exception {
        if (recentEvents == null) {
            return false;
        }
        long id = ItemIdHash.of((activity.kind() == ActivityKind.MESSAGE ? "message:" : "engagement:")
                + activity.eventId());
        Long seen = recentEvents.get(id);
        if (seen != null && now - seen < dedupMillis) {
            return true;
        }
        recentEvents.put(id, now);
        return false;
    }

    /**
     * Tells the account's person, and its own person if that is another (which may still hold the context of
     * what the account did before it was linked), to forget it, and keeps only the request's time: the link is
     * forgotten with the rest, and link events older than the request stay ignored.
     */
    private void erase(ActivitySignal request, IdentityState current, Context ctx, Collector<PersonEvent> out)
            throws Exception {
        erasures.inc();
        if (recentEvents != null) {
            recentEvents.clear();
        }
        String ownId = AccountKeys.of(request.app(), request.accountId());
        String personId = current == null ? ownId : current.personId();
        out.collect(new PersonEvent(personId, PersonEventType.ERASE, request.app(), request.accountId(),
                request.timestamp(), request.eventId(), null));
        if (!personId.equals(ownId)) {
            out.collect(new PersonEvent(ownId, PersonEventType.ERASE, request.app(), request.accountId(),
                    request.timestamp(), request.eventId(), null));
        }
        long linkTime = Math.max(current == null ? 0L : current.linkTime(), request.timestamp());
        long through = Math.max(erasedThrough(current), request.timestamp());
        update(ctx, current, current == null ? new IdentityState(ownId, linkTime, now(ctx), through)
                : current.erased(ownId, linkTime, now(ctx), through), ownId);
        ctx.output(RECEIPTS, new ErasureReceipt(request.eventId(), request.app(), request.accountId(),
                request.timestamp(), now(ctx), !personId.equals(ownId)));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PersonEvent> out) throws Exception {
        IdentityState current = identity.value();
        // The holder's settings for their assistant messages are theirs, not derived from activity: they stay however
        // long the account is quiet (a few longs per account that changed them).
        if (current != null
                && current.personId().equals(ctx.getCurrentKey())
                && !current.holdsASettingToKeep()
                && timestamp >= current.lastActive() + retentionMillis) {
            identity.clear();
        }
    }

    private void update(Context ctx, IdentityState previous, IdentityState next, String ownId) throws Exception {
        identity.update(next);
        // One pending retention timer per account: move it rather than pile them up.
        if (previous != null && previous.personId().equals(ownId)) {
            ctx.timerService().deleteProcessingTimeTimer(previous.lastActive() + retentionMillis);
        }
        if (next.personId().equals(ownId)) {
            ctx.timerService().registerProcessingTimeTimer(next.lastActive() + retentionMillis);
        }
    }

    private static long erasedThrough(IdentityState state) {
        return state == null ? 0L : state.erasedThrough();
    }

    private static PersonEvent membership(String personId, PersonEventType type, AccountLink link, String trigger) {
        return new PersonEvent(personId, type, link.app(), link.accountId(), link.timestamp(), trigger, null);
    }

    private static long now(Context ctx) {
        return ctx.timerService().currentProcessingTime();
    }
}
