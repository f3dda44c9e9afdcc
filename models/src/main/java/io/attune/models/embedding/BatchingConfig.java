package io.attune.models.embedding;

import java.io.Serializable;
import java.time.Duration;

/**
 * How {@link BatchingEmbedder} groups messages.
 *
 * @param maxBatchSize messages per inference call
 * @param collectSize messages gathered per window before sorting by token length and cutting into
 *     batches of {@code maxBatchSize}; larger windows waste less padding
 * @param maxWait how long the first message of a window waits for company
 * @param workers inference threads, each with its own predictor
 * @param queueCapacity messages waiting at most; past it, submissions fail fast rather than pile up
 */
public record BatchingConfig(int maxBatchSize, int collectSize, Duration maxWait, int workers, int queueCapacity)
        implements Serializable {

    public BatchingConfig {
        if (maxBatchSize < 1 || collectSize < maxBatchSize || workers < 1 || queueCapacity < collectSize) {
            throw new IllegalArgumentException("need 1 <= maxBatchSize <= collectSize <= queueCapacity and "
                    + "workers >= 1, got " + maxBatchSize + ", " + collectSize + ", " + queueCapacity + ", " + workers);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative");
        }
    }

    /** Batches of 8 from windows of 32, 5 ms wait, two workers: measured best on two cores. */
    public static BatchingConfig defaults() {
        return new BatchingConfig(8, 32, Duration.ofMillis(5), 2, 4_096);
    }
}
