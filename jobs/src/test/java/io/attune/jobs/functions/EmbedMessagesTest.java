package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.attune.jobs.events.AssistantMessage;
import io.attune.jobs.events.Modality;
import io.attune.jobs.stream.EmbeddedMessage;
import io.attune.models.embedding.BatchingConfig;
import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.embedding.SharedEmbeddingModel;
import io.attune.models.embedding.TextEmbedder;
import io.attune.models.language.Glossaries;
import io.attune.models.language.Glosser;
import io.attune.models.math.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embed stage with the system's FreeDict dictionaries ({@code .ci/run} installs them): a message whose locale
 * they cover carries, beside its own embedding for the guard, the blend with its gloss's for the profile.
 */
class EmbedMessagesTest {

    private static final Path DICTIONARIES = Glossaries.SYSTEM_DIRECTORY;

    private EmbedMessages embed;
    private TextEmbedder embedder;

    @BeforeEach
    void open() {
        assumeTrue(Files.exists(DICTIONARIES.resolve("freedict-deu-eng.index")),
                "apt-get install dict-freedict-deu-eng (.ci/run does)");
        embed = new EmbedMessages(EmbeddingConfig.defaults(), BatchingConfig.defaults(), DICTIONARIES.toString());
        embed.open(DefaultOpenContext.INSTANCE);
        embedder = SharedEmbeddingModel.acquire(EmbeddingConfig.defaults()).newEmbedder();
    }

    @AfterEach
    void close() {
        if (embed != null) {
            embed.close();
            embedder.close();
            SharedEmbeddingModel.release(EmbeddingConfig.defaults());
        }
    }

    @Test
    void aGermanMessageCarriesItsOwnEmbeddingAndTheBlendWithItsGloss() throws Exception {
        String text = "Welche Kamera eignet sich für Landschaftsfotografie in den Bergen?";
        EmbeddedMessage out = embed(text, "de-DE");

        float[] written = embedder.embed(text);
        String gloss = Glossaries.acquire(DICTIONARIES).forLocale("de").orElseThrow().gloss(text).text();
        Glossaries.release(DICTIONARIES);
        assertThat(gloss).contains("camera", "photograph");
        assertThat(out.text()).isEqualTo(text);
        assertThat(Vectors.cosine(out.embedding(), written)).isCloseTo(1f, Offset.offset(1e-4f));
        assertThat(Vectors.cosine(out.interestEmbedding(), Glosser.blend(written, embedder.embed(gloss))))
                .isCloseTo(1f, Offset.offset(1e-4f));
        assertThat(out.profileEmbedding()).isSameAs(out.interestEmbedding());

        float[] cameraAd = embedder.embed("Mirrorless camera bundle with a wide-angle lens");
        assertThat(Vectors.dot(out.interestEmbedding(), cameraAd)).isGreaterThan(Vectors.dot(written, cameraAd) + 0.1f);
    }

    @Test
    void englishAndUnlabelledMessagesAreNotGlossed() throws Exception {
        for (String locale : new String[] {"en", "en-GB", null, "ja"}) {
            EmbeddedMessage out = embed("Welche Kamera eignet sich für Landschaftsfotografie?", locale);
            assertThat(out.embedding()).as(locale).hasSize(384);
            assertThat(out.interestEmbedding()).as(locale).isNull();
            assertThat(out.profileEmbedding()).as(locale).isSameAs(out.embedding());
        }
    }

    private EmbeddedMessage embed(String text, String locale) throws Exception {
        CompletableFuture<EmbeddedMessage> done = AsyncCalls.invoke(embed,
                new AssistantMessage("e1", "WHATSAPP", "w-1", 0L, Modality.TEXT, text, locale));
        EmbeddedMessage out = done.get(60, TimeUnit.SECONDS);
        assertThat(out.error()).isNull();
        return out;
    }
}
