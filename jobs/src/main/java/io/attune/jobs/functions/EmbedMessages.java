package io.attune.jobs.functions;

import io.attune.jobs.events.AssistantMessage;
import io.attune.jobs.stream.EmbeddedMessage;
import io.attune.models.embedding.BatchingConfig;
import io.attune.models.embedding.BatchingEmbedder;
import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.embedding.EmbeddingModel;
import io.attune.models.embedding.SharedEmbeddingModel;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Embeds assistant messages without blocking the task thread: each message goes to the JVM-wide
 * {@link BatchingEmbedder} (length-bucketed micro-batches over the one shared model) and completes when its
 * batch is done. Used through Flink's async I/O operator, which keeps in-flight messages in checkpoints and
 * backpressures once its capacity is reached.
 *
 * <p>A message that cannot be embedded (failure or timeout) continues with an error instead of a vector;
 * the guard stage dead-letters it by id. The job never fails on a message.
 */
public class EmbedMessages extends RichAsyncFunction<AssistantMessage, EmbeddedMessage> {

    private static final long serialVersionUID = 1L;

    private final EmbeddingConfig embedding;
    private final BatchingConfig batching;
    private transient BatchingEmbedder embedder;

    public EmbedMessages(EmbeddingConfig embedding, BatchingConfig batching) {
        this.embedding = embedding;
        this.batching = batching;
    }

    @Override
    public void open(OpenContext openContext) {
        EmbeddingModel model = SharedEmbeddingModel.acquire(embedding);
        embedder = model.batching(batching);
    }

    @Override
    public void asyncInvoke(AssistantMessage message, ResultFuture<EmbeddedMessage> result) {
        embedder.submit(message.text()).whenComplete((vector, error) -> {
            if (error == null) {
                result.complete(List.of(embedded(message, vector, null)));
            } else {
                result.complete(List.of(embedded(message, null, "embedding failed: " + error.getMessage())));
            }
        });
    }

    @Override
    public void timeout(AssistantMessage message, ResultFuture<EmbeddedMessage> result) {
        result.complete(List.of(embedded(message, null, "embedding timed out")));
    }

    @Override
    public void close() {
        if (embedder != null) {
            embedder = null;
            SharedEmbeddingModel.release(embedding);
        }
    }

    private static EmbeddedMessage embedded(AssistantMessage message, float[] vector, String error) {
        return new EmbeddedMessage(message.eventId(), message.app(), message.accountId(), message.timestamp(),
                message.text(), vector, error);
    }
}
