package io.attune.models.embedding;

import io.attune.models.jvm.SharedInstances;

/**
 * One loaded {@link EmbeddingModel} per JVM and configuration, shared by every caller (for Flink: every
 * task slot). Reference-counted: the last {@link #release} closes the model.
 */
public final class SharedEmbeddingModel {

    private static final SharedInstances<EmbeddingConfig, EmbeddingModel> MODELS =
            new SharedInstances<>(EmbeddingModel::close);

    private SharedEmbeddingModel() {}

    public static EmbeddingModel acquire(EmbeddingConfig config) {
        return MODELS.acquire(config, EmbeddingModel::load);
    }

    public static void release(EmbeddingConfig config) {
        MODELS.release(config);
    }

    static int references(EmbeddingConfig config) {
        return MODELS.references(config);
    }
}
