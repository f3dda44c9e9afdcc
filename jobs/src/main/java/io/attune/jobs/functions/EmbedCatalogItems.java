package io.attune.jobs.functions;

import io.attune.jobs.events.CatalogEntry;
import io.attune.jobs.events.DeadLetter;
import io.attune.jobs.stream.CatalogItem;
import io.attune.models.embedding.TextEmbedder;
import io.attune.models.guard.SensitiveTopicGuard;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Embeds catalog entries with the same model as messages, so items and interests share one space, and
 * runs the sensitive-topic guard on them under its catalog rules ({@link SensitiveTopicGuard#assessCatalogItem}):
 * a sensitive item is marked and never ranked. The tags are embedded and judged with the text
 * ({@link CatalogEntry#textWithTags}).
 */
public class EmbedCatalogItems extends ProcessFunction<CatalogEntry, CatalogItem> {

    private static final long serialVersionUID = 1L;

    private final String sourceTopic;
    private final EmbedderLease lease;
    private transient TextEmbedder embedder;
    private transient SensitiveTopicGuard guard;

    public EmbedCatalogItems(String sourceTopic, EmbedderLease lease) {
        this.sourceTopic = sourceTopic;
        this.lease = lease;
    }

    @Override
    public void open(OpenContext openContext) {
        embedder = lease.acquire();
        guard = SensitiveTopicGuard.create(embedder);
    }

    @Override
    public void processElement(CatalogEntry entry, Context ctx, Collector<CatalogItem> out) {
        float[] embedding = null;
        boolean sensitive = false;
        if (entry.active()) {
            String text = entry.textWithTags();
            try {
                embedding = embedder.embed(text);
                sensitive = guard.assessCatalogItem(text, embedding).sensitive();
            } catch (RuntimeException e) {
                ctx.output(DeadLetters.TAG, DeadLetter.of(sourceTopic, "itemId=" + entry.itemId(),
                        "embedding failed: " + e.getMessage(), ctx.timerService().currentProcessingTime()));
                return;
            }
        }
        out.collect(new CatalogItem(entry.itemId(), entry.app(), entry.surface(), entry.tags(), entry.timestamp(),
                entry.active(), embedding, sensitive));
    }

    @Override
    public void close() {
        lease.release();
    }
}
