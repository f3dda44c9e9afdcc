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
 * future. A dispatcher thread gathers a window of messages for at most {@code maxWait}, sorts it by token
 * length and cuts it into batches of similar length (so little compute goes to padding), sized so that every
 * worker gets a share; worker threads, each with its own predictor over the one shared model, run the
 * batches. While the workers are busy the next window fills, so batches grow with load. Thread-safe.
 */
public final class BatchingEmbedder implements AutoCloseable {

    private final EmbeddingModel model;
    private final BatchingConfig config;
    private final BlockingQueue<Request> queue;
    /** Batches ready to run; as small as the worker count so that waiting messages pool into bigger windows. */
    private final BlockingQueue<List<Request>> batches;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    BatchingEmbedder(EmbeddingModel model, BatchingConfig config) {
        this.model = model;
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.batches = new ArrayBlockingQueue<>(config.workers());
        start(this::dispatch, "attune-embedder-dispatch");
        for (int i = 0; i < config.workers(); i++) {
            start(this::work, "attune-embedder-" + i);
        }
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

    private void start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    private void dispatch() {
        try {
            while (!closed) {
                Request first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Request> window = new ArrayList<>(config.collectSize());
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
                for (Request request : window) {
                    request.tokens = model.tokenCount(request.text);
                }
                window.sort(Comparator.comparingInt(r -> r.tokens));
                int size = Math.min(config.maxBatchSize(),
                        (window.size() + config.workers() - 1) / config.workers());
                for (int from = 0; from < window.size(); from += size) {
                    List<Request> batch = new ArrayList<>(window.subList(from, Math.min(window.size(), from + size)));
                    while (!batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                        if (closed) {
                            batch.forEach(r -> r.result.completeExceptionally(
                                    new RejectedExecutionException("embedder closed")));
                            break;
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        try (TextEmbedder embedder = model.newEmbedder()) {
            while (!closed) {
                List<Request> batch = batches.poll(100, TimeUnit.MILLISECONDS);
                if (batch == null) {
                    continue;
                }
                try {
                    List<float[]> vectors = embedder.embedAll(batch.stream().map(r -> r.text).toList());
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).result.complete(vectors.get(i));
                    }
                } catch (RuntimeException e) {
                    batch.forEach(r -> r.result.completeExceptionally(e));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the threads; messages still waiting fail with a rejection. */
    @Override
    public void close() {
        closed = true;
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RejectedExecutionException rejected = new RejectedExecutionException("embedder closed");
        for (Request request; (request = queue.poll()) != null; ) {
            request.result.completeExceptionally(rejected);
        }
        for (List<Request> batch; (batch = batches.poll()) != null; ) {
            batch.forEach(r -> r.result.completeExceptionally(rejected));
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
