package io.attune.jobs.functions;

import static io.attune.jobs.functions.AsyncCalls.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.attune.jobs.events.CatalogEntry;
import io.attune.jobs.stream.CatalogItem;
import io.attune.jobs.stream.EmbeddedCatalogEntry;
import io.attune.models.embedding.BatchingConfig;
import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.embedding.SharedEmbeddingModel;
import io.attune.models.embedding.TextEmbedder;
import io.attune.models.language.Glossaries;
import io.attune.models.math.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The catalog's two stages: batched embedding off the task thread (glossed into English with the system's FreeDict
 * dictionaries when the entry's locale is covered; {@code .ci/run} installs them), then the guard's catalog rules.
 */
class CatalogItemsTest {

    private static final Path DICTIONARIES = Glossaries.SYSTEM_DIRECTORY;

    @Test
    void entriesAreEmbeddedInBatchesWithTheirTagsAndWithdrawnOnesAreNot() throws Exception {
        EmbedCatalogEntries embed = new EmbedCatalogEntries(EmbeddingConfig.defaults(), BatchingConfig.defaults());
        embed.open(DefaultOpenContext.INSTANCE);
        try {
            List<CompletableFuture<EmbeddedCatalogEntry>> results = new ArrayList<>();
            // Submitted together, as the async operator does with its in-flight entries: they share batches.
            for (int i = 0; i < 40; i++) {
                results.add(invoke(embed, entry("item-" + i, "Trail running shoes, model " + i, true, "running")));
            }
            CompletableFuture<EmbeddedCatalogEntry> withdrawn = invoke(embed, entry("gone", "Withdrawn", false));
            for (CompletableFuture<EmbeddedCatalogEntry> result : results) {
                EmbeddedCatalogEntry embedded = result.get(60, TimeUnit.SECONDS);
                assertThat(embedded.embedding()).hasSize(384);
                assertThat(embedded.error()).isNull();
            }
            assertThat(withdrawn.get(60, TimeUnit.SECONDS).embedding()).isNull();
            assertThat(withdrawn.get().error()).isNull();
            // The tags are embedded with the text: the same text with other tags lands elsewhere.
            float[] running = invoke(embed, entry("a", "Weekend plans", true, "running")).get(60, TimeUnit.SECONDS)
                    .embedding();
            float[] opera = invoke(embed, entry("b", "Weekend plans", true, "opera")).get(60, TimeUnit.SECONDS)
                    .embedding();
            assertThat(running).isNotEqualTo(opera);
        } finally {
            embed.close();
        }
    }

    @Test
    void theGuardMarksSensitiveItemsAndDeadLettersWhatCouldNotBeEmbedded() throws Exception {
        EmbedCatalogEntries embed = new EmbedCatalogEntries(EmbeddingConfig.defaults(), BatchingConfig.defaults());
        embed.open(DefaultOpenContext.INSTANCE);
        try (OneInputStreamOperatorTestHarness<EmbeddedCatalogEntry, CatalogItem> harness =
                new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new GuardCatalogItems(
                        "content-catalog", new EmbedderLease(EmbeddingConfig.defaults()))))) {
            harness.open();
            harness.processElement(invoke(embed, entry("shoes", "Trail running shoes for muddy mountain paths", true,
                    "running")).get(60, TimeUnit.SECONDS), 0L);
            harness.processElement(invoke(embed, entry("clinic",
                    "Confidential HIV testing and treatment at our private clinic", true, "health"))
                    .get(60, TimeUnit.SECONDS), 0L);
            harness.processElement(new EmbeddedCatalogEntry(entry("gone", "Withdrawn item", false), null, null), 0L);
            harness.processElement(new EmbeddedCatalogEntry(entry("broken", "Text the model choked on", true), null,
                    "embedding timed out"), 0L);

            assertThat(harness.extractOutputValues()).satisfiesExactly(
                    shoes -> {
                        assertThat(shoes.itemId()).isEqualTo("shoes");
                        assertThat(shoes.vector()).hasSize(384);
                        assertThat(shoes.codes()).as("kept as one byte per dimension").hasSize(384);
                        assertThat(shoes.embedding()).isNull();
                        assertThat(shoes.sensitive()).isFalse();
                    },
                    clinic -> assertThat(clinic.sensitive()).isTrue(),
                    gone -> {
                        assertThat(gone.active()).isFalse();
                        assertThat(gone.hasVector()).isFalse();
                    });
            assertThat(harness.getSideOutput(DeadLetters.TAG)).extracting(record -> record.getValue())
                    .singleElement().satisfies(letter -> {
                        assertThat(letter.payload()).isEqualTo("itemId=broken");
                        assertThat(letter.reason()).isEqualTo("embedding timed out");
                    });
        } finally {
            embed.close();
        }
    }

    @Test
    void anItemInACoveredLanguageIsRankedByTheBlendWithItsGlossAndJudgedAsWritten() throws Exception {
        assumeTrue(Files.exists(DICTIONARIES.resolve("freedict-deu-eng.index")),
                "apt-get install dict-freedict-deu-eng (.ci/run does)");
        EmbedCatalogEntries embed = new EmbedCatalogEntries(EmbeddingConfig.defaults(), BatchingConfig.defaults(),
                DICTIONARIES.toString());
        embed.open(DefaultOpenContext.INSTANCE);
        TextEmbedder reference = SharedEmbeddingModel.acquire(EmbeddingConfig.defaults()).newEmbedder();
        try (OneInputStreamOperatorTestHarness<EmbeddedCatalogEntry, CatalogItem> harness =
                new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new GuardCatalogItems(
                        "content-catalog", new EmbedderLease(EmbeddingConfig.defaults()))))) {
            harness.open();
            EmbeddedCatalogEntry camera = invoke(embed, inLocale("kamera", "Systemkamera-Set mit Weitwinkelobjektiv",
                    "de-DE")).get(60, TimeUnit.SECONDS);
            EmbeddedCatalogEntry unlabelled = invoke(embed, inLocale("kamera-2", "Systemkamera-Set mit Weitwinkelobjektiv",
                    null)).get(60, TimeUnit.SECONDS);
            EmbeddedCatalogEntry clinic = invoke(embed, inLocale("klinik",
                    "Vertrauliche HIV-Tests und Behandlung in unserer Privatklinik", "de")).get(60,
                    TimeUnit.SECONDS);
            harness.processElement(camera, 0L);
            harness.processElement(unlabelled, 0L);
            harness.processElement(clinic, 0L);

            assertThat(camera.interestEmbedding()).hasSize(384);
            assertThat(unlabelled.interestEmbedding()).as("no locale, no gloss").isNull();
            float[] question = reference.embed("Which camera is best for landscape photography?");
            assertThat(Vectors.dot(camera.rankingEmbedding(), question))
                    .isGreaterThan(Vectors.dot(camera.embedding(), question) + 0.1f);
            assertThat(harness.extractOutputValues()).satisfiesExactly(
                    item -> {
                        assertThat(Vectors.cosine(item.vector(), camera.interestEmbedding())).isGreaterThan(0.999f);
                        assertThat(item.sensitive()).isFalse();
                    },
                    item -> assertThat(Vectors.cosine(item.vector(), unlabelled.embedding())).isGreaterThan(0.999f),
                    item -> assertThat(item.sensitive()).as("judged as written").isTrue());
        } finally {
            reference.close();
            SharedEmbeddingModel.release(EmbeddingConfig.defaults());
            embed.close();
        }
    }

    private static CatalogEntry entry(String id, String text, boolean active, String... tags) {
        return new CatalogEntry(id, "INSTAGRAM", "FEED", text, tags, 0L, active, null);
    }

    private static CatalogEntry inLocale(String id, String text, String locale) {
        return new CatalogEntry(id, "INSTAGRAM", "FEED", text, new String[0], 0L, true, locale);
    }
}
