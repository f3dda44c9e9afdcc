package io.attune.jobs.replay;

import io.attune.jobs.stream.RawRecord;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * A replayed file's lines as {@link RawRecord}s with their line numbers (files are read whole, never split, so the
 * count is the file's own).
 */
public final class NumberedLinesFormat extends SimpleStreamFormat<RawRecord> {

    private static final long serialVersionUID = 1L;

    private final TextLineInputFormat lines = new TextLineInputFormat();

    @Override
    public StreamFormat.Reader<RawRecord> createReader(Configuration config, FSDataInputStream stream)
            throws IOException {
        StreamFormat.Reader<String> reader = lines.createReader(config, stream);
        return new StreamFormat.Reader<>() {
            private long line;

            @Override
            public RawRecord read() throws IOException {
                String next = reader.read();
                return next == null ? null : new RawRecord(next, "line " + ++line);
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }
}
