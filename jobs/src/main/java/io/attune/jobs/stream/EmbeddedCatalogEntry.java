package io.attune.jobs.stream;

import io.attune.jobs.events.CatalogEntry;

/**
 * A catalog entry with its embedding, on its way to the guard's catalog rules.
 *
 * @param embedding the embedding of the entry's text and tags as written, which the guard judges; {@code null} for a
 *     withdrawn entry or when embedding failed
 * @param interestEmbedding what the item is ranked by when that is not {@code embedding}: the blend with its English
 *     gloss's embedding ({@code embedding.gloss-dictionaries}); {@code null} otherwise
 * @param error why embedding failed; {@code null} when it worked or was not needed
 */
public record EmbeddedCatalogEntry(CatalogEntry entry, float[] embedding, float[] interestEmbedding, String error) {

    /** An entry embedded as written only, or not at all. */
    public EmbeddedCatalogEntry(CatalogEntry entry, float[] embedding, String error) {
        this(entry, embedding, null, error);
    }

    /** The vector the item is ranked by. */
    public float[] rankingEmbedding() {
        return interestEmbedding != null ? interestEmbedding : embedding;
    }
}
