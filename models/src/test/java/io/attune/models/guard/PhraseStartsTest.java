package io.attune.models.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseStartsTest {

    @Test
    void aTextWithoutAnyPhrasesFirstWordCannotContainAPhrase() {
        PhraseStarts starts = PhraseStarts.of(List.of("how many", "what's the difference", "sehenswürdigkeit*",
                "explica-me"));
        assertThat(starts.mayContain("how many seats are there")).isTrue();
        // Only the first word is looked up: the pattern itself decides.
        assertThat(starts.mayContain("how are you")).isTrue();
        assertThat(starts.mayContain("so what's new")).isTrue();
        assertThat(starts.mayContain("die sehenswurdigkeiten von rom")).isTrue();
        assertThat(starts.mayContain("explica-me isso")).isTrue();
        assertThat(starts.mayContain("many thanks, showman")).isFalse();
        assertThat(starts.mayContain("")).isFalse();
    }

    @Test
    void aPhraseStartingWithAWildcardLeavesNothingToRuleOut() {
        assertThat(PhraseStarts.of(List.of("how many", "*verkiezingen"))).isNull();
    }

    @Test
    void everyMessageTheAsksPatternFindsPassesTheFirstWords() {
        List<String> phrases = List.of("how many", "combien de", "wie viele", "quiz", "visite guidée", "d'ouverture");
        PhraseStarts starts = PhraseStarts.of(phrases);
        java.util.regex.Pattern asks = TermPatterns.compile(phrases);
        for (String text : List.of("how many senators", "combien de deputes", "ein quiz", "une visite guidee",
                "horaires d'ouverture", "nothing here", "showman", "quizzical")) {
            String normalized = CharNgrams.normalize(text);
            if (asks.matcher(normalized).find()) {
                assertThat(starts.mayContain(normalized)).as(text).isTrue();
            }
        }
    }
}
