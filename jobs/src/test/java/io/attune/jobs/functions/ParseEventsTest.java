package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.events.AssistantMessage;
import io.attune.jobs.events.DeadLetter;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.stream.RawRecord;
import java.util.List;
import java.util.Set;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing an input topic: what a rejected record's dead letter keeps, and what it never keeps of a message. */
class ParseEventsTest {

    private static final EventJson JSON = new EventJson(Set.of("MESSENGER"));

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"eventId\":\"e1\",\"app\":\"MESSENGER\",\"text\":\"I was diagnosed with diabetes\"}",
        "{\"eventId\":\"e1\",\"app\":\"MESSENGER\",\"text\": I was diagnosed with diabetes}",
        "{\"eventId\":\"e1\",\"app\":\"MESSENGER\",\"text\":\"I was diagnosed with diabetes",
        "diagnosed with diabetes",
        "{\"eventId\":\"e1\",\"app\":\"MESSENGER\",\"text\": \"x\", diagnosed: 1}",
        "{\"eventId\":\"e1\",\"app\":\"MYSPACE\",\"accountId\":\"a\",\"timestamp\":1764400000000,"
                + "\"modality\":\"TEXT\",\"text\":\"I was diagnosed with diabetes\"}"})
    void aRejectedMessagesDeadLetterQuotesNoneOfItsText(String payload) throws Exception {
        List<DeadLetter> letters = deadLettersOf(payload, true);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.sourceTopic()).isEqualTo("assistant-messages");
            assertThat(letter.origin()).as("where to find what is withheld").isEqualTo("partition 0, offset 7");
            assertThat(letter.payload()).doesNotContain("diagnosed").doesNotContain("diabetes");
            assertThat(letter.reason()).doesNotContain("diagnosed").doesNotContain("diabetes").isNotBlank();
        });
    }

    @Test
    void otherTopicsKeepThePayloadAndTheParsersWordsForWhoeverFixesTheProducer() throws Exception {
        String payload = "{\"eventId\":\"e1\",\"app\":\"MESSENGER\",\"text\": oops}";
        assertThat(deadLettersOf(payload, false)).singleElement().satisfies(letter -> {
            assertThat(letter.payload()).isEqualTo(payload);
            assertThat(letter.reason()).startsWith("not valid JSON: Unrecognized token 'oops'");
        });
        assertThat(deadLettersOf(payload, true)).singleElement().satisfies(letter -> assertThat(letter.reason())
                .isEqualTo("not valid JSON: Unrecognized token at line 1, column 47 (what it quoted is withheld)"));
    }

    private static List<DeadLetter> deadLettersOf(String payload, boolean withholdText) throws Exception {
        try (OneInputStreamOperatorTestHarness<RawRecord, AssistantMessage> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new ParseEvents<>("assistant-messages", JSON,
                        EventJson::assistantMessage, withholdText))) {
            harness.processElement(new RawRecord(payload, "partition 0, offset 7"), 0L);
            assertThat(harness.extractOutputValues()).isEmpty();
            return harness.getSideOutput(DeadLetters.TAG).stream().map(StreamRecord::getValue).toList();
        }
    }
}
