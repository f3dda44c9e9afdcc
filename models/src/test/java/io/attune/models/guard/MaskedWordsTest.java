package io.attune.models.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskedWordsTest {

    private static final MaskedWords WORDS = MaskedWords.of(List.of("cancer*", "diabet*", "gay", "muslims",
            "jews", "lesbian*", "faggot*", "depressed", "immigra*", "my {nationality} grandmother", "std", "hiv*", "g*y",
            "go back to your country", "*phobia"));

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // Signs for letters, a star for any one letter, a letter stretched: each followed by the list words it can be.
        "got my c@ncer results;got my c@ncer cancer results",
        "my d1abetes again;my d1abetes diabet again",
        "send the mus|ims back;send the mus|ims muslims back",
        "the j*ws again;the j*ws jews again",
        "les*ians and n*ggers;les*ians lesbian and n*ggers",
        "gaaaay people;gaaaay gay people",
        "sooo depressssed!!!;sooo depressssed!!! depressed",
        "imm1grants,;imm1grants, immigra",
        "the fa*gots;the fa*gots faggot",
        // Nothing a list word could be, or no masked word at all: the text as it was.
        "my p@ssword and h3llo w0rld;my p@ssword and h3llo w0rld",
        "sh*t, noooo, mp3, b2b, covid-19, h1n1, 300;sh*t, noooo, mp3, b2b, covid-19, h1n1, 300",
        // Signs at a word's ends are punctuation or markup, a sign twice is no letter, too many stars say too little.
        "*do* try latin1 4the w00t c@@ncer;*do* try latin1 4the w00t c@@ncer",
        "those fa***ts, f*****g c*****;those fa***ts, f*****g c*****",
        "mail anna.b@example.com or @gaaay_fan #gaaaay;mail anna.b@example.com or @gaaay_fan #gaaaay",
        "nothing masked here;nothing masked here",
    })
    void aMaskedWordIsFollowedByTheListWordsItStandsFor(String normalized, String expected) {
        assertThat(WORDS.spelledOut(normalized)).isEqualTo(expected);
    }

    @Test
    void phrasesSlotsShortWordsAndLeadingWildcardsAreNoWordsToUnmask() {
        // A word of three letters is one ("std"); a stem of three ("hiv*") would stand for too much, a wildcard inside
        // ("g*y"), a phrase or a leading wildcard ("*phobia") is no word at all.
        assertThat(WORDS.spelledOut("s7d and g@y")).isEqualTo("s7d std and g@y gay");
        assertThat(WORDS.spelledOut("h1vpositive")).isEqualTo("h1vpositive");
        assertThat(WORDS.spelledOut("h0m0phobia")).isEqualTo("h0m0phobia");
        assertThat(MaskedWords.NONE.spelledOut("c@ncer")).isEqualTo("c@ncer");
    }
}
