package io.attune.models.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MedicalVocabularyBuilderTest {

    private static final List<String> CATEGORIES =
            List.of("HEALTH", "RELIGION", "SEXUAL_ORIENTATION", "RACE_ETHNICITY", "POLITICS");

    @Test
    void keepsTheClinicsWordsThatNoEverydayListHas() {
        List<String> english = List.of("diclofenac", "bruxism", "hematocrit", "tumor", "accomodation", "Lemieux",
                "Seroquel", "ileum", "pneumo-thorax", "fibrosa", "diclofenac");
        List<String> german = List.of("Tizanidin", "tizanidin", "Behandlung", "Ikterus", "bruxism", "Hyperkalzämie");
        Set<String> everydayEnglish = Set.of("tumor", "accommodation", "hematocrit");
        Set<String> otherLanguages = Set.of("behandlung", "fibrosa");

        Map<String, Map<String, String>> kept =
                MedicalVocabularyBuilder.build(english, german, everydayEnglish, otherLanguages);

        // "tumor" and "hematocrit" are everyday English (SCOWL), "accomodation" is one letter from a common word,
        // "Lemieux" and "Seroquel" are capitalised (names), "ileum" is too short, "pneumo-thorax" not one word,
        // "fibrosa" another language's word; a word listed twice is kept once.
        assertThat(kept.get("en")).containsOnlyKeys("bruxism", "diclofenac");
        // German keeps its capitalised nouns, prefers that spelling of a word listed both ways, leaves out what the
        // English part has and what a German word list has ("Behandlung" is any treatment); matching ignores accents.
        assertThat(kept.get("de")).containsOnlyKeys("tizanidin", "ikterus", "hyperkalzamie");
        assertThat(kept.get("de").get("tizanidin")).isEqualTo("Tizanidin");
        assertThat(kept.get("de").get("hyperkalzamie")).isEqualTo("Hyperkalzämie");
    }

    @Test
    void misspellingsAreOneEditFromACommonWord() {
        Set<String> common = Set.of("accommodation", "turmeric", "miniature", "receive");

        assertThat(MedicalVocabularyBuilder.oneEditFrom("accomodation", common)).isTrue();   // a letter left out
        assertThat(MedicalVocabularyBuilder.oneEditFrom("tumeric", common)).isTrue();
        assertThat(MedicalVocabularyBuilder.oneEditFrom("miniaturre", common)).isTrue();    // one too many
        assertThat(MedicalVocabularyBuilder.oneEditFrom("recieve", common)).isTrue();       // two swapped
        assertThat(MedicalVocabularyBuilder.oneEditFrom("receibe", common)).isTrue();       // one replaced
        assertThat(MedicalVocabularyBuilder.oneEditFrom("bruxism", common)).isFalse();
        assertThat(MedicalVocabularyBuilder.oneEditFrom("recievd", common)).isFalse();      // two edits
    }

    @Test
    void readsHunspellDictionariesInEitherEncoding(@TempDir Path dir) throws Exception {
        Path utf8 = dir.resolve("en.dic");
        Files.writeString(utf8, "3\n    This is the dictionary file\nhematocrit/S\ndiclofenac\n", StandardCharsets.UTF_8);
        Path latin1 = dir.resolve("de.dic");
        Files.write(latin1, "2\nHyperkalzämie/Pm\nTizanidin\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(MedicalVocabularyBuilder.readDictionary(utf8)).containsExactly("hematocrit", "diclofenac");
        assertThat(MedicalVocabularyBuilder.readDictionary(latin1)).containsExactly("Hyperkalzämie", "Tizanidin");
    }

    @Test
    void readsScowlUpToItsLargeDictionarySize(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("english-words.35"), "tumor\nvaccine\n");
        Files.writeString(dir.resolve("english-words.70"), "hematocrit\n");
        Files.writeString(dir.resolve("english-words.80"), "diclofenac\n");
        Files.writeString(dir.resolve("README"), "not a list\n");

        assertThat(MedicalVocabularyBuilder.readScowl(dir)).containsExactlyInAnyOrder("tumor", "vaccine", "hematocrit");
    }

    @Test
    void readsScowlsNamesOfEverySize(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("english-proper-names.95"), "Cochrane\nSternberg\n");
        Files.writeString(dir.resolve("english-words.95"), "bruxism\n");

        assertThat(MedicalVocabularyBuilder.readScowlNames(dir)).containsExactlyInAnyOrder("cochrane", "sternberg");
    }

    @Test
    void hunspellAcceptsInflectionsTheWordListsLack() throws Exception {
        // A measurement of the machine's spelling dictionaries, not of Attune's code: skipped where Hunspell's
        // English dictionary is not installed (Debian: hunspell hunspell-en-us).
        assumeTrue(Files.isRegularFile(Path.of("/usr/share/hunspell/en_US.dic")) && hunspellRuns());

        assertThat(MedicalVocabularyBuilder.acceptedByHunspell("en_US", List.of("doctors", "headaches", "diclofenac",
                "bruxism"))).containsExactlyInAnyOrder("doctors", "headaches");
    }

    private static boolean hunspellRuns() {
        try {
            return new ProcessBuilder("hunspell", "-v").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void bundledMedicalWordsCountAsHealthVocabulary() {
        TopicVocabulary bundled = TopicVocabulary.bundled(CATEGORIES);

        for (String text : List.of("Is diclofenac safe to use for a longer period?",
                "What does bruxism do to the teeth in the long run?",
                "Ich nehme seit zwei Wochen Tizanidin und bin ständig müde",
                "How long should I wait on fluvoxamine before it helps?")) {
            assertThat(bundled.hits(text)[0]).as(text).isPositive();
        }
        // Everyday words and names the medical dictionaries also spell stay out.
        for (String text : List.of("Can you recommend a good turmeric latte recipe?",
                "Lemieux scored twice for Pittsburgh tonight", "Die Behandlung meiner Reklamation dauert ewig")) {
            assertThat(bundled.hits(text)[0]).as(text).isZero();
        }
    }
}
