package io.attune.jobs.functions;

import io.attune.jobs.events.DeadLetter;
import io.attune.jobs.stream.ActivityKind;
import io.attune.jobs.stream.ActivitySignal;
import io.attune.jobs.stream.EmbeddedMessage;
import io.attune.jobs.stream.SuppressionNotice;
import io.attune.models.guard.GuardDecision;
import io.attune.models.guard.SensitiveTopicGuard;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Applies the sensitive-topic guard before any state: a suppressed message is counted (per category and
 * app, never its text) and goes no further; one that passes continues as an {@link ActivitySignal} that
 * carries its embedding (blended with its English gloss's when it has one) and no text. The guard judges the
 * embedding of the message as written, which its head was trained on. A message the embed stage could not embed is dead-lettered by id.
 */
public class GuardMessages extends ProcessFunction<EmbeddedMessage, ActivitySignal> {

    private static final long serialVersionUID = 1L;

    /** One notice per suppressed message and category, for the audit counts. */
    public static final OutputTag<SuppressionNotice> SUPPRESSED =
            new OutputTag<>("suppressed", TypeInformation.of(SuppressionNotice.class));

    private final String sourceTopic;
    private final EmbedderLease lease;
    private transient SensitiveTopicGuard guard;
    private transient Map<String, Counter> suppressed;
    private transient Counter passed;
    private transient Counter notEmbedded;

    public GuardMessages(String sourceTopic, EmbedderLease lease) {
        this.sourceTopic = sourceTopic;
        this.lease = lease;
    }

    @Override
    public void open(OpenContext openContext) {
        guard = SensitiveTopicGuard.create(lease.acquire());
        suppressed = new HashMap<>();
        passed = getRuntimeContext().getMetricGroup().counter("messagesPassed");
        notEmbedded = getRuntimeContext().getMetricGroup().counter("messagesNotEmbedded");
    }

    @Override
    public void processElement(EmbeddedMessage message, Context ctx, Collector<ActivitySignal> out) {
        if (message.embedding() == null) {
            notEmbedded.inc();
            // Not copied: the message text. The event id is enough to trace it.
            ctx.output(DeadLetters.TAG, DeadLetter.of(sourceTopic, "eventId=" + message.eventId(), message.error(),
                    ctx.timerService().currentProcessingTime()));
            return;
        }
        GuardDecision decision;
        try {
            decision = guard.assess(message.text(), message.embedding());
        } catch (RuntimeException e) {
            decision = GuardDecision.failClosed();
        }
        if (decision.sensitive()) {
            for (String category : decision.categories()) {
                suppressedCounter(category, message.app()).inc();
                ctx.output(SUPPRESSED, new SuppressionNotice(message.app(), category));
            }
            return;
        }
        passed.inc();
        out.collect(new ActivitySignal(message.eventId(), message.app(), message.accountId(), message.timestamp(),
                ActivityKind.MESSAGE, null, message.profileEmbedding()));
    }

    private Counter suppressedCounter(String category, String app) {
        return suppressed.computeIfAbsent(category + "/" + app, k -> getRuntimeContext().getMetricGroup()
                .addGroup("category", category)
                .addGroup("app", app)
                .counter("messagesSuppressed"));
    }

    @Override
    public void close() {
        lease.release();
    }
}
