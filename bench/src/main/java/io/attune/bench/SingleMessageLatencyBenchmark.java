package io.attune.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.attune.models.embedding.BatchingConfig;
import io.attune.models.embedding.BatchingEmbedder;
import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.embedding.EmbeddingModel;
import io.attune.models.embedding.ModelWeights;
import io.attune.models.embedding.SharedEmbeddingModel;
import io.attune.models.embedding.TextEmbedder;
import java.time.Duration;
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
 * Latency distribution (JMH sample mode: p50, p99…) of embedding one chat message at a time, fp32:
 * Attune's predictor called directly, Attune's batching front end (a lone message waits at most its
 * batch window), a raw ONNX Runtime session and langchain4j.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Xmx2g"})
public class SingleMessageLatencyBenchmark {

    @Param({"attune", "attune-batching", "ort", "langchain4j"})
    public String impl;

    private List<String> corpus;
    private int cursor;
    private final EmbeddingConfig config = new EmbeddingConfig(null, EmbeddingConfig.DEFAULT_MAX_TOKENS, 2, false);
    private EmbeddingModel model;
    private TextEmbedder direct;
    private BatchingEmbedder batching;
    private RawOrtEmbedder ort;
    private AllMiniLmL6V2EmbeddingModel langchain4j;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        corpus = ChatCorpus.messages(4_096, 7);
        ai.djl.engine.Engine.getEngine("OnnxRuntime");
        switch (impl) {
            case "attune" -> {
                model = SharedEmbeddingModel.acquire(config);
                direct = model.newEmbedder();
            }
            case "attune-batching" -> {
                model = SharedEmbeddingModel.acquire(config);
                batching = model.batching(new BatchingConfig(8, 32, Duration.ofMillis(1), 1, 4_096));
            }
            case "ort" -> {
                ModelWeights files = ModelWeights.resolve(config);
                ort = new RawOrtEmbedder(files.modelFile(), files.tokenizerFile(), 2);
            }
            case "langchain4j" -> langchain4j = new AllMiniLmL6V2EmbeddingModel();
            default -> throw new IllegalArgumentException(impl);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (direct != null) {
            direct.close();
        }
        if (model != null) {
            SharedEmbeddingModel.release(config);
        }
        if (ort != null) {
            ort.close();
        }
    }

    @Benchmark
    public Object embedOne() throws Exception {
        String text = corpus.get(cursor++ & 4_095);
        return switch (impl) {
            case "attune" -> direct.embed(text);
            case "attune-batching" -> batching.submit(text).get();
            case "ort" -> ort.embed(List.of(text));
            default -> langchain4j.embed(TextSegment.from(text)).content();
        };
    }
}
