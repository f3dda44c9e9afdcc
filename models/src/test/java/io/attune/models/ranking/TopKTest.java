package io.attune.models.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void keepsTheKMostSimilarBestFirst() {
        TopK top = new TopK(new float[] {2, 0}, 2);
        top.offer("orthogonal", new float[] {0, 1});
        top.offer("same", new float[] {1, 0});
        top.offer("opposite", new float[] {-1, 0});
        top.offer("close", new float[] {0.8f, 0.6f});
        List<RankedItem> result = top.result();
        assertThat(result).extracting(RankedItem::itemId).containsExactly("same", "close");
        assertThat(result.get(0).score()).isEqualTo(1f);
    }

    @Test
    void tiesAreBrokenByItemIdSoOutputIsReproducible() {
        TopK top = new TopK(new float[] {1, 0}, 2);
        top.offer("b", new float[] {1, 0});
        top.offer("c", new float[] {1, 0});
        top.offer("a", new float[] {1, 0});
        assertThat(top.result()).extracting(RankedItem::itemId).containsExactly("a", "b");
    }
}
