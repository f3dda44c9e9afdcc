package io.attune.models.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SharedVersionsTest {

    private final SharedVersions<int[]> shared = new SharedVersions<>(Arrays::equals, 2);

    @Test
    void holdersOfTheSameContentShareTheFirstCopy() {
        int[] first = {1, 2, 3};
        int[] second = {1, 2, 3};

        assertThat(shared.hold(7, first)).isSameAs(first);
        assertThat(shared.hold(7, second)).isSameAs(first);
        assertThat(shared.count(7)).isEqualTo(1);
        assertThat(shared.hold(8, new int[] {1, 2, 3})).as("another key").isNotSameAs(first);
    }

    @Test
    void aVersionIsDroppedWhenItsLastHolderReleasesIt() {
        int[] held = shared.hold(3, new int[] {4});
        assertThat(shared.hold(3, new int[] {4})).isSameAs(held);

        shared.release(3, held);
        assertThat(shared.count(3)).isEqualTo(1);
        shared.release(3, held);
        assertThat(shared.count(3)).isZero();
        int[] again = {4};
        assertThat(shared.hold(3, again)).isSameAs(again);
    }

    @Test
    void onlyTheLatestVersionsStayFindable() {
        int[] oldest = shared.hold(0, new int[] {1});
        int[] middle = shared.hold(0, new int[] {2});
        int[] newest = shared.hold(0, new int[] {3});

        assertThat(shared.count(0)).isEqualTo(2);
        assertThat(shared.hold(0, new int[] {2})).isSameAs(middle);
        assertThat(shared.hold(0, new int[] {3})).isSameAs(newest);
        int[] lagging = {1};
        assertThat(shared.hold(0, lagging)).as("the oldest was evicted; a lagging holder makes its own copy")
                .isSameAs(lagging).isNotSameAs(oldest);
        // Releasing an evicted version is harmless.
        shared.release(0, oldest);
        assertThat(shared.count(0)).isEqualTo(2);
    }

    @Test
    void releasingWhatWasNeverHeldChangesNothing() {
        int[] held = shared.hold(1, new int[] {9});
        shared.release(1, new int[] {9});
        shared.release(5, held);
        shared.release(-1, held);

        assertThat(shared.hold(1, new int[] {9})).isSameAs(held);
    }

    @Test
    void needsAtLeastOneVersion() {
        assertThatThrownBy(() -> new SharedVersions<int[]>(Arrays::equals, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
