package io.attune.models.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ItemScoresTest {

    @Test
    void sumsPerIdInTheOrderIdsFirstCameIn() {
        ItemScores scores = new ItemScores();
        scores.add("b", 1f);
        scores.add("a", 2f);
        scores.add(new String("b"), 0.5f);

        assertThat(scores.size()).isEqualTo(2);
        assertThat(scores.id(0)).isEqualTo("b");
        assertThat(scores.value(0)).as("an equal id that is another instance is the same item").isEqualTo(1.5f);
        assertThat(scores.getOrDefault("a", -1f)).isEqualTo(2f);
        assertThat(scores.getOrDefault("c", -1f)).isEqualTo(-1f);
        assertThat(scores.contains("c")).isFalse();
        scores.put("a", 7f);
        assertThat(scores.getOrDefault("a", 0f)).isEqualTo(7f);
    }

    @Test
    void agreesWithAHashMapThroughGrowthCollisionsAndReuse() {
        Random random = new Random(26);
        // "Aa" and "BB" share a hash code, as do all their concatenations: chains of equal hashes.
        String[] ids = new String[3000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i % 3 == 0 ? collidingId(i) : "item-" + i;
        }
        ItemScores scores = new ItemScores(4);
        for (int round = 0; round < 3; round++) {
            Map<String, Float> expected = new LinkedHashMap<>();
            for (int n = 0; n < 20_000; n++) {
                String id = ids[random.nextInt(ids.length - round * 1000)];
                float delta = random.nextFloat();
                scores.add(id, delta);
                expected.merge(id, delta, Float::sum);
            }
            Map<String, Float> actual = new LinkedHashMap<>();
            for (int entry = 0; entry < scores.size(); entry++) {
                actual.put(scores.id(entry), scores.value(entry));
            }
            assertThat(actual).as("round %d", round).containsExactlyEntriesOf(expected);
            for (String id : ids) {
                assertThat(scores.getOrDefault(id, -1f)).isEqualTo(expected.getOrDefault(id, -1f));
            }
            scores.clear();
            assertThat(scores.isEmpty()).isTrue();
            for (String id : ids) {
                assertThat(scores.contains(id)).as("nothing left after clear").isFalse();
            }
        }
    }

    @Test
    void strongestKeepsTheHighestValuesWithTiesToTheSmallerId() {
        Random random = new Random(7);
        ItemScores scores = new ItemScores();
        for (int i = 0; i < 2000; i++) {
            // Few distinct values: many ties at every cut.
            scores.add("item-" + i, random.nextInt(50));
        }
        for (int limit : new int[] {1, 3, 100, 1999, 2000, 5000}) {
            List<String> expected = new ArrayList<>();
            for (int entry = 0; entry < scores.size(); entry++) {
                expected.add(scores.id(entry));
            }
            expected.sort(Comparator.comparing((String id) -> -scores.getOrDefault(id, 0f))
                    .thenComparing(Comparator.naturalOrder()));
            List<String> kept = new ArrayList<>();
            for (int entry : scores.strongest(limit)) {
                kept.add(scores.id(entry));
            }
            assertThat(kept).as("limit %d", limit)
                    .containsExactlyInAnyOrderElementsOf(expected.subList(0, Math.min(limit, expected.size())));
        }
        assertThat(scores.strongest(0)).isEmpty();
    }

    @Test
    void copiesAMap() {
        Map<String, Float> map = new HashMap<>(Map.of("x", 1f, "y", 2f));
        ItemScores copy = ItemScores.of(map);
        assertThat(copy.size()).isEqualTo(2);
        assertThat(copy.getOrDefault("y", 0f)).isEqualTo(2f);
    }

    private static String collidingId(int i) {
        StringBuilder id = new StringBuilder();
        for (int bit = 0; bit < 12; bit++) {
            id.append((i >> bit & 1) == 0 ? "Aa" : "BB");
        }
        return id.toString();
    }
}
