package io.attune.jobs.functions;

import io.attune.jobs.events.AccountLink;
import io.attune.jobs.events.AssistantMessage;
import io.attune.jobs.state.MessageObjections;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by account, before the embedding model: drops the assistant messages of an account whose holder objects, now,
 * to the use of its messages ({@code useAssistantMessages: false}) or to profiling ({@code profiling: false}), so the
 * model never reads what the holder said it may not use, and the guard never judges it (nor counts it in the
 * suppression audit). Counted ({@code messagesSkippedByObjection}).
 *
 * <p>The identity stage stays the authority on the holder's settings ({@link ResolveIdentity}): it also drops, after
 * embedding, a message sent while an objection stood that arrives after the holder consented again, and any message
 * that overtakes its account's objection here (the two stages read {@code account-links} each at their own pace).
 * This stage only ever drops what the identity stage would drop too, less any race between a consent and a message
 * sent right after it. After an upgrade from a savepoint taken before this stage existed it knows no objection until
 * the holder's next setting; until then the identity stage drops those messages after embedding, as it did before.
 *
 * <p>Keeps a few longs per account whose holder changed one of the two settings; once the holder objects to neither,
 * they are cleared after the retention period without a change.
 */
public class DropObjectedMessages
        extends KeyedCoProcessFunction<String, AccountLink, AssistantMessage, AssistantMessage> {

    private static final long serialVersionUID = 1L;

    private final long retentionMillis;
    private transient ValueState<MessageObjections> objections;
    private transient Counter skipped;

    /** The account's objections, as this operator keeps them and {@code bin/attune inspect} reads them. */
    public static ValueStateDescriptor<MessageObjections> objectionsDescriptor() {
        return new ValueStateDescriptor<>("message-objections", MessageObjections.class);
    }

    /** @param retention how long the settings of an account that objects to nothing are kept after they changed */
    public DropObjectedMessages(Duration retention) {
        this.retentionMillis = retention.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        objections = getRuntimeContext().getState(objectionsDescriptor());
        skipped = getRuntimeContext().getMetricGroup().counter("messagesSkippedByObjection");
    }

    @Override
    public void processElement1(AccountLink link, Context ctx, Collector<AssistantMessage> out) throws Exception {
        if (link.useAssistantMessages() == null && link.profiling() == null) {
            return;
        }
        MessageObjections current = objections.value();
        MessageObjections base = current == null ? MessageObjections.NONE : current;
        long now = ctx.timerService().currentProcessingTime();
        MessageObjections next = base.with(link, now);
        if (next == base) {
            return;
        }
        objections.update(next);
        if (!next.objects()) {
            ctx.timerService().registerProcessingTimeTimer(now + retentionMillis);
        }
    }

    @Override
    public void processElement2(AssistantMessage message, Context ctx, Collector<AssistantMessage> out)
            throws Exception {
        MessageObjections current = objections.value();
        if (current != null && current.objects()) {
            skipped.inc();
            return;
        }
        out.collect(message);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AssistantMessage> out) throws Exception {
        MessageObjections current = objections.value();
        if (current != null && !current.objects() && timestamp >= current.changedAt() + retentionMillis) {
            objections.clear();
        }
    }
}
