package io.attune.models.embedding;

import java.util.HashMap;
import java.util.Map;

/**
 * One loaded {@link EmbeddingModel} per JVM and configuration, shared by every caller (for Flink: every
 * task slot). Reference-counted: the last {@link #release} closes the model.
 */
public final class SharedEmbeddingModel {

    private static final Map<EmbeddingConfig, Entry> MODELS = new HashMap<>();

    private SharedEmbeddingModel() {}

    public static synchronized EmbeddingModel acquire(EmbeddingConfig config) {
        Entry entry = MODELS.get(config);
        if (entry == null) {
            entry = new Entry(EmbeddingModel.load(config));
            MODELS.put(config, entry);
        }
        entry.references++;
        return entry.model;
    }

    public static synchronized void release(EmbeddingConfig config) {
        Entry entry = MODELS.get(config);
        if (entry == null) {
            return;
        }
        if (--entry.references == 0) {
            MODELS.remove(config);
            entry.model.close();
        }
    }

    static synchronized int references(EmbeddingConfig config) {
        Entry entry = MODELS.get(config);
        return entry == null ? 0 : entry.references;
    }

    private static final class Entry {
        final EmbeddingModel model;
        int references;

        Entry(EmbeddingModel model) {
            this.model = model;
        }
    }
}
