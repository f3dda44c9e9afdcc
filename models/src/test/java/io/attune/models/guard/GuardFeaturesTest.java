package io.attune.models.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** When a lexicon term stands although an everyday use overlaps it. */
class GuardFeaturesTest {

    private static final Pattern EVERYDAY = TermPatterns.compileEverydayUses(
            List.of("nigerian accent", "sick and tired", "is a saint"));

    @Test
    void aLexiconTermThatHoldsAnEverydayUseWholeStands() {
        Pattern lexicon = TermPatterns.compile(List.of("my nigerian accent"));
        assertThat(GuardFeatures.holdsEverydayUsesWhole(lexicon, EVERYDAY, "they mock my nigerian accent")).isTrue();
    }

    @Test
    void aLexiconTermOnlyPartlyInsideAnEverydayUseIsCut() {
        Pattern lexicon = TermPatterns.compile(List.of("i'm sick"));
        assertThat(GuardFeatures.holdsEverydayUsesWhole(lexicon, EVERYDAY, "i'm sick and tired of my commute")).isFalse();
    }

    @Test
    void aLexiconTermThatIsTheEverydayUseItselfOrLiesInsideItIsCut() {
        assertThat(GuardFeatures.holdsEverydayUsesWhole(TermPatterns.compile(List.of("nigerian accent")), EVERYDAY,
                "read it in a nigerian accent")).isFalse();
        assertThat(GuardFeatures.holdsEverydayUsesWhole(TermPatterns.compile(List.of("saint")), EVERYDAY,
                "my boss is a saint")).isFalse();
    }

    @Test
    void anotherEverydayUseStraddlingTheTermCutsIt() {
        // "is a saint" runs past the term's end, so the term does not hold every use it overlaps.
        Pattern lexicon = TermPatterns.compile(List.of("my nigerian accent is"));
        assertThat(GuardFeatures.holdsEverydayUsesWhole(lexicon, TermPatterns.compileEverydayUses(
                List.of("nigerian accent", "accent is a saint")), "my nigerian accent is a saint")).isFalse();
    }

    @Test
    void withoutEverydayUsesNothingIsHeld() {
        assertThat(GuardFeatures.holdsEverydayUsesWhole(TermPatterns.compile(List.of("my rosary")), null,
                "my rosary")).isFalse();
    }
}
