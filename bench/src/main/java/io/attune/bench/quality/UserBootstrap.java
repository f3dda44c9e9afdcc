package io.attune.bench.quality;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * How far an average over people could move had other people been sampled: the percentile bootstrap, resampling
 * people with replacement. For two methods scored on the same people the difference is resampled in pairs, which
 * is much narrower than the two intervals side by side, since both methods find the same people easy or hard.
 * Seeded, so a report prints the same interval every time.
 */
public final class UserBootstrap {

    /** An estimate and its 95% interval. */
    public record Interval(double estimate, double low, double high) {

        /** Whether the interval lies wholly above {@code value}. */
        public boolean above(double value) {
            return low > value;
        }
    }

    private static final int DEFAULT_RESAMPLES = 2_000;

    private final int resamples;
    private final long seed;

    public UserBootstrap() {
        this(DEFAULT_RESAMPLES, 33L);
    }

    public UserBootstrap(int resamples, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 resamples, was " + resamples);
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    /** The mean of {@code values} (one per person). */
    public Interval mean(double[] values) {
        return difference(new double[values.length], values);
    }

    /** The mean of {@code b − a}, person by person. */
    public Interval difference(double[] a, double[] b) {
        int n = requirePaired(a, b);
        return interval(sum(b, a, identity(n)) / n, resampled(n, people -> sum(b, a, people) / n));
    }

    /** The ratio of the means, {@code mean(b) / mean(a)}, resampled in pairs. */
    public Interval ratio(double[] a, double[] b) {
        int n = requirePaired(a, b);
        double[] none = new double[n];
        return interval(sum(b, none, identity(n)) / sum(a, none, identity(n)),
                resampled(n, people -> sum(b, none, people) / sum(a, none, people)));
    }

    /** The statistic over {@code resamples} draws of {@code n} people with replacement. */
    private double[] resampled(int n, ToDoubleFunction<int[]> statistic) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] people = new int[n];
        double[] out = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                people[i] = random.nextInt(n);
            }
            out[r] = statistic.applyAsDouble(people);
        }
        return out;
    }

    /** Σ over {@code people} of {@code values − minus}. */
    private static double sum(double[] values, double[] minus, int[] people) {
        double sum = 0;
        for (int person : people) {
            sum += values[person] - minus[person];
        }
        return sum;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static int requirePaired(double[] a, double[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("two non-empty samples of the same people, were " + a.length
                    + " and " + b.length);
        }
        return a.length;
    }

    private static Interval interval(double estimate, double[] resampled) {
        Arrays.sort(resampled);
        int n = resampled.length;
        return new Interval(estimate, resampled[(int) Math.floor(0.025 * (n - 1))],
                resampled[(int) Math.ceil(0.975 * (n - 1))]);
    }
}
