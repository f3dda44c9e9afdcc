package io.attune.models.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.attune.models.math.Vectors;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InterestClustersTest {

    private static final int DIMENSION = 384;
    private final InterestClusters clusters = new InterestClusters(3, 0.5f, 0.05f);
    private final Random random = new Random(11);

    @Test
    void distinctTopicsStayDistinctInterestsAndCloseSignalsJoinOne() {
        float[] running = topic();
        float[] jazz = topic();
        Centroid[] profile = new Centroid[0];
        for (int i = 0; i < 5; i++) {
            profile = clusters.add(profile, near(running), 1f);
            profile = clusters.add(profile, near(jazz), 1f);
        }
        assertThat(profile).hasSize(2);
        assertThat(best(profile, running)).isGreaterThan(0.9f);
        assertThat(best(profile, jazz)).isGreaterThan(0.9f);
        assertThat(profile).allSatisfy(c -> assertThat(c.norm()).isBetween(4f, 5f));
    }

    @Test
    void overTheBudgetTheTwoClosestInterestsMerge() {
        float[] a = topic();
        float[] b = topic();
        float[] c = topic();
        float[] aPrime = mix(a, topic(), 0.75f);
        Centroid[] profile = new Centroid[0];
        profile = clusters.add(profile, a, 1f);
        profile = clusters.add(profile, b, 1f);
        profile = clusters.add(profile, c, 1f);
        profile = clusters.add(profile, aPrime, 1f);
        assertThat(profile).hasSize(3);
        Centroid merged = Arrays.stream(profile).max(Comparator.comparingDouble(Centroid::norm)).orElseThrow();
        assertThat(merged.norm()).as("a and a' merged").isGreaterThan(1.5f);
        assertThat(best(profile, b)).isGreaterThan(0.95f);
        assertThat(best(profile, c)).isGreaterThan(0.95f);
    }

    @Test
    void aHidePushesTheClosestInterestAwayAndCanRemoveIt() {
        float[] running = topic();
        float[] shoes = mix(running, topic(), 0.8f);
        Centroid[] profile = clusters.add(new Centroid[0], running, 2f);
        profile = clusters.add(profile, shoes, -1f);
        assertThat(profile).hasSize(1);
        assertThat(Vectors.dot(profile[0].direction(DIMENSION), shoes)).isLessThan(Vectors.dot(running, shoes));

        Centroid[] once = clusters.add(new Centroid[0], running, 1f);
        assertThat(clusters.add(once, running, -1f)).as("hiding all that was liked leaves nothing").isEmpty();
        assertThat(clusters.add(once, Vectors.normalized(negate(running)), -1f))
                .as("hiding the opposite of an interest moves nothing").isEqualTo(once);
    }

    @Test
    void fadedInterestsAreForgotten() {
        Centroid[] profile = clusters.add(new Centroid[0], topic(), 1f);
        profile = clusters.add(profile, topic(), 4f);
        Centroid[] faded = clusters.fade(profile, 1f / 32);
        assertThat(faded).hasSize(1);
        assertThat(faded[0].norm()).isEqualTo(4f / 32);
    }

    @Test
    void theSameSignalsRebuildTheSameInterests() {
        float[][] signals = {topic(), topic(), topic(), topic(), topic()};
        Centroid[] first = new Centroid[0];
        Centroid[] second = new Centroid[0];
        for (float[] signal : signals) {
            first = clusters.add(first, signal, 1f);
            second = clusters.add(second, signal, 1f);
        }
        assertThat(first).usingRecursiveFieldByFieldElementComparator().containsExactly(second);
    }

    /**
     * A salt rounds otherwise (as another CPU's last digits would), and only the rounding: the same interests, each
     * within quantization noise of the unsalted one. Salt 0 rounds exactly as without a salt.
     */
    @Test
    void aRoundingSaltChangesTheRoundingAndNothingElse() {
        float[] running = topic();
        float[] jazz = topic();
        InterestClusters unsalted = new InterestClusters(3, 0.5f, 0.05f, 0L);
        InterestClusters salted = new InterestClusters(3, 0.5f, 0.05f, 7L);
        Centroid[] plain = new Centroid[0];
        Centroid[] zero = new Centroid[0];
        Centroid[] seven = new Centroid[0];
        for (int i = 0; i < 6; i++) {
            for (float[] signal : new float[][] {near(running), near(jazz)}) {
                plain = clusters.add(plain, signal, 1f);
                zero = unsalted.add(zero, signal, 1f);
                seven = salted.add(seven, signal, 1f);
            }
        }

        assertThat(zero).hasSameSizeAs(plain);
        for (int c = 0; c < plain.length; c++) {
            assertThat(zero[c].codes()).isEqualTo(plain[c].codes());
        }
        assertThat(seven).hasSize(2);
        boolean roundedOtherwise = false;
        for (int c = 0; c < plain.length; c++) {
            roundedOtherwise |= !Arrays.equals(seven[c].codes(), plain[c].codes());
            // 4-bit codes: two roundings of one vector agree to a cosine of about 0.96.
            assertThat(Vectors.dot(seven[c].direction(DIMENSION), plain[c].direction(DIMENSION))).isGreaterThan(0.9f);
            assertThat(seven[c].norm()).isCloseTo(plain[c].norm(), within(0.2f));
        }
        assertThat(roundedOtherwise).isTrue();
        assertThat(best(seven, running)).isGreaterThan(0.9f);
        assertThat(best(seven, jazz)).isGreaterThan(0.9f);
    }

    @Test
    void aSmallerBudgetMergesSoonerAndNeverGoesBelowOneInterest() {
        Centroid[] profile = new Centroid[0];
        profile = clusters.add(profile, topic(), 1f, 2);
        profile = clusters.add(profile, topic(), 1f, 2);
        profile = clusters.add(profile, topic(), 1f, 2);
        assertThat(profile).as("budget 2 of 3").hasSize(2);
        assertThat(clusters.add(profile, topic(), 1f, 0)).as("a budget of none still keeps one more signal")
                .hasSize(2);
        assertThat(clusters.add(new Centroid[0], topic(), 1f, 0)).hasSize(1);
        assertThat(clusters.add(profile, topic(), 1f, 9)).as("never beyond maxCentroids").hasSize(3);
    }

    @Test
    void limitMergesTheMostSimilarInterestsAndKeepsTheirWeight() {
        float[] a = topic();
        float[] b = topic();
        float[] aPrime = mix(a, topic(), 0.35f);
        Centroid[] profile = new Centroid[0];
        profile = clusters.add(profile, a, 1f);
        profile = clusters.add(profile, b, 2f);
        profile = clusters.add(profile, aPrime, 1f);
        assertThat(profile).hasSize(3);

        Centroid[] limited = clusters.limit(profile, 2, DIMENSION);
        assertThat(limited).hasSize(2);
        assertThat(best(limited, b)).isGreaterThan(0.95f);
        assertThat(best(limited, a)).as("a and a' merged").isGreaterThan(0.7f);
        assertThat(Arrays.stream(limited).mapToDouble(Centroid::norm).max().orElseThrow())
                .as("the merged pair's weight").isGreaterThan(1.8);
        assertThat(clusters.limit(profile, 3, DIMENSION)).isSameAs(profile);
        assertThat(clusters.limit(profile, 0, DIMENSION)).hasSize(1);
    }

    private float best(Centroid[] profile, float[] topic) {
        return (float) Arrays.stream(profile)
                .mapToDouble(c -> Vectors.dot(c.direction(DIMENSION), topic)).max().orElse(-1);
    }

    private float[] topic() {
        return CentroidTest.unit(CentroidTest.gaussian(random));
    }

    /** A paraphrase: mostly the topic, a little noise (cosine ≈ 0.95 with it). */
    private float[] near(float[] topic) {
        return mix(topic, topic(), 0.95f);
    }

    private static float[] mix(float[] a, float[] b, float share) {
        float[] out = a.clone();
        Vectors.scale(out, share);
        Vectors.addScaled(out, b, (float) Math.sqrt(1 - share * share));
        return Vectors.normalized(out);
    }

    private static float[] negate(float[] v) {
        float[] out = v.clone();
        Vectors.scale(out, -1f);
        return out;
    }
}
