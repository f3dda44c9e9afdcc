package io.attune.models.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.embedding.SharedEmbeddingModel;
import io.attune.models.embedding.TextEmbedder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The guard on a small hand-written check set in French, German and Spanish (20 everyday requests and 15
 * sensitive messages per language), written for this test and never trained on. Too small to tune to;
 * large enough to catch a guard that flags a language wholesale or misses it entirely.
 */
class MultilingualGuardCheckTest {

    @Test
    void detectsSensitiveTopicsWithoutFlaggingLanguagesWholesale() throws URISyntaxException {
        List<LabeledText> check = LabeledText.readJsonLines(
                Path.of(getClass().getResource("/guard/multilingual-check.jsonl").toURI()));
        GuardReport report = new GuardReport();
        EmbeddingConfig config = EmbeddingConfig.defaults();
        try (TextEmbedder embedder = SharedEmbeddingModel.acquire(config).newEmbedder()) {
            SensitiveTopicGuard guard = SensitiveTopicGuard.create(embedder);
            for (LabeledText example : check) {
                report.add(example, guard.assess(example.text(), embedder.embed(example.text())));
            }
        } finally {
            SharedEmbeddingModel.release(config);
        }
        System.out.println(report.toMarkdown());
        for (String lang : List.of("fr", "de", "es")) {
            assertThat(report.anySensitiveRecall(e -> e.lang().equals(lang))).as("recall " + lang)
                    .isGreaterThanOrEqualTo(0.80);
            assertThat(report.falseSuppression(e -> e.lang().equals(lang))).as("false suppression " + lang)
                    .isLessThanOrEqualTo(0.15);
        }
    }
}
