package io.attune.jobs.functions;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.streaming.api.functions.async.AsyncFunction;
import org.apache.flink.streaming.api.functions.async.CollectionSupplier;
import org.apache.flink.streaming.api.functions.async.ResultFuture;

/** Calls an async function outside Flink, for tests: its one result for one input, as a future. */
final class AsyncCalls {

    private AsyncCalls() {}

    static <IN, OUT> CompletableFuture<OUT> invoke(AsyncFunction<IN, OUT> function, IN input) throws Exception {
        CompletableFuture<OUT> future = new CompletableFuture<>();
        function.asyncInvoke(input, new ResultFuture<>() {
            @Override
            public void complete(Collection<OUT> result) {
                future.complete(result.iterator().next());
            }

            @Override
            public void completeExceptionally(Throwable error) {
                future.completeExceptionally(error);
            }

            @Override
            public void complete(CollectionSupplier<OUT> supplier) {
                try {
                    complete(supplier.get());
                } catch (Exception e) {
                    future.completeExceptionally(e);
                }
            }
        });
        return future;
    }
}
