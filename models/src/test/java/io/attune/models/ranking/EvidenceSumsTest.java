package io.attune.models.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EvidenceSumsTest {

    private final ItemTables tables = new ItemTables();

    EvidenceSumsTest() {
        tables.put("jazz", 4f, null, null);
        tables.put("blues", 9f, null, null);
    }

    private static NeighborTable table(String[] ids, float[] weights) {
        return new NeighborTable(ids, weights, new float[0]);
    }

    @Test
    void sumsEachEntryAsACosineShrunkForLittleEvidence() {
        EvidenceSums sums = new EvidenceSums(0.5f, tables);
        int liked = tables.put("liked", 16f, table(new String[] {"jazz", "soul"}, new float[] {3f, 2f}), null);
        int alsoLiked = tables.put("also-liked", 1f, table(new String[] {"jazz"}, new float[] {1f}), null);

        sums.addNeighbors(liked, 0.5f);
        sums.addNeighbors(alsoLiked, 1f);

        assertThat(sums.coEngagement().getOrDefault("jazz", 0f)).as("0.5 × 3 / (√(16 × 4) + 5) + 1 / (√(1 × 4) + 5)")
                .isCloseTo(0.5f * 3f / 13f + 1f / 7f, within(1e-6f));
        assertThat(sums.coEngagement().getOrDefault("soul", 0f)).as("an item without popularity counts as 1")
                .isCloseTo(0.5f * 2f / 9f, within(1e-6f));
        assertThat(sums.coEngagement().getOrDefault("blues", -1f)).as("numbered, not summed").isEqualTo(-1f);
        assertThat(sums.coEngagement().getOrDefault("never-seen", -1f)).isEqualTo(-1f);
        assertThat(sums.affinity().isEmpty()).isTrue();
    }

    @Test
    void asymmetryMovesTheWeightBetweenTheLikedItemAndTheCandidate() {
        int liked = tables.put("liked", 16f, null, table(new String[] {"blues"}, new float[] {3f}));
        EvidenceSums likedOnly = new EvidenceSums(1f, tables);
        likedOnly.addAffinity(liked);
        EvidenceSums candidateOnly = new EvidenceSums(0f, tables);
        candidateOnly.addAffinity(liked);

        assertThat(likedOnly.affinity().getOrDefault("blues", 0f)).isCloseTo(3f / (16f + 5f), within(1e-6f));
        assertThat(candidateOnly.affinity().getOrDefault("blues", 0f)).isCloseTo(3f / (9f + 5f), within(1e-6f));
        assertThat(likedOnly.coEngagement().isEmpty()).isTrue();
        assertThatThrownBy(() -> new EvidenceSums(1.5f, tables)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void skipsWhatWasNotCertainlyObservedAndForgetsOnClear() {
        EvidenceSums sums = new EvidenceSums(0.5f, tables);
        int liked = tables.put("liked", 1f, new NeighborTable(new String[] {"jazz", "blues"}, new float[] {2f, 4f},
                new float[] {2f, 1f}), null);

        sums.addNeighbors(liked, 1f);
        assertThat(sums.coEngagement().getOrDefault("jazz", -1f)).as("its whole weight was inherited").isEqualTo(-1f);
        assertThat(sums.coEngagement().getOrDefault("blues", 0f)).isCloseTo(3f / (3f + 5f), within(1e-6f));

        sums.clear();
        assertThat(sums.coEngagement().isEmpty()).isTrue();
        assertThat(sums.coEngagement().getOrDefault("blues", -1f)).isEqualTo(-1f);
    }

    /**
     * Against the definition summed by id in a map: the same items in the same first-added order with the same
     * floats, refresh after refresh, while new items are numbered between refreshes.
     */
    @Test
    void agreesWithSumsKeyedByIdAcrossRefreshesAsTheNumberingGrows() {
        Random random = new Random(32);
        ItemTables grown = new ItemTables();
        Map<String, Float> popularity = new LinkedHashMap<>();
        Map<String, NeighborTable> neighbors = new LinkedHashMap<>();
        EvidenceSums sums = new EvidenceSums(0.5f, grown);
        for (int refresh = 0; refresh < 6; refresh++) {
            for (int n = 0; n < 40; n++) {
                String id = "item-" + random.nextInt(400 * (refresh + 1));
                String[] ids = new String[random.nextInt(30)];
                float[] weights = new float[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = "item-" + random.nextInt(400 * (refresh + 1));
                    weights[i] = random.nextInt(4);
                }
                float itemPopularity = random.nextInt(50);
                NeighborTable table = table(ids, weights);
                grown.put(id, itemPopularity, table, null);
                popularity.put(id, itemPopularity);
                neighbors.put(id, table);
            }
            sums.clear();
            Map<String, Float> expected = new LinkedHashMap<>();
            float weight = 1f;
            for (String liked : neighbors.keySet().stream().skip(random.nextInt(10)).limit(8).toList()) {
                sums.addNeighbors(grown.find(liked), weight);
                NeighborTable table = neighbors.get(liked);
                float likedPopularity = Math.max(1f, popularity.get(liked));
                for (int i = 0; i < table.neighbors().length; i++) {
                    if (table.weights()[i] > 0f) {
                        float candidate = Math.max(1f, popularity.getOrDefault(table.neighbors()[i], 0f));
                        expected.merge(table.neighbors()[i], weight * table.weights()[i]
                                / ((float) Math.sqrt(likedPopularity * candidate) + EvidenceSums.SHRINKAGE),
                                Float::sum);
                    }
                }
                weight *= 0.8f;
            }
            Map<String, Float> actual = new LinkedHashMap<>();
            ScoredItems co = sums.coEngagement();
            for (int entry = 0; entry < co.size(); entry++) {
                actual.put(co.id(entry), co.value(entry));
            }
            assertThat(actual).as("refresh %d", refresh).isNotEmpty().containsExactlyEntriesOf(expected);
        }
    }
}
