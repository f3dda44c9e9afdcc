package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.events.AssistantMessage;
import io.attune.jobs.events.Modality;
import io.attune.jobs.stream.EmbeddedMessage;
import io.attune.models.embedding.BatchingConfig;
import io.attune.models.embedding.EmbeddingConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.OneInputStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message embedding stage keeps no message text in checkpoints: what Flink's own async operator would have
 * written there (the messages it has not yet emitted) is finished and emitted before the barrier instead.
 */
class DrainingAsyncOperatorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int CAPACITY = 16;
    private static final TypeSerializer<AssistantMessage> MESSAGES =
            TypeInformation.of(AssistantMessage.class).createSerializer(new SerializerConfigImpl());

    private static final List<String> TEXTS = List.of(
            "I was diagnosed with depression last week and cannot sleep",
            "Which trail running shoes grip best on wet granite",
            "Recommend a quiet jazz album for a rainy afternoon");

    @TempDir
    Path work;

    @Test
    void flinksOwnOperatorCheckpointsTheMessagesItHasNotYetEmitted() throws Exception {
        try (var harness = harness(new AsyncWaitOperatorFactory<>(embed(), TIMEOUT.toMillis(), CAPACITY,
                AsyncDataStream.OutputMode.ORDERED))) {
            harness.open();
            sendAll(harness);
            String stored = bytes(harness.snapshot(1L, 10L));
            for (String text : TEXTS) {
                assertThat(stored).as("the hazard this operator exists for").contains(text);
            }
            harness.endInput();
        }
    }

    @Test
    void everyMessageIsEmbeddedAndEmittedBeforeTheBarrierAndNoneIsCheckpointed() throws Exception {
        try (var harness = harness(new DrainingAsyncOperatorFactory<>(embed(), TIMEOUT, CAPACITY))) {
            harness.open();
            sendAll(harness);
            harness.prepareSnapshotPreBarrier(1L);
            List<StreamRecord<EmbeddedMessage>> emitted = emitted(harness);
            assertThat(emitted).extracting(record -> record.getValue().eventId())
                    .as("in their order, before the barrier")
                    .containsExactly("m0", "m1", "m2");
            assertThat(emitted).extracting(StreamRecord::getTimestamp).containsExactly(1_000L, 1_001L, 1_002L);
            assertThat(emitted).allSatisfy(record -> assertThat(record.getValue().embedding()).hasSize(384));

            String stored = bytes(harness.snapshot(1L, 10L));
            for (String text : TEXTS) {
                assertThat(stored).doesNotContain(text);
            }
        }
    }

    @Test
    void messagesAStateOfFlinksOperatorHeldAreEmbeddedAfterTheRestoreAndNotCheckpointedAgain() throws Exception {
        OperatorSubtaskState written;
        try (var before = harness(new AsyncWaitOperatorFactory<>(embed(), TIMEOUT.toMillis(), CAPACITY,
                AsyncDataStream.OutputMode.ORDERED))) {
            before.open();
            sendAll(before);
            written = before.snapshot(1L, 10L);
        }
        assertThat(bytes(written)).contains(TEXTS.get(0));

        try (var after = harness(new DrainingAsyncOperatorFactory<>(embed(), TIMEOUT, CAPACITY))) {
            after.initializeState(written);
            after.open();
            after.prepareSnapshotPreBarrier(2L);
            assertThat(emitted(after)).extracting(record -> record.getValue().eventId())
                    .containsExactly("m0", "m1", "m2");
            String stored = bytes(after.snapshot(2L, 20L));
            for (String text : TEXTS) {
                assertThat(stored).doesNotContain(text);
            }
        }
    }

    private static EmbedMessages embed() {
        return new EmbedMessages(EmbeddingConfig.defaults(), BatchingConfig.defaults());
    }

    private static OneInputStreamOperatorTestHarness<AssistantMessage, EmbeddedMessage> harness(
            OneInputStreamOperatorFactory<AssistantMessage, EmbeddedMessage> factory) throws Exception {
        return new OneInputStreamOperatorTestHarness<>(factory, MESSAGES);
    }

    private static void sendAll(OneInputStreamOperatorTestHarness<AssistantMessage, EmbeddedMessage> harness)
            throws Exception {
        for (int i = 0; i < TEXTS.size(); i++) {
            harness.processElement(new AssistantMessage("m" + i, "MESSENGER", "m-ana", 1_000L + i, Modality.TEXT,
                    TEXTS.get(i), "en"), 1_000L + i);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<StreamRecord<EmbeddedMessage>> emitted(
            OneInputStreamOperatorTestHarness<AssistantMessage, EmbeddedMessage> harness) {
        List<StreamRecord<EmbeddedMessage>> records = new ArrayList<>();
        for (Object element : harness.getOutput()) {
            if (element instanceof StreamRecord<?> record) {
                records.add((StreamRecord<EmbeddedMessage>) record);
            }
        }
        return records;
    }

    /** The snapshot as written to a checkpoint (uncompressed), as one string of bytes. */
    private String bytes(OperatorSubtaskState state) throws Exception {
        Path file = Files.createTempFile(work, "snapshot", ".bin");
        OperatorSnapshotUtil.writeStateHandle(state, file.toString());
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
}
