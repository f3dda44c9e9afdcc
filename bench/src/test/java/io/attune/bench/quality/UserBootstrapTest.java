package io.attune.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class UserBootstrapTest {

    private final UserBootstrap bootstrap = new UserBootstrap();

    @Test
    void theSameScoresForEveryoneDifferByNothingAndAShiftByExactlyTheShift() {
        double[] a = sample(500, 1);
        double[] shifted = a.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 0.01;
        }

        assertThat(bootstrap.difference(a, a.clone())).isEqualTo(new UserBootstrap.Interval(0, 0, 0));
        UserBootstrap.Interval shift = bootstrap.difference(a, shifted);
        assertThat(shift.estimate()).isCloseTo(0.01, within(1e-12));
        assertThat(shift.low()).isCloseTo(0.01, within(1e-12));
        assertThat(shift.high()).isCloseTo(0.01, within(1e-12));
        assertThat(shift.above(0)).isTrue();
    }

    /** Against the normal approximation: mean ± 1.96 standard errors, for a sample large enough to trust it. */
    @Test
    void aMeansIntervalIsAboutTwoStandardErrorsEachWay() {
        double[] values = sample(4_000, 2);
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double variance = 0;
        for (double v : values) {
            variance += (v - mean) * (v - mean);
        }
        double standardError = Math.sqrt(variance / (values.length - 1) / values.length);

        UserBootstrap.Interval interval = bootstrap.mean(values);

        assertThat(interval.estimate()).isCloseTo(mean, within(1e-12));
        assertThat(interval.low()).isCloseTo(mean - 1.96 * standardError, within(0.2 * standardError));
        assertThat(interval.high()).isCloseTo(mean + 1.96 * standardError, within(0.2 * standardError));
    }

    /** Pairs keep what two methods share: the same noisy people, a small real gain, shown only in pairs. */
    @Test
    void pairingShowsASmallGainThatTwoSeparateIntervalsHide() {
        Random random = new Random(3);
        double[] a = new double[600];
        double[] b = new double[600];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextDouble() < 0.3 ? random.nextDouble() : 0;
            b[i] = Math.min(1, a[i] + (random.nextDouble() < 0.2 ? 0.05 : 0));
        }

        UserBootstrap.Interval separateA = bootstrap.mean(a);
        UserBootstrap.Interval separateB = bootstrap.mean(b);
        assertThat(separateB.low()).as("the intervals overlap").isLessThan(separateA.high());
        assertThat(bootstrap.difference(a, b).above(0)).isTrue();
        UserBootstrap.Interval ratio = bootstrap.ratio(a, b);
        assertThat(ratio.low()).isGreaterThan(1);
        assertThat(ratio.estimate()).isBetween(ratio.low(), ratio.high());
    }

    @Test
    void refusesUnpairedSamplesAndTooFewResamples() {
        assertThatThrownBy(() -> bootstrap.difference(new double[3], new double[4]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bootstrap.mean(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UserBootstrap(10, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Recall-like: most people 0, the rest spread over (0, 1]. */
    private static double[] sample(int n, long seed) {
        Random random = new Random(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextDouble() < 0.4 ? random.nextDouble() : 0;
        }
        return out;
    }
}
