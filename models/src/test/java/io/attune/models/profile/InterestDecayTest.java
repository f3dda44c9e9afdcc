package io.attune.models.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InterestDecayTest {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private final InterestDecay decay = new InterestDecay(Duration.ofDays(7));

    @Test
    void weightHalvesEveryHalfLife() {
        assertThat(decay.factor(0, 7 * DAY)).isCloseTo(0.5f, offset(1e-6f));
        assertThat(decay.factor(0, 14 * DAY)).isCloseTo(0.25f, offset(1e-6f));
        assertThat(decay.factor(5 * DAY, 0)).isEqualTo(1f);
    }

    @Test
    void newerSignalsOutweighOlderOnes() {
        float[] interest = new float[2];
        long time = decay.accumulate(interest, 0, new float[] {1, 0}, 1f, 0);
        time = decay.accumulate(interest, time, new float[] {0, 1}, 1f, 7 * DAY);
        assertThat(time).isEqualTo(7 * DAY);
        assertThat(interest[0]).isCloseTo(0.5f, offset(1e-6f));
        assertThat(interest[1]).isCloseTo(1f, offset(1e-6f));
    }

    @Test
    void arrivalOrderDoesNotChangeTheResult() {
        float[] inOrder = new float[2];
        long t1 = decay.accumulate(inOrder, 0, new float[] {1, 0}, 1f, DAY);
        decay.accumulate(inOrder, t1, new float[] {0, 1}, 1f, 3 * DAY);

        float[] late = new float[2];
        long t2 = decay.accumulate(late, 0, new float[] {0, 1}, 1f, 3 * DAY);
        long t3 = decay.accumulate(late, t2, new float[] {1, 0}, 1f, DAY);
        assertThat(t3).isEqualTo(3 * DAY);
        assertThat(late).containsExactly(inOrder, offset(1e-6f));
    }

    @Test
    void negativeWeightPushesAway() {
        float[] interest = {1, 0};
        decay.accumulate(interest, 0, new float[] {1, 0}, -0.5f, 0);
        assertThat(interest[0]).isCloseTo(0.5f, offset(1e-6f));
    }
}
