package io.attune.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.attune.models.embedding.BatchingConfig;
import io.attune.models.embedding.BatchingEmbedder;
import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.embedding.ModelWeights;
import io.attune.models.embedding.SharedEmbeddingModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Messages per second for three ways to embed the same chat-length messages with the same model, side by
 * side in one process: Attune's batching embedder, a raw ONNX Runtime session, and langchain4j's
 * {@code embedAll}. Each call hands {@code batch} messages over at once; the {@code messages} counter is the
 * throughput that matters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Xmx2g"})
public class EmbeddingThroughputBenchmark {

    @Param({"attune", "ort", "langchain4j"})
    public String impl;

    @Param({"1", "8", "32"})
    public int batch;

    @Param({"fp32", "int8"})
    public String weights;

    /** Attune only: inference workers and ONNX Runtime threads per worker. */
    @Param({"2"})
    public int attuneWorkers;

    @Param({"1"})
    public int attuneThreads;

    private List<String> corpus;
    private int cursor;
    private EmbeddingConfig config;
    private BatchingEmbedder attune;
    private RawOrtEmbedder ort;
    private EmbeddingModel langchain4j;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        corpus = ChatCorpus.messages(4_096, 42);
        config = new EmbeddingConfig(null, EmbeddingConfig.DEFAULT_MAX_TOKENS, attuneThreads, weights.equals("int8"));
        // The DJL engine must create the process's ONNX Runtime environment before anything else does.
        ai.djl.engine.Engine.getEngine("OnnxRuntime");
        switch (impl) {
            case "attune" -> attune = SharedEmbeddingModel.acquire(config)
                    .batching(new BatchingConfig(8, 32, Duration.ofMillis(1), attuneWorkers, 4_096));
            case "ort" -> {
                ModelWeights files = ModelWeights.resolve(config);
                ort = new RawOrtEmbedder(files.modelFile(), files.tokenizerFile(), 2);
            }
            case "langchain4j" -> langchain4j = weights.equals("int8")
                    ? new AllMiniLmL6V2QuantizedEmbeddingModel()
                    : new AllMiniLmL6V2EmbeddingModel();
            default -> throw new IllegalArgumentException(impl);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (attune != null) {
            SharedEmbeddingModel.release(config);
        }
        if (ort != null) {
            ort.close();
        }
    }

    /** Messages embedded, reported per second beside the call rate. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Messages {
        public long messages;
    }

    @Benchmark
    public Object embed(Messages counter) throws Exception {
        List<String> texts = nextBatch();
        Object result = switch (impl) {
            case "attune" -> {
                List<CompletableFuture<float[]>> futures = new ArrayList<>(texts.size());
                for (String text : texts) {
                    futures.add(attune.submit(text));
                }
                CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
                yield futures;
            }
            case "ort" -> ort.embed(texts);
            default -> langchain4j.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        };
        counter.messages += texts.size();
        return result;
    }

    private List<String> nextBatch() {
        if (cursor + batch > corpus.size()) {
            cursor = 0;
        }
        List<String> texts = corpus.subList(cursor, cursor + batch);
        cursor += batch;
        return texts;
    }
}
