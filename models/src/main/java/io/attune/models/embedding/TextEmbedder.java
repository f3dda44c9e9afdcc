package io.attune.models.embedding;

import java.util.List;

/**
 * Turns text into a unit-length sentence embedding.
 *
 * <p>Instances are not thread-safe: each thread takes its own from {@link EmbeddingModel#newEmbedder()}.
 */
public interface TextEmbedder extends AutoCloseable {

    /** Length of every vector this embedder returns. */
    int dimension();

    float[] embed(String text);

    /** Embeds a batch in one inference call; the result is in input order. */
    List<float[]> embedAll(List<String> texts);

    @Override
    void close();
}
