package io.attune.jobs.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.Uids;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.runtime.state.OperatorStateHandle;
import org.apache.flink.runtime.state.OperatorStreamStateHandle;
import org.apache.flink.runtime.state.memory.ByteStreamStateHandle;
import org.apache.flink.state.api.OperatorIdentifier;
import org.junit.jupiter.api.Test;

class StateSizesTest {

    @Test
    void attributesEachPartitionOfAHandleToItsStateUpToTheNextOne() {
        // A header of 10 bytes, the broadcast state from 10 to 40, the list state's two elements from 40 and 70.
        OperatorStateHandle handle = handle(100, Map.of(
                "catalog", new OperatorStateHandle.StateMetaInfo(new long[] {10}, OperatorStateHandle.Mode.BROADCAST),
                "in-flight", new OperatorStateHandle.StateMetaInfo(
                        new long[] {70, 40}, OperatorStateHandle.Mode.SPLIT_DISTRIBUTE)));

        Map<String, StateSizes.NamedState> named = StateSizes.byName(handle);

        assertThat(named.get("catalog")).isEqualTo(new StateSizes.NamedState("catalog", "BROADCAST", 30, 1, 30));
        assertThat(named.get("in-flight"))
                .isEqualTo(new StateSizes.NamedState("in-flight", "SPLIT_DISTRIBUTE", 60, 1, 60));
    }

    @Test
    void countsBroadcastStateOncePerSubtaskThatWroteIt() {
        OperatorState profile = new OperatorState("Update profile and rank", Uids.UPDATE_PROFILE,
                OperatorIdentifier.forUid(Uids.UPDATE_PROFILE).getOperatorId(), 2, 128);
        for (int subtask = 0; subtask < 2; subtask++) {
            profile.putState(subtask, OperatorSubtaskState.builder()
                    .setManagedOperatorState(handle(1_010, Map.of("catalog", new OperatorStateHandle.StateMetaInfo(
                            new long[] {10}, OperatorStateHandle.Mode.BROADCAST))))
                    .build());
        }
        OperatorState stateless = new OperatorState("Parse", Uids.PARSE_ACCOUNT_LINKS,
                OperatorIdentifier.forUid(Uids.PARSE_ACCOUNT_LINKS).getOperatorId(), 2, 128);

        List<StateSizes.OperatorBytes> sizes =
                StateSizes.of(new CheckpointMetadata(1L, List.of(profile, stateless), List.of()));

        assertThat(sizes).singleElement().satisfies(operator -> {
            assertThat(operator.operator()).isEqualTo(Uids.UPDATE_PROFILE);
            assertThat(operator.parallelism()).isEqualTo(2);
            assertThat(operator.keyedBytes()).isZero();
            assertThat(operator.operatorBytes()).isEqualTo(2_020);
            assertThat(operator.states()).containsExactly(
                    new StateSizes.NamedState("catalog", "BROADCAST", 2_000, 2, 1_000));
        });
    }

    private static OperatorStateHandle handle(int size, Map<String, OperatorStateHandle.StateMetaInfo> offsets) {
        return new OperatorStreamStateHandle(offsets, new ByteStreamStateHandle("state", new byte[size]));
    }
}
