package io.attune.models.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The training loop on small synthetic data (no model needed): it learns, and what it learns round-trips. */
class GuardTrainerTest {

    private final GuardFeatures features = new GuardFeatures(
            Map.of("HEALTH", Pattern.compile("(?<![\\p{L}])clinic(?![\\p{L}])")), List.of("HEALTH"),
            new TopicVocabulary(Map.of("fever", 0), List.of("HEALTH")));

    @Test
    void learnsSeparableCategoriesFromEmbeddingAndNgrams() throws Exception {
        List<LabeledText> data = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            data.add(new LabeledText("symptom fever cough " + i, "HEALTH", "en", "synthetic"));
            embeddings.add(new float[] {1, 0, 0});
            data.add(new LabeledText("vote election parliament " + i, "POLITICS", "en", "synthetic"));
            embeddings.add(new float[] {0, 1, 0});
            data.add(new LabeledText("pizza recipe oven " + i, LabeledText.NONE, "en", "synthetic"));
            embeddings.add(new float[] {0, 0, 1});
        }
        GuardHead head = GuardTrainer.train(data, embeddings, features);

        assertThat(argmax(head, "fever and cough", new float[] {1, 0, 0})).isEqualTo("HEALTH");
        assertThat(argmax(head, "election day", new float[] {0, 1, 0})).isEqualTo("POLITICS");
        assertThat(argmax(head, "oven pizza", new float[] {0, 0, 1})).isEqualTo(LabeledText.NONE);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        head.write(bytes);
        GuardHead read = GuardHead.read(new ByteArrayInputStream(bytes.toByteArray()));
        float[] x = features.dense("fever", new float[] {1, 0, 0});
        assertThat(read.probabilities(x, features.sparse("fever")))
                .containsExactly(head.probabilities(x, features.sparse("fever")));
        assertThat(read.classes()).isEqualTo(head.classes());
    }

    @Test
    void theNgramPenaltyLeansOnMeaningOverASourcesOwnWords() {
        // Every HEALTH example carries a word of its source ("zqxjv"), as a newsgroup's posts carry its jargon;
        // the embedding says HEALTH too. Held out, that word on an everyday text should not be read as HEALTH.
        List<LabeledText> data = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            data.add(new LabeledText("zqxjv report " + i, "HEALTH", "en", "synthetic"));
            embeddings.add(new float[] {1, 0});
            data.add(new LabeledText("weekend plans " + i, LabeledText.NONE, "en", "synthetic"));
            embeddings.add(new float[] {0, 1});
        }
        GuardTrainer.Options bundled = GuardTrainer.Options.BUNDLED;
        GuardHead unpenalised = GuardTrainer.train(data, embeddings, features, bundled.withSparseL2(0f));
        GuardHead penalised = GuardTrainer.train(data, embeddings, features, bundled.withSparseL2(1e-2f));

        String text = "zqxjv weekend plans";
        float[] everyday = {0, 1};
        float health = probability(penalised, text, everyday, "HEALTH");
        assertThat(health).isLessThan(probability(unpenalised, text, everyday, "HEALTH"));
        assertThat(sparseNorm(penalised)).isLessThan(sparseNorm(unpenalised));
        assertThat(argmax(penalised, "zqxjv report", new float[] {1, 0})).isEqualTo("HEALTH");
    }

    private float probability(GuardHead head, String text, float[] embedding, String category) {
        return head.probabilities(features.dense(text, embedding), features.sparse(text))[
                head.classes().indexOf(category)];
    }

    private static double sparseNorm(GuardHead head) {
        double sum = 0;
        for (float[] row : head.sparse) {
            for (float w : row) {
                sum += w * w;
            }
        }
        return Math.sqrt(sum);
    }

    @Test
    void ngramsAreDeterministicNormalisedAndAccentInsensitive() {
        CharNgrams ngrams = new CharNgrams(1 << 10);
        CharNgrams.SparseVector a = ngrams.of("Médecin");
        CharNgrams.SparseVector b = ngrams.of("medecin");
        assertThat(a.indices()).containsExactly(b.indices());
        double norm = 0;
        for (float v : a.values()) {
            norm += v * v;
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(ngrams.of("").indices()).isEmpty();
    }

    private String argmax(GuardHead head, String text, float[] embedding) {
        float[] p = head.probabilities(features.dense(text, embedding), features.sparse(text));
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            best = p[i] > p[best] ? i : best;
        }
        return head.classes().get(best);
    }
}
