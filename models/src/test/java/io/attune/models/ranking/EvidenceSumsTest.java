package io.attune.models.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceSumsTest {

    private final ItemScores popularity = ItemScores.of(Map.of("jazz", 4f, "blues", 9f));

    @Test
    void sumsEachEntryAsACosineShrunkForLittleEvidence() {
        EvidenceSums sums = new EvidenceSums(0.5f);
        NeighborTable liked = new NeighborTable(new String[] {"jazz", "soul"}, new float[] {3f, 2f}, new float[0]);
        NeighborTable alsoLiked = new NeighborTable(new String[] {"jazz"}, new float[] {1f}, new float[0]);

        sums.addNeighbors(16f, liked, 0.5f, popularity);
        sums.addNeighbors(1f, alsoLiked, 1f, popularity);

        assertThat(sums.coEngagement().getOrDefault("jazz", 0f)).as("0.5 × 3 / (√(16 × 4) + 5) + 1 / (√(1 × 4) + 5)")
                .isCloseTo(0.5f * 3f / 13f + 1f / 7f, within(1e-6f));
        assertThat(sums.coEngagement().getOrDefault("soul", 0f)).as("an item without popularity counts as 1")
                .isCloseTo(0.5f * 2f / 9f, within(1e-6f));
        assertThat(sums.affinity().isEmpty()).isTrue();
    }

    @Test
    void asymmetryMovesTheWeightBetweenTheLikedItemAndTheCandidate() {
        NeighborTable liked = new NeighborTable(new String[] {"blues"}, new float[] {3f}, new float[0]);
        EvidenceSums likedOnly = new EvidenceSums(1f);
        likedOnly.addAffinity(16f, liked, popularity);
        EvidenceSums candidateOnly = new EvidenceSums(0f);
        candidateOnly.addAffinity(16f, liked, popularity);

        assertThat(likedOnly.affinity().getOrDefault("blues", 0f)).isCloseTo(3f / (16f + 5f), within(1e-6f));
        assertThat(candidateOnly.affinity().getOrDefault("blues", 0f)).isCloseTo(3f / (9f + 5f), within(1e-6f));
        assertThatThrownBy(() -> new EvidenceSums(1.5f)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void skipsWhatWasNotCertainlyObservedAndForgetsOnClear() {
        EvidenceSums sums = new EvidenceSums(0.5f);
        NeighborTable churned = new NeighborTable(new String[] {"jazz", "blues"}, new float[] {2f, 4f},
                new float[] {2f, 1f});

        sums.addNeighbors(1f, churned, 1f, popularity);
        assertThat(sums.coEngagement().contains("jazz")).as("its whole weight was inherited").isFalse();
        assertThat(sums.coEngagement().getOrDefault("blues", 0f)).isCloseTo(3f / (3f + 5f), within(1e-6f));

        sums.clear();
        assertThat(sums.coEngagement().isEmpty()).isTrue();
    }
}
