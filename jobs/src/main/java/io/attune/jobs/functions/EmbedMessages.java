package io.attune.jobs.functions;

import io.attune.jobs.events.AssistantMessage;
import io.attune.jobs.events.DeadLetter;
import io.attune.jobs.stream.EmbeddedMessage;
import io.attune.models.embedding.TextEmbedder;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Embeds each assistant message with the shared DJL model. Stateless, so it runs at any parallelism before
 * the stream is keyed. A message the model cannot embed is dead-lettered by id (its text is not copied).
 */
public class EmbedMessages extends ProcessFunction<AssistantMessage, EmbeddedMessage> {

    private static final long serialVersionUID = 1L;

    private final String sourceTopic;
    private final EmbedderLease lease;
    private transient TextEmbedder embedder;

    public EmbedMessages(String sourceTopic, EmbedderLease lease) {
        this.sourceTopic = sourceTopic;
        this.lease = lease;
    }

    @Override
    public void open(OpenContext openContext) {
        embedder = lease.acquire();
    }

    @Override
    public void processElement(AssistantMessage message, Context ctx, Collector<EmbeddedMessage> out) {
        float[] embedding;
        try {
            embedding = embedder.embed(message.text());
        } catch (RuntimeException e) {
            ctx.output(DeadLetters.TAG, DeadLetter.of(sourceTopic, "eventId=" + message.eventId(),
                    "embedding failed: " + e.getMessage(), ctx.timerService().currentProcessingTime()));
            return;
        }
        out.collect(new EmbeddedMessage(
                message.eventId(), message.app(), message.accountId(), message.timestamp(), message.text(), embedding));
    }

    @Override
    public void close() {
        lease.release();
    }
}
