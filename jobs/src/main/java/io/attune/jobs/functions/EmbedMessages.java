package io.attune.jobs.functions;

import io.attune.jobs.events.AssistantMessage;
import io.attune.jobs.stream.EmbeddedMessage;
import io.attune.models.embedding.BatchingConfig;
import io.attune.models.embedding.BatchingEmbedder;
import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.embedding.EmbeddingModel;
import io.attune.models.embedding.SharedEmbeddingModel;
import io.attune.models.language.Glossaries;
import io.attune.models.language.Glosser;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds assistant messages without blocking the task thread: each message goes to the JVM-wide
 * {@link BatchingEmbedder} (length-bucketed micro-batches over the one shared model) and completes when its
 * batch is done. Used through Flink's async I/O operator, which keeps in-flight messages in checkpoints and
 * backpressures once its capacity is reached.
 *
 * <p>With gloss dictionaries ({@code embedding.gloss-dictionaries}) a message whose locale one covers is embedded
 * twice, as written and as its word-by-word English gloss, and carries the blend of the two for the profile: the
 * English encoder reads a German question about cameras as German first and about cameras barely at all. The gloss
 * is made here and dropped with the batch; like the text, it is never kept.
 *
 * <p>A message that cannot be embedded (failure or timeout) continues with an error instead of a vector;
 * the guard stage dead-letters it by id. One whose gloss alone fails continues without the blend. The job never
 * fails on a message.
 */
public class EmbedMessages extends RichAsyncFunction<AssistantMessage, EmbeddedMessage> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EmbedMessages.class);

    private final EmbeddingConfig embedding;
    private final BatchingConfig batching;
    private final String glossDictionaries;
    private transient BatchingEmbedder embedder;
    private transient Glossaries glossaries;

    public EmbedMessages(EmbeddingConfig embedding, BatchingConfig batching) {
        this(embedding, batching, null);
    }

    /** @param glossDictionaries directory of dictionaries into English, {@code null} for no glossing */
    public EmbedMessages(EmbeddingConfig embedding, BatchingConfig batching, String glossDictionaries) {
        this.embedding = embedding;
        this.batching = batching;
        this.glossDictionaries = glossDictionaries;
    }

    @Override
    public void open(OpenContext openContext) {
        EmbeddingModel model = SharedEmbeddingModel.acquire(embedding);
        embedder = model.batching(batching);
        glossaries = glossDictionaries == null ? Glossaries.none() : Glossaries.acquire(Path.of(glossDictionaries));
        if (glossDictionaries != null) {
            LOG.info("Messages in {} are glossed into English for profiles (dictionaries in {})",
                    glossaries.languages(), glossDictionaries);
        }
    }

    @Override
    public void asyncInvoke(AssistantMessage message, ResultFuture<EmbeddedMessage> result) {
        Glosser.Gloss gloss = gloss(message);
        CompletableFuture<float[]> written = embedder.submit(message.text());
        CompletableFuture<float[]> glossed = gloss == null ? null : embedder.submit(gloss.text());
        written.whenComplete((vector, error) -> {
            if (error != null) {
                result.complete(List.of(embedded(message, null, null, "embedding failed: " + error.getMessage())));
            } else if (glossed == null) {
                result.complete(List.of(embedded(message, vector, null, null)));
            } else {
                glossed.whenComplete((glossVector, glossError) -> result.complete(List.of(embedded(message, vector,
                        glossError == null ? Glosser.blend(vector, glossVector) : null, null))));
            }
        });
    }

    /** The message's English gloss, or {@code null} when it has none; never an exception on the task thread. */
    private Glosser.Gloss gloss(AssistantMessage message) {
        try {
            return glossaries.forLocale(message.locale())
                    .map(glosser -> glosser.gloss(message.text()))
                    .filter(Glosser.Gloss::changed)
                    .orElse(null);
        } catch (RuntimeException e) {
            return null; // the message still teaches its own embedding
        }
    }

    @Override
    public void timeout(AssistantMessage message, ResultFuture<EmbeddedMessage> result) {
        result.complete(List.of(embedded(message, null, null, "embedding timed out")));
    }

    @Override
    public void close() {
        if (embedder != null) {
            embedder = null;
            SharedEmbeddingModel.release(embedding);
        }
        if (glossaries != null) {
            glossaries = null;
            if (glossDictionaries != null) {
                Glossaries.release(Path.of(glossDictionaries));
            }
        }
    }

    private static EmbeddedMessage embedded(
            AssistantMessage message, float[] vector, float[] interestVector, String error) {
        return new EmbeddedMessage(message.eventId(), message.app(), message.accountId(), message.timestamp(),
                message.text(), vector, interestVector, error);
    }
}
