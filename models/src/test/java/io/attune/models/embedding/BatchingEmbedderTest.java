package io.attune.models.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.models.math.Vectors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BatchingEmbedderTest {

    private static EmbeddingModel model;

    @BeforeAll
    static void load() {
        model = SharedEmbeddingModel.acquire(EmbeddingConfig.defaults());
    }

    @AfterAll
    static void release() {
        SharedEmbeddingModel.release(EmbeddingConfig.defaults());
    }

    @Test
    void everyFutureGetsTheEmbeddingOfItsOwnText() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            texts.add(i % 3 == 0
                    ? "short " + i
                    : "a somewhat longer message number " + i + " about " + "trail running and jazz ".repeat(i % 7));
        }
        try (BatchingEmbedder batching = new BatchingEmbedder(model,
                new BatchingConfig(8, 32, Duration.ofMillis(5), 2, 256));
                TextEmbedder single = model.newEmbedder()) {
            List<CompletableFuture<float[]>> futures = texts.stream().map(batching::submit).toList();
            for (int i = 0; i < texts.size(); i++) {
                float[] batched = futures.get(i).get(30, TimeUnit.SECONDS);
                assertThat(Vectors.dot(batched, single.embed(texts.get(i)))).as(texts.get(i)).isGreaterThan(0.9999f);
            }
        }
    }

    @Test
    void aClosedEmbedderRejectsInsteadOfHanging() {
        BatchingEmbedder batching = new BatchingEmbedder(model, BatchingConfig.defaults());
        batching.close();
        assertThatThrownBy(() -> batching.submit("hello").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void aFullQueueRejectsSoCallersAreNeverBlocked() {
        // No worker can keep up with 2,000 instant submissions into a queue of 32.
        try (BatchingEmbedder batching = new BatchingEmbedder(model,
                new BatchingConfig(1, 1, Duration.ZERO, 1, 32))) {
            List<CompletableFuture<float[]>> futures = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                futures.add(batching.submit("message " + i));
            }
            assertThat(futures).anyMatch(CompletableFuture::isCompletedExceptionally);
        }
    }

    @Test
    void theModelSharesOneBatchingFrontEnd() {
        assertThat(model.batching(BatchingConfig.defaults())).isSameAs(model.batching(BatchingConfig.defaults()));
    }

    @Test
    void tokenCountIsCappedByTruncation() {
        assertThat(model.tokenCount("hello world")).isEqualTo(4);
        assertThat(model.tokenCount("word ".repeat(1_000))).isEqualTo(EmbeddingConfig.DEFAULT_MAX_TOKENS);
    }
}
