package io.attune.models.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.models.language.Dictd;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DingVocabularyBuilderTest {

    private static final List<String> CATEGORIES =
            List.of("HEALTH", "RELIGION", "SEXUAL_ORIENTATION", "RACE_ETHNICITY", "POLITICS");

    private static final Map<String, String> ENGLISH = Map.of("cerebrovascular accident", "HEALTH",
            "diabetes", "HEALTH", "cancer", "HEALTH", "baptism", "RELIGION", "election", "POLITICS",
            "trade union", "POLITICS", "intragastric", "HEALTH", "prayer", "RELIGION", "plague", "HEALTH");

    /** Entries as Ding writes them for dictd: a headword line, then one line of translations and tags. */
    private static final List<String> ENTRIES = List.of(
            "Schlaganfall /ʃlˈɑɡanfˌal/ <masc, n, sg>\nstroke <n> [apoplectic] , cerebrovascular accident <n>CVA,"
                    + "  /tsˌeːfˌaʊˈɑː/ , cerebral apoplexy <n>\n",
            "Zuckerkrankheit /tsˈʊkɜkɾˌaŋkhaɪt/ <fem, n, sg>\ndiabetes <n>, sugar disease <n>\n   Synonyms: {Diabetes}\n",
            "Krebs /kɾˈeːps/ <masc, n, sg>\n [astrol.] Cancer <n>\n",
            "Krebs /kɾˈeːps/ <masc, n, sg>\n [ugs.]  [med.] cancer <n>\n",
            "Wahl /vˈɑːl/ <fem, n, sg>\n [pol.] election <n>\n",
            "Wahl /vˈɑːl/ <fem, n, sg>\nchoice <n>\n",
            "Gewerkschaft /ɡəvˈɛɾkʃaft/ <fem, n, sg>\ntrade union <n>TU,  /tˈuː/ , labor union <n> [Am.] \n",
            "Taufe /tˈaʊfə/ <fem, n, sg>\nbaptism <n>\n",
            "im Magen\nintragastric <adj> [med.]\n",
            "Gebet /ɡeːbˈeːt/ <neut, n, sg>\n [relig.] prayer <n>\n",
            "Pest /pɛst/ <fem, n, sg>\nplague <n>\n");

    @Test
    void keepsWordsWhoseEverySenseTranslatesIntoOneCategory(@TempDir Path dir) throws IOException {
        List<DingVocabularyBuilder.Entry> entries = readBack(dir);

        Map<String, String[]> kept = DingVocabularyBuilder.build(entries, ENGLISH, Set.of("gebet"));

        // Krebs is also a star sign (a sense tagged with another field), Wahl also a choice (a sense with no topic
        // translation), "im Magen" a phrase built on a preposition, Gebet a Dutch word, Pest too short (four letters).
        assertThat(kept).containsOnlyKeys("schlaganfall", "zuckerkrankheit", "gewerkschaft", "taufe");
        assertThat(kept.get("schlaganfall")).containsExactly("HEALTH", "Schlaganfall", "cerebrovascular accident");
        assertThat(kept.get("gewerkschaft")).containsExactly("POLITICS", "Gewerkschaft", "trade union");
        assertThat(kept.get("taufe")).containsExactly("RELIGION", "Taufe", "baptism");
    }

    @Test
    void keepsEnglishWordsTheDictionaryFilesUnderMedicineAlone() {
        List<DingVocabularyBuilder.Entry> entries = List.of(
                new DingVocabularyBuilder.Entry("catatonia", "Katatonie <fem> [med.]"),
                new DingVocabularyBuilder.Entry("heart rate", "Herzfrequenz <fem>, Puls <masc> [med.]"),
                new DingVocabularyBuilder.Entry("stroke", "Schlaganfall <masc> [med.]"),
                new DingVocabularyBuilder.Entry("stroke", "Anschlag <masc>"),
                new DingVocabularyBuilder.Entry("enzyme", "Enzym <neut> [biochem.]  [med.]"),
                new DingVocabularyBuilder.Entry("transfer from", "Verlegung aus <fem> [med.]"),
                new DingVocabularyBuilder.Entry("braindead", "hirntot <adj> [med.]"),
                new DingVocabularyBuilder.Entry("retinal", "Netzhaut… [anat.]"),
                new DingVocabularyBuilder.Entry("ulna", "Elle <fem> [anat.]"));

        Map<String, String[]> kept = DingVocabularyBuilder.buildClinical(entries, Set.of("retinal"), Set.of("braindead"));

        // "stroke" is also a typewriter's stroke (a sense filed under no field), "enzyme" also biochemistry, "transfer
        // from" a fragment, "braindead" everyday English, "retinal" already an English term, "ulna" too short.
        assertThat(kept).containsOnlyKeys("catatonia", "heart rate");
        assertThat(kept.get("heart rate")).containsExactly("HEALTH", "heart rate", "med.");
    }

    @Test
    void readsTranslationsAsTheWordsBeforeTheirGrammaticalMarks() {
        assertThat(DingVocabularyBuilder.translations(
                " [ugs.]  [med.] cancer <n>, cerebrovascular accident <n>CVA,  /tsˌeːfˌaʊˈɑː/ , labor union <n> [Am.] "))
                .containsExactly("cancer", "cerebrovascular accident", "labor union");
        assertThat(DingVocabularyBuilder.headword("Schlaganfall /ʃlˈɑɡanfˌal/ <masc, n, sg>")).isEqualTo("Schlaganfall");
        assertThat(Dictd.number("BNjD4")).isEqualTo(((((1L * 64 + 13) * 64 + 35) * 64 + 3) * 64) + 56);
    }

    @Test
    void bundledDictionaryWordsCountAsTopicVocabulary() {
        TopicVocabulary bundled = TopicVocabulary.bundled(CATEGORIES);

        assertThat(bundled.hits("Seit dem Bandscheibenvorfall kann ich kaum noch sitzen")[0]).isPositive();
        assertThat(bundled.hits("Meine Mutter hat Zuckerkrankheit")[0]).isPositive();
        assertThat(bundled.hits("Die Taufe ist am Sonntag")[1]).isPositive();
        assertThat(bundled.hits("Ich bin in der Gewerkschaft")[4]).isPositive();
        assertThat(bundled.hits("What is the difference between catatonia and emotional unavailability?")[0])
                .isPositive();
        // Everyday German the dictionary's senses or the word list rule out.
        assertThat(bundled.hits("Wie verhält sich der Zug bei Sturm?")).containsOnly(0f);
        assertThat(bundled.hits("Das liegt mir schwer im Magen")).containsOnly(0f);
        assertThat(bundled.hits("Ich habe die Wahl zwischen zwei Jobs")).containsOnly(0f);
    }

    /** Writes the entries as a dictd dictionary (gzip data, base-64 index) and reads them back as the builder does. */
    private static List<DingVocabularyBuilder.Entry> readBack(Path dir) throws IOException {
        StringBuilder index = new StringBuilder();
        byte[] data;
        try (var bytes = new java.io.ByteArrayOutputStream()) {
            for (String entry : ENTRIES) {
                byte[] encoded = entry.getBytes(StandardCharsets.UTF_8);
                String headword = entry.substring(0, entry.indexOf('\n')).split(" /")[0].toLowerCase();
                index.append(headword).append('\t').append(Dictd.digits(bytes.size())).append('\t')
                        .append(Dictd.digits(encoded.length)).append('\n');
                bytes.write(encoded);
            }
            data = bytes.toByteArray();
        }
        Path dict = dir.resolve("test.dict.dz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dict))) {
            out.write(data);
        }
        Path indexFile = dir.resolve("test.index");
        Files.writeString(indexFile, index.toString());
        return new ArrayList<>(DingVocabularyBuilder.readEntries(indexFile, dict));
    }
}
