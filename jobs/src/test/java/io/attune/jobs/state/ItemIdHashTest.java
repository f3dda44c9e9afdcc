package io.attune.jobs.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hashes profiles keep their likes as: they are stored in savepoints, so they must never change. */
class ItemIdHashTest {

    @Test
    void isPinnedToFnv1aOverUtf16CodeUnits() {
        // Values computed independently of this class (Python, the same definition).
        assertThat(ItemIdHash.of("item-a")).isEqualTo(-7676941908887682292L);
        assertThat(ItemIdHash.of("café-ü")).isEqualTo(-1358747721388454679L);
        // Folded to the 32 bits profiles keep: the 64-bit hash's two halves XORed.
        assertThat(ItemIdHash.of32("item-a")).isEqualTo(-1710832370);
        assertThat(ItemIdHash.of32("café-ü")).isEqualTo(-1704866100);
        assertThat(ItemIdHash.fold(ItemIdHash.of("item-a"))).isEqualTo(ItemIdHash.of32("item-a"));
    }

    @Test
    void aMillionIdsShareFewFoldedHashes() {
        // About n²/2³³ ≈ 116 pairs expected (113 counted independently, in Python, for these ids): a few likes in a
        // million may read another item's tables, which ranking does not notice.
        Set<Integer> seen = new HashSet<>();
        int shared = 0;
        for (int i = 0; i < 1_000_000; i++) {
            if (!seen.add(ItemIdHash.of32("item-" + i))) {
                shared++;
            }
        }
        assertThat(shared).isEqualTo(113);
    }

    @Test
    void aMillionIdsOfOneCatalogDoNotCollide() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(seen.add(ItemIdHash.of("item-" + i))).as("item-" + i).isTrue();
        }
    }
}
