package io.attune.jobs.functions;

import io.attune.models.embedding.BatchingConfig;
import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.embedding.SharedEmbeddingModel;
import io.attune.models.language.Glossaries;
import io.attune.models.language.GlossingEmbedder;
import java.io.Serializable;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An async embed stage's hold on the JVM-wide embedding model and, with {@code embedding.gloss-dictionaries}, the
 * JVM-wide dictionaries into English: {@link #acquire} in {@code open()} gives a {@link GlossingEmbedder} over both;
 * {@link #release} in {@code close()}. The message and the catalog embed stages each hold one, over the same model
 * and dictionaries, so that both sides of a match are read alike.
 */
public final class GlossingEmbedderLease implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(GlossingEmbedderLease.class);

    private final EmbeddingConfig embedding;
    private final BatchingConfig batching;
    private final String glossDictionaries;
    private transient GlossingEmbedder embedder;

    /** @param glossDictionaries directory of dictionaries into English, {@code null} for no glossing */
    public GlossingEmbedderLease(EmbeddingConfig embedding, BatchingConfig batching, String glossDictionaries) {
        this.embedding = embedding;
        this.batching = batching;
        this.glossDictionaries = glossDictionaries;
    }

    /** @param what what is glossed, for the log ("messages", "catalog items") */
    public GlossingEmbedder acquire(String what) {
        if (embedder == null) {
            Glossaries glossaries = glossDictionaries == null
                    ? Glossaries.none()
                    : Glossaries.acquire(Path.of(glossDictionaries));
            embedder = new GlossingEmbedder(SharedEmbeddingModel.acquire(embedding).batching(batching), glossaries);
            if (glossDictionaries != null) {
                LOG.info("{} in {} are glossed into English for interests (dictionaries in {})",
                        what, glossaries.languages(), glossDictionaries);
            }
        }
        return embedder;
    }

    public void release() {
        if (embedder != null) {
            embedder = null;
            SharedEmbeddingModel.release(embedding);
            if (glossDictionaries != null) {
                Glossaries.release(Path.of(glossDictionaries));
            }
        }
    }
}
