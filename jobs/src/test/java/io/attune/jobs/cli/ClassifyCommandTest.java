package io.attune.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/attune classify} end to end with the real model and guard: every line comes back, in input
 * order (texts are embedded shortest first), with the guard's fields; unusable lines fail closed.
 */
class ClassifyCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writesEveryLineBackInOrderWithTheGuardsDecision(@TempDir Path dir) throws Exception {
        List<String> input = new ArrayList<>();
        input.add("{\"id\": 1, \"text\": \"I was diagnosed with type 2 diabetes last week, what can I eat?\"}");
        input.add("{\"id\": 2, \"text\": \"Book a table for two at an Italian place tonight\"}");
        input.add("not json at all");
        input.add("{\"id\": 4, \"message\": \"no text field\"}");
        input.add("{\"id\": 5, \"text\": \"Wen soll ich bei der nächsten Bundestagswahl wählen? Ich schwanke zwischen "
                + "zwei Parteien und lese gerade beide Wahlprogramme, aber sie sind sehr lang.\"}");
        input.add("{\"id\": 6, \"text\": \"hi\"}");
        Path in = dir.resolve("in.jsonl");
        Path out = dir.resolve("out.jsonl");
        Files.write(in, input, StandardCharsets.UTF_8);

        int status = ClassifyCommand.run(new String[] {"--input", in.toString(), "--output", out.toString()});

        assertThat(status).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            lines.add(MAPPER.readTree(line));
        }
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0).get("id").asInt()).isEqualTo(1);
        assertThat(lines.get(0).get("sensitive").asBoolean()).isTrue();
        assertThat(lines.get(0).get("categories").toString()).contains("HEALTH");
        assertThat(lines.get(0).get("scores").has("POLITICS")).isTrue();
        assertThat(lines.get(1).get("id").asInt()).isEqualTo(2);
        assertThat(lines.get(1).get("sensitive").asBoolean()).isFalse();
        assertThat(lines.get(2).get("input").asText()).isEqualTo("not json at all");
        assertThat(lines.get(2).get("sensitive").asBoolean()).isTrue();
        assertThat(lines.get(3).get("error").asText()).contains("text");
        assertThat(lines.get(3).get("sensitive").asBoolean()).isTrue();
        assertThat(lines.get(4).get("id").asInt()).isEqualTo(5);
        assertThat(lines.get(4).get("categories").toString()).contains("POLITICS");
        assertThat(lines.get(5).get("id").asInt()).isEqualTo(6);
        assertThat(lines.get(5).get("sensitive").asBoolean()).isFalse();
    }

    @Test
    void catalogEntriesAreJudgedAsTheJobJudgesThem(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("catalog.jsonl");
        Path out = dir.resolve("out.jsonl");
        Files.write(in, List.of(
                "{\"itemId\": \"clinic\", \"text\": \"Confidential HIV testing at our clinic\", \"tags\": [\"health\"]}",
                "{\"itemId\": \"film\", \"text\": \"The Saint of Lost Things (2011). Comedy, Drama\","
                        + " \"tags\": [\"Comedy\", \"Drama\"]}"), StandardCharsets.UTF_8);

        int status = ClassifyCommand.run(new String[] {"--input", in.toString(), "--output", out.toString(),
                "--catalog"});

        assertThat(status).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        JsonNode clinic = MAPPER.readTree(lines.get(0));
        JsonNode film = MAPPER.readTree(lines.get(1));
        assertThat(clinic.get("sensitive").asBoolean()).isTrue();
        // A saint in a title is a name: the topic vocabulary alone flags no catalog item.
        assertThat(film.get("sensitive").asBoolean()).isFalse();
        assertThat(film.get("text").asText()).isEqualTo("The Saint of Lost Things (2011). Comedy, Drama");
    }
}
