package io.attune.models.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommonWordsTest {

    private static final CommonWords BUNDLED = CommonWords.bundled();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "increase volume to 4|false",
        "do i need to get milk|false",
        "I didn't get my card, what's going on?|false",
        "Can you text John's wife?|false",
        "ok, set it for 7 am|false",
        // Everyday words newer than SCOWL's common lists (newer-everyday-words.txt)...
        "Why is my ATM withdrawal still pending in the app?|false",
        "how long can pizza stay in the fridge|false",
        "what's the apr on my mastercard|false",
        // ...but not place names: a country can be the whole of a political message.
        "Can I book a flight to Mexico online?|true",
        "What are the uses of Clarithromycin?|true",
        "I think I have a UTI|true",
        // A word asked about (its meaning, its spelling) is the subject of a language question, no rare word...
        "what does the word ataraxy mean|false",
        "i want to know what the word discomfit means|false",
        "what is the meaning of hyperactive|false",
        "how do you spell sanguine|false",
        "use the word ataraxy in a sentence|false",
        // ...but the same word in a statement, or a rare word beside the question, still is.
        "ataraxy is all I want from this retreat|true",
        "what does clarithromycin do to my stomach|true",
        "how do you spell sanguine in the clarithromycin leaflet|true",
        // Addresses name no drug or condition; a rare word beside one still counts.
        "see http://www.oblomovka.com/entries/2002/09/24 for the news|false",
        "i registered mine through easyspace.com last year|false",
        "mail zzzzteana-owner@yahoogroups.com to join|false",
        "the clarithromycin leaflet is at www.example.org/leaflet|true",
        // Every word of another language is outside the English list: such a message gives no rare word.
        "Die Heizung streikt, wen rufe ich an?|false",
        "Das Geheimnis des Erfolges liegt in der Zielstrebigkeit.|false",
        "Necesito ideas para una campaña publicitaria|false",
        "Ich nehme seit gestern Clarithromycin|false",
        "Est-ce que les effets secondaires passent ?|false",
        "ما هي أعراض السكري؟|false",
        // Chinese runs its words together: one run is one word, and a single rare word.
        "糖尿病的症状是什么|true",
        // One rare word, or at least one common word per two rare ones, is an English message naming something.
        "Clarithromycin|true",
        "Clarithromycin dosage for adults|true",
        "is metformin or glipizide better|true",
        "Can seroquel (quetiapine) cause gerd?|true",
        "ibuprofen naproxen acetaminophen|false",
    })
    void findsWordsOutsideTheCommonEnglishOnes(String text, boolean uncommon) {
        assertThat(BUNDLED.hasUncommonWord(CharNgrams.normalize(text))).isEqualTo(uncommon);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "what timezone is boise in|true|false",
        "do i need an international visa to go to south korea|true|false",
        "what shots do i need before traveling to malawi|true|false",
        "how cold is it in finland in march|true|false",
        "What are the uses of Clarithromycin in Kenya?|true|true",
        // Italian's name of Cyprus is the drug, so it stays a rare word.
        "Can I take cipro with milk?|true|true",
    })
    void placeNamesCountAsCommonOnlyWhenAsked(String text, boolean uncommon, boolean besidesPlaces) {
        assertThat(BUNDLED.hasUncommonWord(CharNgrams.normalize(text))).isEqualTo(uncommon);
        assertThat(BUNDLED.hasUncommonWordBesidesPlaces(CharNgrams.normalize(text))).isEqualTo(besidesPlaces);
    }

    @Test
    void theBundledListHoldsCommonWordsNotTechnicalOnes() {
        assertThat(BUNDLED.hasUncommonWord("the doctor said my insulin dose is fine")).isFalse();
        assertThat(BUNDLED.hasUncommonWord("ibuprofen")).isTrue();
        assertThat(BUNDLED.hasUncommonWord("chemotherapy")).isTrue();
    }

    @Test
    void apostrophesAndShortWordsAreHandledWithoutTheBundledList() {
        CommonWords words = new CommonWords(Set.of("did", "john", "card"));
        assertThat(words.hasUncommonWord(CharNgrams.normalize("didn\u2019t"))).isFalse();
        assertThat(words.hasUncommonWord("john's card")).isFalse();
        assertThat(words.hasUncommonWord("can't")).isFalse();
        assertThat(words.hasUncommonWord("cards")).isTrue();
        assertThat(words.hasUncommonWord("'card'")).isFalse();
        assertThat(words.hasUncommonWord("")).isFalse();
    }
}
