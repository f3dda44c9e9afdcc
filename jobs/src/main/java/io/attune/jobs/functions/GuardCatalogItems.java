package io.attune.jobs.functions;

import io.attune.jobs.events.CatalogEntry;
import io.attune.jobs.events.DeadLetter;
import io.attune.jobs.stream.CatalogItem;
import io.attune.jobs.stream.EmbeddedCatalogEntry;
import io.attune.models.guard.SensitiveTopicGuard;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Runs the sensitive-topic guard on embedded catalog entries under its catalog rules
 * ({@link SensitiveTopicGuard#assessCatalogItem}): a sensitive item is marked and never ranked. The tags are judged
 * with the text ({@link CatalogEntry#textWithTags}), as they were embedded, and the text as written, never its
 * gloss; the item is ranked by the blend with its gloss when it has one
 * ({@link EmbeddedCatalogEntry#rankingEmbedding}). An entry the embed stage could not embed
 * is dead-lettered by id; a guard that fails marks the item sensitive (fail closed).
 */
public class GuardCatalogItems extends ProcessFunction<EmbeddedCatalogEntry, CatalogItem> {

    private static final long serialVersionUID = 1L;

    private final String sourceTopic;
    private final EmbedderLease lease;
    private transient SensitiveTopicGuard guard;
    private transient Counter notEmbedded;

    public GuardCatalogItems(String sourceTopic, EmbedderLease lease) {
        this.sourceTopic = sourceTopic;
        this.lease = lease;
    }

    @Override
    public void open(OpenContext openContext) {
        guard = SensitiveTopicGuard.create(lease.acquire());
        notEmbedded = getRuntimeContext().getMetricGroup().counter("catalogEntriesNotEmbedded");
    }

    @Override
    public void processElement(EmbeddedCatalogEntry embedded, Context ctx, Collector<CatalogItem> out) {
        CatalogEntry entry = embedded.entry();
        if (entry.active() && embedded.embedding() == null) {
            notEmbedded.inc();
            ctx.output(DeadLetters.TAG, DeadLetter.of(sourceTopic, "itemId=" + entry.itemId(), embedded.error(),
                    ctx.timerService().currentProcessingTime()));
            return;
        }
        boolean sensitive = entry.active() && guard.assessCatalogItem(entry.textWithTags(), embedded.embedding())
                .sensitive();
        out.collect(CatalogItem.of(entry.itemId(), entry.app(), entry.surface(), entry.tags(), entry.timestamp(),
                entry.active(), embedded.rankingEmbedding(), sensitive));
    }

    @Override
    public void close() {
        lease.release();
    }
}
