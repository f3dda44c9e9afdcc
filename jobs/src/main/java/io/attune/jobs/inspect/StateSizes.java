package io.attune.jobs.inspect;

import io.attune.jobs.Uids;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.state.OperatorStateHandle;
import org.apache.flink.state.api.OperatorIdentifier;

/**
 * How many bytes each operator's state takes in a savepoint or checkpoint, read from its metadata alone (no state is
 * read): keyed state, which is split among the subtasks, apart from operator state, and operator state by name and
 * subtask. Broadcast state is written whole by every subtask, so what it costs a checkpoint grows with the
 * parallelism however large the catalog is; this is where that shows.
 */
public final class StateSizes {

    private StateSizes() {}

    /** The operators that hold state, largest first, each named by its uid when it is one of {@link Uids}. */
    public static List<OperatorBytes> of(CheckpointMetadata metadata) {
        Map<OperatorID, String> uids = uidsById();
        List<OperatorBytes> out = new ArrayList<>();
        for (OperatorState operator : metadata.getOperatorStates()) {
            long keyed = 0;
            long operatorTotal = 0;
            Map<String, NamedState> named = new TreeMap<>();
            for (OperatorSubtaskState subtask : operator.getStates()) {
                keyed += subtask.getManagedKeyedState().getStateSize() + subtask.getRawKeyedState().getStateSize();
                operatorTotal += subtask.getManagedOperatorState().getStateSize()
                        + subtask.getRawOperatorState().getStateSize();
                for (OperatorStateHandle handle : subtask.getManagedOperatorState()) {
                    byName(handle).forEach((name, part) -> named.merge(name, part, NamedState::plus));
                }
            }
            if (keyed + operatorTotal == 0) {
                continue;
            }
            String name = uids.getOrDefault(operator.getOperatorID(),
                    operator.getOperatorUid().or(operator::getOperatorName).orElse(operator.getOperatorID().toString()));
            out.add(new OperatorBytes(name, operator.getParallelism(), keyed, operatorTotal,
                    List.copyOf(named.values())));
        }
        out.sort(Comparator.comparingLong(OperatorBytes::total).reversed());
        return out;
    }

    /**
     * One handle's bytes per state name. The handle's stream holds each state's partitions at the offsets its
     * metadata lists, one after another; a partition runs to the next offset of any state, or to the end.
     */
    static Map<String, NamedState> byName(OperatorStateHandle handle) {
        List<long[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, String> modes = new HashMap<>();
        handle.getStateNameToPartitionOffsets().forEach((name, info) -> {
            modes.put(name, info.getDistributionMode().name());
            for (long offset : info.getOffsets()) {
                starts.add(new long[] {offset, names.size()});
                names.add(name);
            }
        });
        starts.sort(Comparator.comparingLong(s -> s[0]));
        Map<String, Long> bytes = new HashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            long end = i + 1 < starts.size() ? starts.get(i + 1)[0] : handle.getStateSize();
            bytes.merge(names.get((int) starts.get(i)[1]), end - starts.get(i)[0], Long::sum);
        }
        Map<String, NamedState> out = new HashMap<>();
        bytes.forEach((name, size) -> out.put(name, new NamedState(name, modes.get(name), size, 1, size)));
        return out;
    }

    private static Map<OperatorID, String> uidsById() {
        Map<OperatorID, String> out = new HashMap<>();
        for (Field field : Uids.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    String uid = (String) field.get(null);
                    out.put(OperatorIdentifier.forUid(uid).getOperatorId(), uid);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    /**
     * One operator's state.
     *
     * @param keyedBytes keyed state, all subtasks together
     * @param operatorBytes operator state (broadcast, list and union state), all subtasks together
     * @param states operator state by name
     */
    public record OperatorBytes(String operator, int parallelism, long keyedBytes, long operatorBytes,
            List<NamedState> states) {

        public long total() {
            return keyedBytes + operatorBytes;
        }
    }

    /**
     * One named operator state.
     *
     * @param mode how it is distributed on restore: {@code BROADCAST} (every subtask writes all of it and gets it
     *     all back), {@code SPLIT_DISTRIBUTE} or {@code UNION}
     * @param bytes all subtasks together
     * @param subtasks how many subtasks wrote some
     * @param largestSubtask the most one subtask wrote
     */
    public record NamedState(String name, String mode, long bytes, int subtasks, long largestSubtask) {

        NamedState plus(NamedState other) {
            return new NamedState(name, mode, bytes + other.bytes, subtasks + other.subtasks,
                    Math.max(largestSubtask, other.largestSubtask));
        }
    }
}
