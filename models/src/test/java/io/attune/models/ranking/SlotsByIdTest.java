package io.attune.models.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlotsByIdTest {

    @Test
    void agreesWithAHashMapUnderRandomPutsAndRemovals() {
        Random random = new Random(43);
        SlotsById slots = new SlotsById();
        Map<String, Integer> expected = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            // Few distinct ids, so runs of colliding ids form and are cut by removals.
            String id = "item-" + random.nextInt(3_000);
            if (random.nextInt(3) == 0) {
                Integer removed = expected.remove(id);
                assertThat(slots.remove(id)).isEqualTo(removed == null ? -1 : removed);
            } else {
                int slot = random.nextInt(1_000_000);
                expected.put(id, slot);
                slots.put(id, slot);
            }
            if (step % 10_000 == 0) {
                for (int i = 0; i < 3_000; i++) {
                    assertThat(slots.get("item-" + i)).isEqualTo(expected.getOrDefault("item-" + i, -1));
                }
            }
        }
        assertThat(slots.size()).isEqualTo(expected.size());
        expected.forEach((id, slot) -> assertThat(slots.get(id)).isEqualTo(slot));
    }

    @Test
    void anIdNeverPutHasNoSlot() {
        SlotsById slots = new SlotsById();
        assertThat(slots.get("x")).isEqualTo(-1);
        assertThat(slots.remove("x")).isEqualTo(-1);
        slots.put("x", 0);
        assertThat(slots.get("x")).isZero();
        assertThat(slots.remove("x")).isZero();
        assertThat(slots.get("x")).isEqualTo(-1);
    }
}
