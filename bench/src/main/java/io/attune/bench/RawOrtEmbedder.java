package io.attune.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The obvious hand-written alternative: one ONNX Runtime session used directly, the whole batch padded to
 * its longest message, mean pooling and L2 norm in Java. Not thread-safe by intent (one caller).
 */
final class RawOrtEmbedder implements AutoCloseable {

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    RawOrtEmbedder(Path model, Path tokenizerJson, int threads) throws Exception {
        environment = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        session = environment.createSession(model.toString(), options);
        tokenizer = HuggingFaceTokenizer.builder()
                .optTokenizerPath(tokenizerJson).optMaxLength(256).optTruncation(true).optPadding(true).build();
    }

    float[][] embed(List<String> texts) throws Exception {
        Encoding[] encodings = tokenizer.batchEncode(texts.toArray(String[]::new));
        int batch = encodings.length;
        int length = encodings[0].getIds().length;
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        long[] types = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(encodings[b].getIds(), 0, ids, b * length, length);
            System.arraycopy(encodings[b].getAttentionMask(), 0, mask, b * length, length);
            System.arraycopy(encodings[b].getTypeIds(), 0, types, b * length, length);
        }
        long[] shape = {batch, length};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape);
                OrtSession.Result result = session.run(Map.of(
                        "input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor))) {
            float[][][] hidden = (float[][][]) result.get(0).getValue();
            float[][] out = new float[batch][];
            for (int b = 0; b < batch; b++) {
                float[] pooled = new float[hidden[b][0].length];
                int tokens = 0;
                for (int t = 0; t < length; t++) {
                    if (mask[b * length + t] == 1) {
                        tokens++;
                        for (int d = 0; d < pooled.length; d++) {
                            pooled[d] += hidden[b][t][d];
                        }
                    }
                }
                double norm = 0;
                for (int d = 0; d < pooled.length; d++) {
                    pooled[d] /= tokens;
                    norm += pooled[d] * pooled[d];
                }
                for (int d = 0; d < pooled.length; d++) {
                    pooled[d] /= (float) Math.sqrt(norm);
                }
                out[b] = pooled;
            }
            return out;
        }
    }

    @Override
    public void close() throws Exception {
        session.close();
        tokenizer.close();
    }
}
