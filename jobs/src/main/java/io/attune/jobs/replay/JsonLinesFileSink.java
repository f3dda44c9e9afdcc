package io.attune.jobs.replay;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Writes each element as one JSON line to a local file, for bounded local runs (one writer: run it with
 * parallelism 1). Not for clusters: there is no checkpoint-aligned commit, which a bounded batch run does
 * not need.
 */
public final class JsonLinesFileSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final SerializableFunction<T, String> toJson;

    public JsonLinesFileSink(Path file, SerializableFunction<T, String> toJson) {
        this.file = file.toAbsolutePath().toString();
        this.toJson = toJson;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        return new Writer<>(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), toJson);
    }

    private static final class Writer<T> implements SinkWriter<T> {
        private final BufferedWriter out;
        private final SerializableFunction<T, String> toJson;

        Writer(BufferedWriter out, SerializableFunction<T, String> toJson) {
            this.out = out;
            this.toJson = toJson;
        }

        @Override
        public void write(T element, Context context) throws IOException {
            out.write(toJson.apply(element));
            out.write('\n');
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
