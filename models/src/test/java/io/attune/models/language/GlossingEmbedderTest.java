package io.attune.models.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.models.embedding.BatchingConfig;
import io.attune.models.embedding.BatchingEmbedder;
import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.embedding.EmbeddingModel;
import io.attune.models.embedding.TextEmbedder;
import io.attune.models.math.Vectors;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real model with a small German dictionary written for the test. */
class GlossingEmbedderTest {

    private static final String QUESTION = "Welche Kamera für Landschaftsfotografie?";

    private static EmbeddingModel model;
    private static TextEmbedder reference;
    private static GlossingEmbedder embedder;

    @BeforeAll
    static void load(@TempDir Path dir) throws Exception {
        new DictdFiles()
                .entry("welche", "which")
                .entry("Kamera", "camera <n>")
                .entry("Landschaft", "landscape <n>")
                .entry("Fotografie", "photography <n>")
                .entry("für", "for")
                .write(dir, "freedict-deu-eng");
        model = EmbeddingModel.load(EmbeddingConfig.defaults());
        reference = model.newEmbedder();
        embedder = new GlossingEmbedder(model.batching(BatchingConfig.defaults()), Glossaries.load(dir));
    }

    @AfterAll
    static void close() {
        reference.close();
        model.close();
    }

    @Test
    void aTextInACoveredLanguageGetsItsOwnEmbeddingAndTheBlendWithItsGloss() throws Exception {
        GlossingEmbedder.Embedded embedded = embedder.submit(QUESTION, "de-AT").get(60, TimeUnit.SECONDS);

        float[] written = reference.embed(QUESTION);
        float[] gloss = reference.embed("which camera for landscape photography ?");
        assertThat(Vectors.cosine(embedded.written(), written)).isCloseTo(1f, Offset.offset(1e-4f));
        assertThat(Vectors.cosine(embedded.blend(), Glosser.blend(written, gloss))).isCloseTo(1f, Offset.offset(1e-4f));
        assertThat(embedded.forInterests()).isSameAs(embedded.blend());
    }

    @Test
    void aTextInNoCoveredLanguageOrWithNothingTranslatedHasNoBlend() throws Exception {
        for (String locale : new String[] {null, "", "en", "fr", "not a tag"}) {
            GlossingEmbedder.Embedded embedded = embedder.submit(QUESTION, locale).get(60, TimeUnit.SECONDS);
            assertThat(embedded.written()).as(locale).hasSize(384);
            assertThat(embedded.blend()).as(locale).isNull();
            assertThat(embedded.forInterests()).as(locale).isSameAs(embedded.written());
        }
        assertThat(embedder.submit("Guten Morgen", "de").get(60, TimeUnit.SECONDS).blend())
                .as("no word of it in the dictionary").isNull();
    }

    @Test
    void failsWithTheEmbeddersOwnReasonWhenTheTextCannotBeEmbedded() {
        EmbeddingModel own = EmbeddingModel.load(EmbeddingConfig.defaults());
        BatchingEmbedder closed = own.batching(BatchingConfig.defaults());
        own.close();
        GlossingEmbedder failing = new GlossingEmbedder(closed, Glossaries.none());

        assertThatThrownBy(() -> failing.submit(QUESTION, "de").get(60, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RejectedExecutionException.class).hasMessage("embedder is closed");
    }
}
