package io.attune.models.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Tokenizes a batch of texts, feeds a BERT-style ONNX encoder and mean-pools its last hidden state over
 * the attention mask, then L2-normalises: the sentence-transformers recipe, done in plain Java because
 * ONNX Runtime NDArrays support few operations.
 */
final class SentenceEmbeddingTranslator implements NoBatchifyTranslator<String[], float[][]> {

    private static final String MASK = "attentionMask";

    private final HuggingFaceTokenizer tokenizer;

    SentenceEmbeddingTranslator(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, String[] texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
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
        ctx.setAttachment(MASK, new long[][] {mask, {batch, length}});
        NDManager manager = ctx.getNDManager();
        Shape shape = new Shape(batch, length);
        NDArray idArray = manager.create(ids, shape);
        idArray.setName("input_ids");
        NDArray maskArray = manager.create(mask, shape);
        maskArray.setName("attention_mask");
        NDArray typeArray = manager.create(types, shape);
        typeArray.setName("token_type_ids");
        return new NDList(idArray, maskArray, typeArray);
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList output) {
        long[][] attachment = (long[][]) ctx.getAttachment(MASK);
        long[] mask = attachment[0];
        int batch = (int) attachment[1][0];
        int length = (int) attachment[1][1];
        NDArray hidden = output.get(0);
        int dim = (int) hidden.getShape().get(2);
        float[] values = hidden.toFloatArray();
        float[][] result = new float[batch][];
        for (int b = 0; b < batch; b++) {
            float[] pooled = new float[dim];
            int tokens = 0;
            for (int t = 0; t < length; t++) {
                if (mask[b * length + t] == 0) {
                    continue;
                }
                tokens++;
                int base = (b * length + t) * dim;
                for (int d = 0; d < dim; d++) {
                    pooled[d] += values[base + d];
                }
            }
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                pooled[d] /= Math.max(tokens, 1);
                norm += pooled[d] * pooled[d];
            }
            float scale = norm > 0 ? (float) (1.0 / Math.sqrt(norm)) : 0f;
            for (int d = 0; d < dim; d++) {
                pooled[d] *= scale;
            }
            result[b] = pooled;
        }
        return result;
    }
}
