package io.attune.models.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Building the topic vocabulary from WordNet's files, and matching it in text. */
class TopicVocabularyTest {

    @Test
    void keepsLemmasWhoseMostFrequentSenseIsInTheTopic() throws Exception {
        Path dict = Path.of(getClass().getResource("/guard/wordnet/data.noun").toURI()).getParent();

        Map<String, Set<String>> vocabulary = TopicVocabularyBuilder.build(dict, Map.of("HEALTH", List.of("disease 1")));

        // "attack" is mostly an offensive, "flare" mostly a verb, "flu" too short to be safe across languages.
        assertThat(vocabulary.get("HEALTH")).containsExactlyInAnyOrder("disease", "stroke", "apoplexy", "heat stroke");
    }

    @Test
    void countsTermsPerCategoryIncludingPluralsAndPhrases() {
        TopicVocabulary vocabulary = new TopicVocabulary(
                Map.of("metformin", 0, "heat stroke", 0, "allergy", 0, "sacrament", 1), List.of("HEALTH", "RELIGION"));

        assertThat(vocabulary.hits("Is Metformin safe after a heat-stroke? My allergies are bad"))
                .containsExactly(1f, 0f);
        assertThat(vocabulary.hits("Which sacraments come first?")).containsExactly(0f, 1f / 3);
        assertThat(vocabulary.hits("Book a table for two")).containsExactly(0f, 0f);
    }

    @Test
    void placesCountAsHitsButFlagNothing() {
        TopicVocabulary vocabulary = new TopicVocabulary(Map.of("basilica", 1, "sacrament", 1, "pharmacy", 0),
                List.of("HEALTH", "RELIGION"), Set.of("basilica", "pharmacy"));

        assertThat(vocabulary.hits("Two basilicas and a pharmacy")).containsExactly(1f / 3, 1f / 3);
        assertThat(vocabulary.flagsOfNormalized("two basilicas and a pharmacy")).containsExactly(false, false);
        assertThat(vocabulary.flagsOfNormalized("a sacrament in the basilica")).containsExactly(false, true);
        assertThat(vocabulary.isPlace(" Pharmacies ")).isTrue();
        assertThat(vocabulary.isPlace("sacrament")).isFalse();
    }

    @Test
    void bundledPlacesAreNamedPlacesNotTheTopicsOwnWords() {
        List<String> categories = List.of("HEALTH", "RELIGION", "SEXUAL_ORIENTATION", "RACE_ETHNICITY", "POLITICS");
        TopicVocabulary bundled = TopicVocabulary.bundled(categories);

        assertThat(bundled.isPlace("cathédrale")).isTrue();
        assertThat(bundled.isPlace("Apotheke")).isTrue();
        assertThat(bundled.isPlace("Assemblée nationale")).isTrue();
        // The topic's own words are no places: a rite, a drug, an ideology.
        assertThat(bundled.isPlace("baptism")).isFalse();
        assertThat(bundled.isPlace("metformin")).isFalse();
        assertThat(bundled.isPlace("socialism")).isFalse();
        assertThat(bundled.flagsOfNormalized("on va visiter la cathedrale de chartres")).containsOnly(false);
    }

    @Test
    void bundledVocabularyLeavesEverydayWordsOut() {
        List<String> categories = List.of("HEALTH", "RELIGION", "SEXUAL_ORIENTATION", "RACE_ETHNICITY", "POLITICS");
        TopicVocabulary bundled = TopicVocabulary.bundled(categories);

        assertThat(bundled.hits("Throw a birthday party with my union friends at the cold lake"))
                .containsOnly(0f);
        assertThat(bundled.hits("My metformin dose was raised")[0]).isPositive();
        assertThat(bundled.hits("Where can I attend a baptism?")[1]).isPositive();
    }

    @Test
    void bundledVocabularyLeavesOutCommonWordsWhoseEverydaySenseComesFirst() {
        List<String> categories = List.of("HEALTH", "RELIGION", "SEXUAL_ORIENTATION", "RACE_ETHNICITY", "POLITICS");
        TopicVocabulary bundled = TopicVocabulary.bundled(categories);

        // WordNet lists a topic sense first for each of these; in a request the everyday one is meant.
        for (String text : List.of("bravo, well done team", "best wilderness hiking trails near me",
                "help my kid learn the multiplication tables", "how long does fermentation of beer take",
                "bridal shower ideas", "recipe for cheese blintzes", "what is the best kissing scene",
                "traffic congestion on the bridge", "restorative yoga classes", "curate a playlist for me",
                "should I get my cat spayed or is spaying too early", "a roller coaster of a week",
                "my dog has the creeps", "which primate is the smartest")) {
            assertThat(bundled.hits(text)).as(text).containsOnly(0f);
        }
        // Names and languages that came with a faith's topic domain, and a plant's disease.
        for (String text : List.of("translate this to hindi", "is sanskrit hard to learn",
                "books by gabriel garcia marquez", "quotes by ambrose bierce", "how far are the pleiades",
                "my potatoes have dry rot", "the apple blight is back")) {
            assertThat(bundled.hits(text)).as(text).containsOnly(0f);
        }
        assertThat(bundled.hits("my chemotherapy starts on monday")[0]).isPositive();
        assertThat(bundled.hits("what is a sacrament")[1]).isPositive();
    }

    @Test
    void bundledVocabularyHoldsInfectionsAndOtherIllHealth() {
        List<String> categories = List.of("HEALTH", "RELIGION", "SEXUAL_ORIENTATION", "RACE_ETHNICITY", "POLITICS");
        TopicVocabulary bundled = TopicVocabulary.bundled(categories);

        // Infections sit below "ill health" in WordNet, not below "disease": the roots once left them out.
        for (String text : List.of("Is malaria more common in hotter areas?", "How is a stomach ulcer treated?",
                "Can sepsis come back?", "Does tetanus need a booster?")) {
            assertThat(bundled.hits(text)[0]).as(text).isPositive();
        }
        // The same part of WordNet holds words whose everyday sense comes first: a dish, glue, a bathtub.
        assertThat(bundled.hits("How long do I grill a chicken breast? Which glue has the best adhesion for a "
                + "clawfoot tub? I keep wasting time")).containsOnly(0f);
    }

    @Test
    void otherLanguagesCountInTheSameFeatures() {
        List<String> categories = List.of("HEALTH", "RELIGION", "SEXUAL_ORIENTATION", "RACE_ETHNICITY", "POLITICS");
        TopicVocabulary bundled = TopicVocabulary.bundled(categories);

        assertThat(bundled.hits("Welche Nebenwirkungen hat das?")[0]).isPositive();
        assertThat(bundled.hits("¿A qué hora es la misa en la parroquia?")[1]).isPositive();
        assertThat(bundled.hits("Il sindacato ha indetto uno sciopero")[4]).isPositive();
        // Words of a topic that are everyday words too stay out: "ich glaube" (I think), "die linke Hand",
        // "je vous en prie", "à droite".
        assertThat(bundled.hits("Ich glaube, die linke Hand tut nichts. Je vous en prie, à droite"))
                .containsOnly(0f);
    }
}
