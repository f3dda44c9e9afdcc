package io.attune.jobs.functions;

import io.attune.jobs.events.AssistantMessage;
import io.attune.jobs.stream.EmbeddedMessage;
import io.attune.models.embedding.BatchingConfig;
import io.attune.models.embedding.BatchingEmbedder;
import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.language.GlossingEmbedder;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Embeds assistant messages without blocking the task thread: each message goes to the JVM-wide
 * {@link BatchingEmbedder} (length-bucketed micro-batches over the one shared model) and completes when its
 * batch is done. Used through {@link DrainingAsyncOperator}, Flink's async I/O operator finishing every message in
 * flight before a checkpoint barrier so that none is written into a checkpoint; it backpressures once its capacity
 * is reached.
 *
 * <p>With gloss dictionaries ({@code embedding.gloss-dictionaries}) a message whose locale one covers is embedded
 * twice, as written and as its word-by-word English gloss, and carries the blend of the two for the profile
 * ({@link GlossingEmbedder}); the guard judges it as written.
 *
 * <p>A message that cannot be embedded (failure or timeout) continues with an error instead of a vector;
 * the guard stage dead-letters it by id. One whose gloss alone fails continues without the blend. The job never
 * fails on a message.
 */
public class EmbedMessages extends RichAsyncFunction<AssistantMessage, EmbeddedMessage> {

    private static final long serialVersionUID = 1L;

    private final GlossingEmbedderLease lease;
    private transient GlossingEmbedder embedder;

    public EmbedMessages(EmbeddingConfig embedding, BatchingConfig batching) {
        this(embedding, batching, null);
    }

    /** @param glossDictionaries directory of dictionaries into English, {@code null} for no glossing */
    public EmbedMessages(EmbeddingConfig embedding, BatchingConfig batching, String glossDictionaries) {
        this.lease = new GlossingEmbedderLease(embedding, batching, glossDictionaries);
    }

    @Override
    public void open(OpenContext openContext) {
        embedder = lease.acquire("messages");
    }

    @Override
    public void asyncInvoke(AssistantMessage message, ResultFuture<EmbeddedMessage> result) {
        embedder.submit(message.text(), message.locale()).whenComplete((embedded, error) -> result.complete(List.of(
                error == null
                        ? embedded(message, embedded.written(), embedded.blend(), null)
                        : embedded(message, null, null, "embedding failed: " + error.getMessage()))));
    }

    @Override
    public void timeout(AssistantMessage message, ResultFuture<EmbeddedMessage> result) {
        result.complete(List.of(embedded(message, null, null, "embedding timed out")));
    }

    @Override
    public void close() {
        embedder = null;
        lease.release();
    }

    private static EmbeddedMessage embedded(
            AssistantMessage message, float[] vector, float[] interestVector, String error) {
        return new EmbeddedMessage(message.eventId(), message.app(), message.accountId(), message.timestamp(),
                message.text(), vector, interestVector, error);
    }
}
