package io.attune.jobs.functions;

import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.functions.async.AsyncFunction;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperator;
import org.apache.flink.streaming.runtime.tasks.ProcessingTimeService;
import org.apache.flink.streaming.util.retryable.AsyncRetryStrategies;

/**
 * Flink's ordered async I/O operator that finishes every element in flight before a checkpoint barrier passes it,
 * so no checkpoint or savepoint ever holds an input element.
 *
 * <p>{@link AsyncWaitOperator} writes the inputs it has not yet emitted into operator state, to process them again
 * after a restore. For the message embedding stage those inputs are assistant messages, text included, before the
 * guard has judged them: a checkpoint taken under load would store on durable storage the very text Attune promises never to
 * keep, sensitive messages among it. Here, before the barrier, the task waits (running its mailbox, so results and
 * timeouts still arrive) until the queue is empty, exactly as at the end of a bounded input; the state then written
 * is an empty list. The barrier is held for at most the time the queue takes to finish, bounded by the timeout.
 *
 * <p>State written by {@link AsyncWaitOperator} under the same uid (savepoints of earlier versions) restores as
 * before: its elements are processed again when the operator opens, then drained before the next barrier.
 */
public class DrainingAsyncOperator<IN, OUT> extends AsyncWaitOperator<IN, OUT> {

    private static final long serialVersionUID = 1L;

    DrainingAsyncOperator(StreamOperatorParameters<OUT> parameters, AsyncFunction<IN, OUT> function, long timeoutMillis,
            int capacity, ProcessingTimeService timers, MailboxExecutor mailbox) {
        super(parameters, function, timeoutMillis, capacity, AsyncDataStream.OutputMode.ORDERED,
                AsyncRetryStrategies.NO_RETRY_STRATEGY, timers, mailbox);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        // Without retries, the end of input does exactly this: yield to the mailbox until the queue is empty.
        endInput();
    }
}
