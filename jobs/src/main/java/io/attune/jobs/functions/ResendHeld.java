package io.attune.jobs.functions;

import io.attune.jobs.stream.CatalogUpdate;
import io.attune.jobs.stream.Resent;
import java.util.function.Function;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.tasks.ProcessingTimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a keyed stage feeding the profile operator's broadcast side sends again all it holds after a (re)start: every
 * value of one of its value states, then a {@link Resent} marker naming the stage and subtask, once. The profile
 * operator checkpoints none of it and waits for the marker of every subtask before it applies person events.
 *
 * @param <T> the values held
 */
final class ResendHeld<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ResendHeld.class);

    private final Resent.From from;
    private final ValueStateDescriptor<T> held;
    private final Function<T, CatalogUpdate> asUpdate;
    private final KeyedStateBackend<String> backend;
    private final Output<StreamRecord<CatalogUpdate>> output;
    private final Counter sentAgain;
    private final int subtask;
    private final int subtasks;
    private boolean sent;

    /**
     * @param sentAgain counts the values sent again
     */
    ResendHeld(Resent.From from, ValueStateDescriptor<T> held, Function<T, CatalogUpdate> asUpdate,
            KeyedStateBackend<String> backend, Output<StreamRecord<CatalogUpdate>> output, Counter sentAgain,
            int subtask, int subtasks) {
        this.from = from;
        this.held = held;
        this.asUpdate = asUpdate;
        this.backend = backend;
        this.output = output;
        this.sentAgain = sentAgain;
        this.subtask = subtask;
        this.subtasks = subtasks;
    }

    /**
     * Sends from the mailbox once the task runs (records are not to be emitted while operators are still opening).
     * A bounded input may end first: {@link #sendOnce} from the operator's {@code finish()} as well.
     */
    void sendWhenRunning(ProcessingTimeService time) {
        time.registerTimer(time.getCurrentProcessingTime(), now -> sendOnce());
    }

    /** Sends every held value, then the marker, unless done already. */
    void sendOnce() throws Exception {
        if (sent) {
            return;
        }
        sent = true;
        long started = System.nanoTime();
        backend.<VoidNamespace, ValueState<T>, T>applyToAllKeys(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE, held, (key, state) -> {
                    T value = state.value();
                    if (value != null) {
                        output.collect(new StreamRecord<>(asUpdate.apply(value)));
                        sentAgain.inc();
                    }
                });
        output.collect(new StreamRecord<>(CatalogUpdate.resent(from, subtask, subtasks)));
        LOG.info("{} subtask {} of {} sent again the {} entries it holds in {} ms", from, subtask, subtasks,
                sentAgain.getCount(), (System.nanoTime() - started) / 1_000_000);
    }
}
