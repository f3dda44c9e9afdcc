package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.events.CatalogEntry;
import io.attune.jobs.stream.CatalogItem;
import io.attune.models.embedding.EmbeddingConfig;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class EmbedCatalogItemsTest {

    @Test
    void embedsItemsAndMarksTheSensitiveOnes() throws Exception {
        try (OneInputStreamOperatorTestHarness<CatalogEntry, CatalogItem> harness =
                new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new EmbedCatalogItems(
                        "content-catalog", new EmbedderLease(EmbeddingConfig.defaults()))))) {
            harness.open();
            harness.processElement(entry("shoes", "Trail running shoes for muddy mountain paths", true, "running"), 0L);
            harness.processElement(entry("clinic", "Confidential HIV testing and treatment at our private clinic",
                    true, "health"), 0L);
            harness.processElement(entry("gone", "Withdrawn item", false), 0L);

            assertThat(harness.extractOutputValues()).satisfiesExactly(
                    shoes -> {
                        assertThat(shoes.embedding()).hasSize(384);
                        assertThat(shoes.sensitive()).isFalse();
                    },
                    clinic -> assertThat(clinic.sensitive()).isTrue(),
                    gone -> {
                        assertThat(gone.active()).isFalse();
                        assertThat(gone.embedding()).isNull();
                    });
        }
    }

    private static CatalogEntry entry(String id, String text, boolean active, String... tags) {
        return new CatalogEntry(id, "INSTAGRAM", "FEED", text, tags, 0L, active);
    }
}
