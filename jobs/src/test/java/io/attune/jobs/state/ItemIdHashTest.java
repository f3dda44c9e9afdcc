package io.attune.jobs.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hash profiles keep their likes as: it is stored in savepoints, so it must never change. */
class ItemIdHashTest {

    @Test
    void isPinnedToFnv1aOverUtf16CodeUnits() {
        // Values computed independently of this class (Python, the same definition).
        assertThat(ItemIdHash.of("item-a")).isEqualTo(-7676941908887682292L);
        assertThat(ItemIdHash.of("café-ü")).isEqualTo(-1358747721388454679L);
    }

    @Test
    void aMillionIdsOfOneCatalogDoNotCollide() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(seen.add(ItemIdHash.of("item-" + i))).as("item-" + i).isTrue();
        }
    }
}
