package io.attune.jobs.functions;

import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.embedding.EmbeddingModel;
import io.attune.models.embedding.SharedEmbeddingModel;
import io.attune.models.embedding.TextEmbedder;
import java.io.Serializable;

/**
 * A function's hold on the JVM-wide embedding model: {@link #acquire} in {@code open()} gives the calling
 * task thread its own {@link TextEmbedder} over the shared model; {@link #release} in {@code close()}.
 */
public final class EmbedderLease implements Serializable {

    private static final long serialVersionUID = 1L;

    private final EmbeddingConfig config;
    private transient TextEmbedder embedder;

    public EmbedderLease(EmbeddingConfig config) {
        this.config = config;
    }

    public TextEmbedder acquire() {
        if (embedder == null) {
            EmbeddingModel model = SharedEmbeddingModel.acquire(config);
            embedder = model.newEmbedder();
        }
        return embedder;
    }

    public void release() {
        if (embedder != null) {
            embedder.close();
            embedder = null;
            SharedEmbeddingModel.release(config);
        }
    }
}
