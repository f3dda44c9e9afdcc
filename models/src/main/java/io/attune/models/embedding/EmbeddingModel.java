package io.attune.models.embedding;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * A loaded sentence-embedding model (ONNX Runtime through DJL). Thread-safe and heavy (about 90 MB of
 * weights): load one per JVM, see {@link SharedEmbeddingModel}, and give every thread its own
 * {@link TextEmbedder}.
 */
public final class EmbeddingModel implements AutoCloseable {

    private static final String ENGINE = "OnnxRuntime";

    private final ZooModel<String[], float[][]> model;
    private final HuggingFaceTokenizer tokenizer;
    private final int dimension;
    private BatchingEmbedder batching;

    private EmbeddingModel(ZooModel<String[], float[][]> model, HuggingFaceTokenizer tokenizer) {
        this.model = model;
        this.tokenizer = tokenizer;
        try (TextEmbedder probe = newEmbedder(-1)) {
            this.dimension = probe.embed("dimension probe").length;
        }
    }

    /** Loads the model offline; no network access is attempted. */
    public static EmbeddingModel load(EmbeddingConfig config) {
        forceOffline();
        // The ORT engine must create the ORT environment before anything else does, and DJL must not pick
        // the tokenizers jar's "Rust" engine as default.
        Engine.getEngine(ENGINE);
        ModelWeights weights = ModelWeights.resolve(config);
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(weights.tokenizerFile())
                    .optMaxLength(config.maxTokens())
                    .optTruncation(true)
                    .optPadding(true)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load tokenizer " + weights.tokenizerFile(), e);
        }
        String threads = Integer.toString(config.intraOpThreads());
        Criteria<String[], float[][]> criteria = Criteria.builder()
                .setTypes(String[].class, float[][].class)
                .optEngine(ENGINE)
                .optModelPath(weights.modelFile())
                .optTranslator(new SentenceEmbeddingTranslator(tokenizer))
                .optOption("interOpNumThreads", "1")
                .optOption("intraOpNumThreads", threads)
                .build();
        try {
            return new EmbeddingModel(criteria.loadModel(), tokenizer);
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            tokenizer.close();
            throw new IllegalStateException("cannot load embedding model " + weights.modelFile(), e);
        }
    }

    public int dimension() {
        return dimension;
    }

    /** Number of tokens the model sees for {@code text}, after truncation. Thread-safe. */
    public int tokenCount(String text) {
        return tokenizer.encode(text).getIds().length;
    }

    /**
     * The model's batching front end, started on first use with {@code config} and shared by every later
     * caller (their config is then ignored); closed with the model.
     */
    public synchronized BatchingEmbedder batching(BatchingConfig config) {
        if (batching == null) {
            batching = new BatchingEmbedder(this, config);
        }
        return batching;
    }

    /** A new embedder for the calling thread. */
    public TextEmbedder newEmbedder() {
        return newEmbedder(dimension);
    }

    private TextEmbedder newEmbedder(int knownDimension) {
        return new DjlTextEmbedder(model.newPredictor(), knownDimension);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (batching != null) {
                batching.close();
            }
        }
        model.close();
        tokenizer.close();
    }

    private static void forceOffline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    /** One DJL {@link Predictor}: not thread-safe, like the interface says. */
    private static final class DjlTextEmbedder implements TextEmbedder {

        private final Predictor<String[], float[][]> predictor;
        private final int dimension;

        DjlTextEmbedder(Predictor<String[], float[][]> predictor, int dimension) {
            this.predictor = predictor;
            this.dimension = dimension;
        }

        @Override
        public int dimension() {
            return dimension;
        }

        @Override
        public float[] embed(String text) {
            return predict(new String[] {text})[0];
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            if (texts.isEmpty()) {
                return List.of();
            }
            return Arrays.asList(predict(texts.toArray(String[]::new)));
        }

        private float[][] predict(String[] texts) {
            try {
                return predictor.predict(texts);
            } catch (TranslateException e) {
                throw new IllegalStateException("embedding failed for a batch of " + texts.length, e);
            }
        }

        @Override
        public void close() {
            predictor.close();
        }
    }
}
