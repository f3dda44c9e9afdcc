package io.attune.models.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItemNumbersTest {

    @Test
    void numbersIdsDenselyInTheOrderFirstSeen() {
        ItemNumbers numbers = new ItemNumbers();
        assertThat(numbers.number("jazz")).isZero();
        assertThat(numbers.number("blues")).isEqualTo(1);
        assertThat(numbers.number(new String("jazz"))).as("an equal id that is another instance").isZero();
        assertThat(numbers.find("soul")).isEqualTo(-1);
        assertThat(numbers.size()).isEqualTo(2);
        assertThat(numbers.id(1)).isEqualTo("blues");
    }

    @Test
    void keepsEveryNumberThroughGrowthAndHashCollisions() {
        ItemNumbers numbers = new ItemNumbers();
        String[] ids = new String[5000];
        for (int i = 0; i < ids.length; i++) {
            // "Aa" and "BB" share a hash code, as do all their concatenations.
            ids[i] = i % 2 == 0 ? Integer.toBinaryString(i).replace("0", "Aa").replace("1", "BB") : "item-" + i;
            assertThat(numbers.number(ids[i])).isEqualTo(i);
        }
        for (int i = 0; i < ids.length; i++) {
            assertThat(numbers.find(new String(ids[i]))).isEqualTo(i);
            assertThat(numbers.id(i)).isSameAs(ids[i]);
        }
        assertThat(numbers.size()).isEqualTo(ids.length);
    }
}
