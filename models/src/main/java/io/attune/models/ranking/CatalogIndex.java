package io.attune.models.ranking;

import java.util.Map;
import java.util.TreeMap;

/**
 * The rankable catalog, one {@link CatalogPartition} per app and surface, so a refresh for one app
 * surface scans only that surface's items.
 */
public final class CatalogIndex {

    private final Map<String, Map<String, CatalogPartition>> byApp = new TreeMap<>();
    private int dimension;

    /** Adds or replaces an item (unit-length vector). */
    public void put(String app, String surface, String itemId, String[] tags, float[] vector) {
        if (dimension == 0) {
            dimension = vector.length;
        }
        byApp.computeIfAbsent(app, a -> new TreeMap<>())
                .computeIfAbsent(surface, s -> new CatalogPartition(dimension))
                .put(itemId, tags, vector);
    }

    /**
     * Adds or replaces an item coded as {@code Int8Vectors} codes a unit vector; the array is kept, not copied (the
     * profile subtasks of a TaskManager share it with the catalog item they keep), and must not change afterwards.
     */
    public void put(String app, String surface, String itemId, String[] tags, byte[] code, float scale) {
        if (dimension == 0) {
            dimension = code.length;
        }
        byApp.computeIfAbsent(app, a -> new TreeMap<>())
                .computeIfAbsent(surface, s -> new CatalogPartition(dimension))
                .put(itemId, tags, code, scale);
    }

    /** Removes an item from the surface it was filed under, if there. */
    public void remove(String app, String surface, String itemId) {
        Map<String, CatalogPartition> surfaces = byApp.get(app);
        CatalogPartition partition = surfaces == null ? null : surfaces.get(surface);
        if (partition != null) {
            partition.remove(itemId);
            if (partition.size() == 0) {
                surfaces.remove(surface);
            }
        }
    }

    /** Sets an item's popularity on the surface it is filed under. */
    public void setPopularity(String app, String surface, String itemId, float value) {
        CatalogPartition partition = byApp.getOrDefault(app, Map.of()).get(surface);
        if (partition != null) {
            partition.setPopularity(itemId, value);
        }
    }

    /** The app's non-empty surfaces, by name. */
    public Map<String, CatalogPartition> surfaces(String app) {
        return byApp.getOrDefault(app, Map.of());
    }

    /** Dimension of the item vectors; 0 before the first item. */
    public int dimension() {
        return dimension;
    }
}
