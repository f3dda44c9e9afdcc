package io.attune.models.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One labelled example: {@code category} is a {@link Category} name or NONE. */
public record LabeledText(String text, String category, String lang, String source) {

    public static final String NONE = "NONE";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public boolean sensitive() {
        return !NONE.equals(category);
    }

    /** A well-formed request to an assistant or a bank (CLINC150, Banking77): what must not be suppressed. */
    public boolean benignRequest() {
        return source != null && (source.startsWith("clinc150") || source.startsWith("banking77"));
    }

    /** Reads JSON lines with {@code text}, {@code category} (optional), {@code lang}, {@code source}. */
    public static List<LabeledText> readJsonLines(Path file) {
        try {
            return parseLines(Files.readAllLines(file, StandardCharsets.UTF_8).stream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The JSON lines of a classpath resource; {@code name} is for the error when it is missing. */
    public static List<LabeledText> readJsonLines(java.io.InputStream in, String name) {
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        try (in) {
            return parseLines(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static List<LabeledText> parseLines(java.util.stream.Stream<String> lines) {
        return lines.filter(line -> !line.isBlank()).map(LabeledText::parse).toList();
    }

    private static LabeledText parse(String line) {
        try {
            JsonNode node = MAPPER.readTree(line);
            return new LabeledText(node.path("text").asText(), node.path("category").asText(NONE),
                    node.path("lang").asText("und"), node.path("source").asText(""));
        } catch (IOException e) {
            throw new UncheckedIOException("bad line: " + line, e);
        }
    }
}
