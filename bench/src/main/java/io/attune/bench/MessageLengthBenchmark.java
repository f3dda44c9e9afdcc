package io.attune.bench;

import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.embedding.EmbeddingModel;
import io.attune.models.embedding.SharedEmbeddingModel;
import io.attune.models.embedding.TextEmbedder;
import io.attune.models.guard.GuardDecision;
import io.attune.models.guard.SensitiveTopicGuard;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one message of a given length costs an embedding worker, in its two stages: embedding (tokenizing the whole
 * text, then the model over its first 256 tokens) and the guard (which reads the whole text). The basis of the
 * job's bound on a text's length ({@code EventJson.MAX_TEXT_LENGTH}, 32,768 characters).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Xmx2g"})
public class MessageLengthBenchmark {

    /** Characters per message: a chat message, the job's bound, and a megabyte (Kafka's default record limit). */
    @Param({"300", "32768", "1000000"})
    public int chars;

    private final EmbeddingConfig config = EmbeddingConfig.defaults();
    private EmbeddingModel model;
    private TextEmbedder embedder;
    private SensitiveTopicGuard guard;
    private String text;
    private float[] embedding;

    @Setup(Level.Trial)
    public void setUp() {
        model = SharedEmbeddingModel.acquire(config);
        embedder = model.newEmbedder();
        guard = SensitiveTopicGuard.create(embedder);
        // Chat messages laid end to end: real words, so the guard's lexicons and n-grams do their usual work.
        List<String> messages = ChatCorpus.messages(20_000, 11);
        StringBuilder out = new StringBuilder(chars + 200);
        for (int i = 0; out.length() < chars; i++) {
            out.append(messages.get(i % messages.size())).append(' ');
        }
        text = out.substring(0, chars);
        embedding = embedder.embed(text);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        embedder.close();
        SharedEmbeddingModel.release(config);
    }

    @Benchmark
    public float[] embed() {
        return embedder.embed(text);
    }

    @Benchmark
    public GuardDecision guard() {
        return guard.assess(text, embedding);
    }
}
