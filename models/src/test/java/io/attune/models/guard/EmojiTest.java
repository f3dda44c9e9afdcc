package io.attune.models.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmojiTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Proud \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08 and not hiding|Proud \uD83C\uDFF3\u200D\uD83C\uDF08 lgbt and not hiding",
        // A kiss of two women is read as such, not as the couple with a heart it begins like; skin tones do not matter.
        "\uD83D\uDC69\uD83C\uDFFD\u200D\u2764\uFE0F\u200D\uD83D\uDC8B\u200D\uD83D\uDC69\uD83C\uDFFB|\uD83D\uDC69\u200D\u2764\u200D\uD83D\uDC8B\u200D\uD83D\uDC69 lesbian",
        "Friday \u262A\uFE0F then lunch|Friday \u262A muslim then lunch",
        "Sunday \u271D|Sunday \u271D christian",
        // A man and a woman, the plain rainbow, praying hands: no topic, and the text is left as it was.
        "Me and my husband \uD83D\uDC69\u200D\u2764\uFE0F\u200D\uD83D\uDC68 \uD83C\uDF08 \uD83D\uDE4F|Me and my husband \uD83D\uDC69\u200D\u2764\uFE0F\u200D\uD83D\uDC68 \uD83C\uDF08 \uD83D\uDE4F",
        "no emoji at all|no emoji at all",
    })
    void aTopicEmojiIsFollowedByItsWords(String text, String expected) {
        assertThat(Emoji.spelledOut(text)).isEqualTo(expected);
    }
}
