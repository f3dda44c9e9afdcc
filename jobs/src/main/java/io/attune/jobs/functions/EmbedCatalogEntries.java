package io.attune.jobs.functions;

import io.attune.jobs.events.CatalogEntry;
import io.attune.jobs.stream.EmbeddedCatalogEntry;
import io.attune.models.embedding.BatchingConfig;
import io.attune.models.embedding.BatchingEmbedder;
import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.language.GlossingEmbedder;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Embeds catalog entries (text and tags, {@link CatalogEntry#textWithTags}) through the JVM-wide
 * {@link BatchingEmbedder}, as messages are, without blocking the task thread. One entry at a time on the task
 * thread took a catalog of 2,000 items about 30 s to load (BENCHMARKS.md, session 36); in micro-batches over the
 * embedding workers a catalog's first load, or a re-publication of it, goes several times faster. Used with
 * {@code orderedWait}, so an item's update and its withdrawal keep their order. A withdrawn entry needs no embedding.
 *
 * <p>With gloss dictionaries ({@code embedding.gloss-dictionaries}) an entry whose locale one covers is embedded as
 * written and as its English gloss, like a message ({@link GlossingEmbedder}): a German camera ad then meets an
 * English or a glossed German question about cameras on the topic, not on the language.
 */
public class EmbedCatalogEntries extends RichAsyncFunction<CatalogEntry, EmbeddedCatalogEntry> {

    private static final long serialVersionUID = 1L;

    private final GlossingEmbedderLease lease;
    private transient GlossingEmbedder embedder;

    public EmbedCatalogEntries(EmbeddingConfig embedding, BatchingConfig batching) {
        this(embedding, batching, null);
    }

    /** @param glossDictionaries directory of dictionaries into English, {@code null} for no glossing */
    public EmbedCatalogEntries(EmbeddingConfig embedding, BatchingConfig batching, String glossDictionaries) {
        this.lease = new GlossingEmbedderLease(embedding, batching, glossDictionaries);
    }

    @Override
    public void open(OpenContext openContext) {
        embedder = lease.acquire("catalog items");
    }

    @Override
    public void asyncInvoke(CatalogEntry entry, ResultFuture<EmbeddedCatalogEntry> result) {
        if (!entry.active()) {
            result.complete(List.of(new EmbeddedCatalogEntry(entry, null, null)));
            return;
        }
        embedder.submit(entry.textWithTags(), entry.locale()).whenComplete((embedded, error) -> result.complete(
                List.of(error == null
                        ? new EmbeddedCatalogEntry(entry, embedded.written(), embedded.blend(), null)
                        : new EmbeddedCatalogEntry(entry, null, "embedding failed: " + error.getMessage()))));
    }

    @Override
    public void timeout(CatalogEntry entry, ResultFuture<EmbeddedCatalogEntry> result) {
        result.complete(List.of(new EmbeddedCatalogEntry(entry, null, "embedding timed out")));
    }

    @Override
    public void close() {
        embedder = null;
        lease.release();
    }
}
