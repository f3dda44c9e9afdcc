package io.attune.models.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightCodesTest {

    @Test
    void wholeCountsAndBinaryFractionsComeBackExactly() {
        float[] weights = {4_000f, 37f, 1f, 0.5f, 0.25f, 0.125f};
        float unit = WeightCodes.unitOf(weights);

        assertThat(WeightCodes.decode(WeightCodes.encode(weights, unit), unit)).containsExactly(weights);
        assertThat(Integer.bitCount(Float.floatToIntBits(unit) & 0x7FFFFF)).as("a power of two").isZero();
    }

    @Test
    void otherWeightsAreWithinHalfAUnitAndUnder2ToTheMinus16OfTheLargest() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            float[] weights = new float[64];
            float largest = 0f;
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) Math.pow(10, random.nextDouble() * 8 - 4);
                largest = Math.max(largest, weights[i]);
            }
            float unit = WeightCodes.unitOf(weights);
            char[] codes = WeightCodes.encode(weights, unit);
            float[] decoded = WeightCodes.decode(codes, unit);

            assertThat(unit).isLessThanOrEqualTo(largest / 32_768f);
            for (int i = 0; i < weights.length; i++) {
                assertThat(decoded[i]).isCloseTo(weights[i], within(unit / 2));
            }
            assertThat(WeightCodes.encode(decoded, WeightCodes.unitOf(decoded))).as("coded again: the same codes")
                    .containsExactly(codes);
        }
    }

    @Test
    void aLargestWeightThatRoundsUpToTheNextPowerStillFits() {
        float[] weights = {Math.nextDown(65_536f) / 1024f, 1f};
        float unit = WeightCodes.unitOf(weights);
        char[] codes = WeightCodes.encode(weights, unit);

        assertThat((int) codes[0]).isLessThanOrEqualTo(0xFFFF);
        assertThat(WeightCodes.decode(codes, unit)[0]).isCloseTo(weights[0], within(unit / 2));
    }

    @Test
    void nothingGuaranteedCodesAsZeroAndNoWeightsAsNone() {
        float unit = WeightCodes.unitOf(new float[] {2f, -1f, 0f});
        assertThat(WeightCodes.decode(WeightCodes.encode(new float[] {2f, -1f, 0f}, unit), unit))
                .containsExactly(2f, 0f, 0f);
        assertThat(WeightCodes.unitOf(new float[0])).isEqualTo(1f);
        assertThat(WeightCodes.encode(new float[0], 1f)).isEmpty();
    }
}
