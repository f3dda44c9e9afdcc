package io.attune.models.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashtagsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Basta così #StopInvasione #PrimaGliItaliani|Basta così #StopInvasione Stop Invasione #PrimaGliItaliani Prima Gli Italiani",
        "Mein Mann und ich #EheFürAlle|Mein Mann und ich #EheFürAlle Ehe Für Alle",
        "#LGBTQRights now|#LGBTQRights LGBTQ Rights now",
        "day 12 #Covid19 #stay_home|day 12 #Covid19 Covid 19 #stay_home stay home",
        "#FierDÊtreMusulman|#FierDÊtreMusulman Fier D Être Musulman",
        // One case: where the words end cannot be told, so the tag stays as written.
        "#stopislam #BLM #grammarnazi|#stopislam #BLM #grammarnazi",
        // Not hashtags: a mention, an anchor inside a word, a number sign.
        "@SaraBlack links page.html#SectionTwo, room #12|@SaraBlack links page.html#SectionTwo, room #12",
        "no tag at all|no tag at all",
    })
    void camelCaseHashtagsAreSpelledOutAsWords(String text, String expected) {
        assertThat(Hashtags.spelledOut(text)).isEqualTo(expected);
    }
}
