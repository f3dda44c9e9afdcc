package io.attune.bench;

import io.attune.models.math.Vectors;
import io.attune.models.ranking.CatalogPartition;
import io.attune.models.ranking.Interest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A catalog with topical structure like sentence embeddings have (themes, sub-topics within them, item
 * noise), since uniformly random vectors have no neighbourhoods and would make any index look useless.
 * An item is about 0.7 cosine from its theme and 0.75 from items of its sub-topic.
 */
final class SyntheticCatalog {

    private final int dimension;
    private final Random random;
    private final float[][] items;

    SyntheticCatalog(int size, int dimension, long seed) {
        this.dimension = dimension;
        this.random = new Random(seed);
        int themes = 300;
        int subTopics = 20;
        float[][] theme = new float[themes][];
        float[][][] sub = new float[themes][subTopics][];
        for (int t = 0; t < themes; t++) {
            theme[t] = unit();
            for (int s = 0; s < subTopics; s++) {
                sub[t][s] = unit();
            }
        }
        items = new float[size][];
        for (int i = 0; i < size; i++) {
            int t = random.nextInt(themes);
            items[i] = mix(theme[t], 0.7f, sub[t][random.nextInt(subTopics)], 0.5f, unit(), 0.5f);
        }
    }

    CatalogPartition partition(int indexedFrom) {
        CatalogPartition partition = new CatalogPartition(dimension, indexedFrom);
        for (int i = 0; i < items.length; i++) {
            partition.put(id(i), new String[0], items[i]);
        }
        return partition;
    }

    /** A person: {@code count} interests, each near some item, with weights spread over 0.2–5. */
    List<Interest> person(int count) {
        List<Interest> interests = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            float[] near = items[random.nextInt(items.length)];
            interests.add(new Interest(mix(near, 0.8f, unit(), 0.6f, unit(), 0f),
                    0.2f + 4.8f * random.nextFloat(), "APP"));
        }
        return interests;
    }

    private float[] mix(float[] a, float wa, float[] b, float wb, float[] c, float wc) {
        float[] out = new float[dimension];
        Vectors.addScaled(out, a, wa);
        Vectors.addScaled(out, b, wb);
        Vectors.addScaled(out, c, wc);
        return Vectors.normalized(out);
    }

    private float[] unit() {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalized(v);
    }

    /** The id of the {@code i}-th item, as the partitions hold it. */
    static String id(int i) {
        return "item-" + i;
    }
}
