package io.attune.models.language;

import io.attune.models.embedding.BatchingEmbedder;
import java.util.concurrent.CompletableFuture;

/**
 * Embeds a text as written and, when a dictionary covers its locale, as its word-by-word English gloss too, and
 * blends the two ({@link Glosser#blend}): the English encoder reads a German question about cameras, or a German
 * camera ad, as German first and about cameras barely at all. Messages and catalog items go through the same
 * embedder so that both sides of a match are read alike. The gloss is made here and dropped with the batch; like the
 * text, it is never kept. Thread-safe.
 */
public final class GlossingEmbedder {

    private final BatchingEmbedder embedder;
    private final Glossaries glossaries;

    public GlossingEmbedder(BatchingEmbedder embedder, Glossaries glossaries) {
        this.embedder = embedder;
        this.glossaries = glossaries;
    }

    /**
     * Completes with the text's embedding as written and, when its locale is covered and the gloss changed some word,
     * the blend; exceptionally when the text as written could not be embedded. A gloss that fails, to make or to
     * embed, leaves the blend out: the text still has its own embedding. Never blocks.
     */
    public CompletableFuture<Embedded> submit(String text, String locale) {
        Glosser.Gloss gloss = gloss(text, locale);
        CompletableFuture<float[]> written = embedder.submit(text);
        CompletableFuture<float[]> glossed = gloss == null ? null : embedder.submit(gloss.text());
        // Completed by hand rather than composed, so that a failure arrives as the embedder's own exception.
        CompletableFuture<Embedded> result = new CompletableFuture<>();
        written.whenComplete((vector, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else if (glossed == null) {
                result.complete(new Embedded(vector, null));
            } else {
                glossed.whenComplete((glossVector, glossError) -> result.complete(
                        new Embedded(vector, glossError == null ? Glosser.blend(vector, glossVector) : null)));
            }
        });
        return result;
    }

    private Glosser.Gloss gloss(String text, String locale) {
        try {
            return glossaries.forLocale(locale)
                    .map(glosser -> glosser.gloss(text))
                    .filter(Glosser.Gloss::changed)
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A text's embeddings.
     *
     * @param written the embedding of the text as written: what the sensitive-topic guard judges
     * @param blend the blend with its English gloss's embedding; {@code null} when it has none
     */
    public record Embedded(float[] written, float[] blend) {

        /** What interests are learned and matched from: the blend when there is one. */
        public float[] forInterests() {
            return blend != null ? blend : written;
        }
    }
}
