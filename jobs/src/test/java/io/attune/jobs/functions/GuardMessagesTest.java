package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.events.DeadLetter;
import io.attune.jobs.stream.ActivityKind;
import io.attune.jobs.stream.ActivitySignal;
import io.attune.jobs.stream.EmbeddedMessage;
import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.embedding.SharedEmbeddingModel;
import io.attune.models.embedding.TextEmbedder;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuardMessagesTest {

    private OneInputStreamOperatorTestHarness<EmbeddedMessage, ActivitySignal> harness;
    private TextEmbedder embedder;

    @BeforeEach
    void open() throws Exception {
        harness = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(
                new GuardMessages("assistant-messages", new EmbedderLease(EmbeddingConfig.defaults()))));
        harness.open();
        embedder = SharedEmbeddingModel.acquire(EmbeddingConfig.defaults()).newEmbedder();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
        embedder.close();
        SharedEmbeddingModel.release(EmbeddingConfig.defaults());
    }

    @Test
    void aBenignMessagePassesAsAnActivityWithoutItsText() throws Exception {
        harness.processElement(message("e1", "Which trail running shoes grip best in mud?"), 0L);
        assertThat(harness.extractOutputValues()).singleElement().satisfies(signal -> {
            assertThat(signal.eventId()).isEqualTo("e1");
            assertThat(signal.kind()).isEqualTo(ActivityKind.MESSAGE);
            assertThat(signal.embedding()).hasSize(384);
            assertThat(ActivitySignal.class.getRecordComponents())
                    .extracting(java.lang.reflect.RecordComponent::getName).doesNotContain("text");
        });
    }

    @Test
    void aSensitiveMessageGoesNoFurther() throws Exception {
        harness.processElement(message("e1", "I was diagnosed with HIV last week, what treatment should I ask for?"),
                0L);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.getSideOutput(DeadLetters.TAG)).isNullOrEmpty();
        assertThat(harness.getSideOutput(GuardMessages.SUPPRESSED))
                .extracting(record -> record.getValue())
                .containsExactly(new io.attune.jobs.stream.SuppressionNotice("MESSENGER", "HEALTH"));
    }

    @Test
    void aMessageThatCouldNotBeEmbeddedIsDeadLetteredWithoutItsText() throws Exception {
        harness.processElement(new EmbeddedMessage("e1", "MESSENGER", "m-1", 0L, "secret words", null,
                "embedding timed out"), 0L);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.getSideOutput(DeadLetters.TAG)).singleElement().satisfies(record -> {
            DeadLetter letter = record.getValue();
            assertThat(letter.reason()).isEqualTo("embedding timed out");
            assertThat(letter.payload()).isEqualTo("eventId=e1").doesNotContain("secret");
        });
    }

    @Test
    void aGlossedMessageIsJudgedAsWrittenAndTeachesItsBlend() throws Exception {
        String sensitive = "Ich wurde letzte Woche positiv auf HIV getestet, welche Behandlung brauche ich?";
        float[] everydayVector = embedder.embed("Welche Kamera eignet sich für Landschaftsfotografie?");
        // The sensitive message carries an everyday blend: were the blend judged, it would pass.
        harness.processElement(new EmbeddedMessage("e1", "MESSENGER", "m-1", 0L, sensitive, embedder.embed(sensitive),
                everydayVector, null), 0L);
        float[] blend = embedder.embed("which camera for landscape photography");
        String everyday = "Welche Kamera eignet sich für Landschaftsfotografie?";
        harness.processElement(new EmbeddedMessage("e2", "MESSENGER", "m-1", 0L, everyday, everydayVector, blend, null),
                0L);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(signal -> {
            assertThat(signal.eventId()).isEqualTo("e2");
            assertThat(signal.embedding()).containsExactly(blend);
        });
        assertThat(harness.getSideOutput(GuardMessages.SUPPRESSED)).hasSize(1);
    }

    private EmbeddedMessage message(String eventId, String text) {
        return new EmbeddedMessage(eventId, "MESSENGER", "m-1", 0L, text, embedder.embed(text), null);
    }
}
