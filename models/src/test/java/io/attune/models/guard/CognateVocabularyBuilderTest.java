package io.attune.models.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CognateVocabularyBuilderTest {

    private static final List<String> CATEGORIES =
            List.of("HEALTH", "RELIGION", "SEXUAL_ORIENTATION", "RACE_ETHNICITY", "POLITICS");

    @Test
    void carriesLearnedWordsOverOnlyWhereTheLanguageHasTheWord() {
        Map<String, String> english = new LinkedHashMap<>();
        english.put("epilepsy", "HEALTH");
        english.put("pharmacy", "HEALTH");
        english.put("penicillin", "HEALTH");
        english.put("fever", "HEALTH");
        english.put("socialism", "POLITICS");
        english.put("election", "POLITICS");
        Map<String, Map<String, String>> wordLists = new LinkedHashMap<>();
        wordLists.put("fr", Map.of("epilepsie", "épilepsie", "pharmacie", "pharmacie", "fievre", "fièvre"));
        wordLists.put("de", Map.of("epilepsie", "Epilepsie", "sozialismus", "Sozialismus"));
        wordLists.put("es", Map.of("epilepsia", "epilepsia", "farmacia", "farmacia", "eleccion", "elección"));
        wordLists.put("it", Map.of("farmacia", "farmacia", "penicillina", "Penicillina"));
        wordLists.put("pt", Map.of());
        wordLists.put("nl", Map.of());

        Map<String, Map<String, Set<String>>> cognates =
                CognateVocabularyBuilder.build(english, wordLists, new CommonWords(Set.of("the")));

        // Endings and spellings ("-y" is "-ie" or "-ia", "ph" is "f") are tried, the word lists decide; a word
        // spelled alike in two languages is one entry, and German's "Epilepsie" is French's "épilepsie" once
        // accents and case are ignored.
        assertThat(cognates.get("HEALTH")).containsOnlyKeys("épilepsie", "epilepsia", "pharmacie", "farmacia");
        assertThat(cognates.get("HEALTH").get("farmacia")).containsExactly("es:pharmacy", "it:pharmacy");
        // Sozialismus: "-ism" is "-ismus" in German. "elección" is any choice in Spanish, "Penicillina" is a
        // name in the list (capitalised outside German), "fever" is too short to carry over.
        assertThat(cognates.get("POLITICS")).containsOnlyKeys("Sozialismus");
    }

    @Test
    void bundledCognatesCountAsTopicVocabulary() {
        TopicVocabulary bundled = TopicVocabulary.bundled(CATEGORIES);

        for (String text : List.of("J'ai une tendinite au poignet depuis des semaines",
                "Sie hat Osteoporose", "Tengo faringitis desde el lunes", "ho una tonsillite")) {
            assertThat(bundled.hits(text)[0]).as(text).isPositive();
        }
        assertThat(bundled.hits("Was hältst du vom Sozialismus?")[4]).isPositive();
        assertThat(bundled.hits("Je m'intéresse au jaïnisme")[1]).isPositive();
        // Everyday words the rules could have made: "elección" (a choice), "Kongress" (any conference).
        assertThat(bundled.hits("La elección del vino para la cena")).containsOnly(0f);
        assertThat(bundled.hits("Der Kongress für Zahnärzte beginnt morgen")[4]).isZero();
    }
}
