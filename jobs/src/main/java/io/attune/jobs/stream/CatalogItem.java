package io.attune.jobs.stream;

import io.attune.models.math.Int8Vectors;
import java.util.Arrays;
import java.util.Objects;

/**
 * A catalog entry with its embedding, as the profile operator keeps it for ranking. Every profile subtask keeps every
 * item in broadcast state and writes it whole at every checkpoint, so the embedding travels and is kept as one byte
 * per dimension ({@link Int8Vectors}): a quarter of the floats' bytes, and dot products within about 10⁻³.
 *
 * @param embedding the embedding as floats: only in items restored from savepoints written before the codes (0.5
 *     and earlier); {@code null} otherwise
 * @param sensitive the guard found the item itself about a special category (a clinic ad, a church event):
 *     it is never ranked from interests, and engaging with it moves no interest
 * @param codes the embedding, one signed byte per dimension; {@code null} for a withdrawn item or one restored
 *     with {@code embedding}
 * @param scale {@code codes[i] * scale} is the embedding's {@code i}-th value
 */
public record CatalogItem(String itemId, String app, String surface, String[] tags, long timestamp, boolean active,
        float[] embedding, boolean sensitive, byte[] codes, float scale) {

    /**
     * Apps, surfaces and tags repeat across the whole catalog, and every item deserialized from the broadcast or a
     * checkpoint would otherwise bring its own copy of each (about 100 bytes per item for the app and surface alone,
     * in every profile subtask): the JVM keeps one.
     */
    public CatalogItem {
        app = app == null ? null : app.intern();
        surface = surface == null ? null : surface.intern();
        if (tags != null) {
            for (int i = 0; i < tags.length; i++) {
                tags[i] = tags[i] == null ? null : tags[i].intern();
            }
        }
    }

    /** An item with its embedding coded; {@code vector} may be {@code null} (a withdrawn item). */
    public static CatalogItem of(String itemId, String app, String surface, String[] tags, long timestamp,
            boolean active, float[] vector, boolean sensitive) {
        if (vector == null) {
            return new CatalogItem(itemId, app, surface, tags, timestamp, active, null, sensitive, null, 0f);
        }
        byte[] codes = new byte[vector.length];
        float scale = Int8Vectors.encode(vector, 0, vector.length, codes, 0);
        return new CatalogItem(itemId, app, surface, tags, timestamp, active, null, sensitive, codes, scale);
    }

    /**
     * Whether the two items are the same in every field, arrays compared by content (a record's {@code equals}
     * compares arrays by reference): each profile subtask deserializes its own copy of a broadcast item, and copies
     * with the same content can be kept once ({@code SharedProfileStorage}).
     */
    public boolean sameContent(CatalogItem other) {
        return this == other || (other != null && timestamp == other.timestamp && active == other.active
                && sensitive == other.sensitive && Float.compare(scale, other.scale) == 0
                && itemId.equals(other.itemId) && Objects.equals(app, other.app)
                && Objects.equals(surface, other.surface) && Arrays.equals(tags, other.tags)
                && Arrays.equals(codes, other.codes) && Arrays.equals(embedding, other.embedding));
    }

    public boolean hasVector() {
        return embedding != null || codes != null;
    }

    /** The embedding as floats (decoded, a new array, when coded); {@code null} when the item has none. */
    public float[] vector() {
        if (embedding != null) {
            return embedding;
        }
        return codes == null ? null : Int8Vectors.decode(codes, scale);
    }
}
