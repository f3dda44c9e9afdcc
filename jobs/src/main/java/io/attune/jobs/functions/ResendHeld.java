package io.attune.jobs.functions;

import io.attune.jobs.stream.CatalogUpdate;
import io.attune.jobs.stream.Resent;
import java.util.function.Function;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * How a keyed stage feeding the profile operator's broadcast side sends again all it holds after a (re)start: every
 * value of one of its value states, then a {@link Resent} marker naming the stage and subtask. The profile operator
 * checkpoints none of it and waits for the marker of every subtask before it applies person events.
 */
final class ResendHeld {

    private ResendHeld() {}

    /** Sends every held value as {@code asUpdate} makes it, then the marker; returns how many values were sent. */
    static <T> long resend(KeyedStateBackend<String> backend, ValueStateDescriptor<T> held,
            Function<T, CatalogUpdate> asUpdate, Resent.From from, int subtask, int subtasks,
            Output<StreamRecord<CatalogUpdate>> output) throws Exception {
        long[] sent = {0};
        backend.<VoidNamespace, ValueState<T>, T>applyToAllKeys(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE, held, (key, state) -> {
                    T value = state.value();
                    if (value != null) {
                        output.collect(new StreamRecord<>(asUpdate.apply(value)));
                        sent[0]++;
                    }
                });
        output.collect(new StreamRecord<>(CatalogUpdate.resent(from, subtask, subtasks)));
        return sent[0];
    }
}
