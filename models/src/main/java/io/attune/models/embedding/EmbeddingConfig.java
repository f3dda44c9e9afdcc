package io.attune.models.embedding;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * How to load the embedding model.
 *
 * @param modelDir a directory holding a sentence-transformers ONNX export ({@code model.onnx}) and its
 *     {@code tokenizer.json}; {@code null} loads all-MiniLM-L6-v2 from the classpath
 * @param maxTokens longer inputs are truncated to this many tokens (never an error)
 * @param intraOpThreads ONNX Runtime threads per inference call
 * @param quantized with no {@code modelDir}: load the int8-quantized all-MiniLM-L6-v2 (about 2x faster; its
 *     output depends slightly on the batch it runs in)
 */
public record EmbeddingConfig(String modelDir, int maxTokens, int intraOpThreads, boolean quantized)
        implements Serializable {

    public static final int DEFAULT_MAX_TOKENS = 256;

    public EmbeddingConfig {
        if (maxTokens < 8) {
            throw new IllegalArgumentException("maxTokens must be at least 8, was " + maxTokens);
        }
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, was " + intraOpThreads);
        }
    }

    /** The bundled all-MiniLM-L6-v2 weights, 256-token truncation, one ORT thread per call. */
    public static EmbeddingConfig defaults() {
        return new EmbeddingConfig(null, DEFAULT_MAX_TOKENS, 1, false);
    }

    /** The same settings with the quantized weights. */
    public EmbeddingConfig withQuantized(boolean quantized) {
        return new EmbeddingConfig(modelDir, maxTokens, intraOpThreads, quantized);
    }

    /** The same settings with another truncation length. */
    public EmbeddingConfig withMaxTokens(int maxTokens) {
        return new EmbeddingConfig(modelDir, maxTokens, intraOpThreads, quantized);
    }

    Path modelDirPath() {
        return modelDir == null ? null : Path.of(modelDir);
    }
}
