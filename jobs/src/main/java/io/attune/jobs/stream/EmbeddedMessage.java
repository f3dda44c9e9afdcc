package io.attune.jobs.stream;

/**
 * An assistant message with its embedding, on its way to the guard. The guard is the last stage that sees
 * {@code text}: what it lets through carries the embedding only.
 *
 * @param embedding the message embedding; {@code null} when embedding failed
 * @param interestEmbedding what the message teaches the profile when that is not {@code embedding}: the blend with
 *     its English gloss's embedding ({@code embedding.gloss-dictionaries}); {@code null} otherwise
 * @param error why embedding failed; {@code null} when it worked
 */
public record EmbeddedMessage(String eventId, String app, String accountId, long timestamp, String text,
        float[] embedding, float[] interestEmbedding, String error) {

    /** A message embedded as written only, or not at all. */
    public EmbeddedMessage(
            String eventId, String app, String accountId, long timestamp, String text, float[] embedding, String error) {
        this(eventId, app, accountId, timestamp, text, embedding, null, error);
    }

    /** The vector the profile learns from. */
    public float[] profileEmbedding() {
        return interestEmbedding != null ? interestEmbedding : embedding;
    }
}
