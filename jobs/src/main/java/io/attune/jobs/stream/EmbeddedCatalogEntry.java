package io.attune.jobs.stream;

import io.attune.jobs.events.CatalogEntry;

/**
 * A catalog entry with its embedding, on its way to the guard's catalog rules.
 *
 * @param embedding the embedding of the entry's text and tags; {@code null} for a withdrawn entry or when embedding
 *     failed
 * @param error why embedding failed; {@code null} when it worked or was not needed
 */
public record EmbeddedCatalogEntry(CatalogEntry entry, float[] embedding, String error) {}
