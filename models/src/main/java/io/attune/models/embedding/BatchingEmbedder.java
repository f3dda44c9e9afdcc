package io.attune.models.embedding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Embeds messages asynchronously in length-bucketed micro-batches. Callers {@link #submit} and get a
 * future; worker threads (each with its own predictor over the one shared model) gather a window of
 * messages for at most {@code maxWait}, sort it by token length and run it as batches of similar length, so
 * little compute goes to padding. Thread-safe.
 */
public final class BatchingEmbedder implements AutoCloseable {

    private final EmbeddingModel model;
    private final BatchingConfig config;
    private final BlockingQueue<Request> queue;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;

    BatchingEmbedder(EmbeddingModel model, BatchingConfig config) {
        this.model = model;
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        for (int i = 0; i < config.workers(); i++) {
            Thread worker = new Thread(this::work, "attune-embedder-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    public BatchingConfig config() {
        return config;
    }

    /** Queues one text; the future completes with its embedding, or exceptionally. Never blocks. */
    public CompletableFuture<float[]> submit(String text) {
        CompletableFuture<float[]> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new RejectedExecutionException("embedder is closed"));
        } else if (!queue.offer(new Request(text, result))) {
            result.completeExceptionally(new RejectedExecutionException(
                    "embedding queue full (" + config.queueCapacity() + " waiting)"));
        }
        return result;
    }

    private void work() {
        try (TextEmbedder embedder = model.newEmbedder()) {
            List<Request> window = new ArrayList<>(config.collectSize());
            while (!closed) {
                window.clear();
                Request first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                window.add(first);
                long deadline = System.nanoTime() + config.maxWait().toNanos();
                while (window.size() < config.collectSize()) {
                    long left = deadline - System.nanoTime();
                    Request next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    window.add(next);
                }
                embedWindow(embedder, window);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void embedWindow(TextEmbedder embedder, List<Request> window) {
        for (Request request : window) {
            request.tokens = model.tokenCount(request.text);
        }
        window.sort(Comparator.comparingInt(r -> r.tokens));
        for (int from = 0; from < window.size(); from += config.maxBatchSize()) {
            List<Request> batch = window.subList(from, Math.min(window.size(), from + config.maxBatchSize()));
            try {
                List<float[]> vectors = embedder.embedAll(batch.stream().map(r -> r.text).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result.complete(vectors.get(i));
                }
            } catch (RuntimeException e) {
                batch.forEach(r -> r.result.completeExceptionally(e));
            }
        }
    }

    /** Stops the workers; messages still queued fail with a rejection. */
    @Override
    public void close() {
        closed = true;
        for (Thread worker : workers) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Request request; (request = queue.poll()) != null; ) {
            request.result.completeExceptionally(new RejectedExecutionException("embedder closed"));
        }
    }

    private static final class Request {
        final String text;
        final CompletableFuture<float[]> result;
        int tokens;

        Request(String text, CompletableFuture<float[]> result) {
            this.text = text;
            this.result = result;
        }
    }
}
