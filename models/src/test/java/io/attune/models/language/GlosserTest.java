package io.attune.models.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.models.math.Vectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlosserTest {

    @TempDir
    Path dir;

    @Test
    void readsTheFirstTranslationOfTheFirstSenseWithoutNotesOrCrossReferences() throws IOException {
        new DictdFiles()
                .entry("Kamera", "camera <n> [photo.], still camera <n>", "   Synonym: {Fotoapparat}", "")
                .entry("Berg", "1. mountain <n>", "2. hill <n>")
                .entry("lassen", "   Note: modal", "let <v>; leave <v>")
                .entry("abfallen", " see: {abfallend}")
                .entry("in den Bergen", "in the mountains")
                .alias("Photoapparat", "Kamera")
                .write(dir, "freedict-deu-eng");

        GlossDictionary german = GlossDictionary.readToEnglish(dir.resolve("freedict-deu-eng"));

        assertThat(german.translate("Kamera")).isEqualTo("camera");
        assertThat(german.translate("kamera")).isEqualTo("camera");
        assertThat(german.translate("Berg")).isEqualTo("mountain");
        assertThat(german.translate("Photoapparat")).as("a second headword of one entry").isEqualTo("camera");
        assertThat(german.translate("lassen")).isEqualTo("let");
        assertThat(german.translate("abfallen")).as("an entry of cross-references only").isNull();
        assertThat(german.translate("in den Bergen")).as("phrases are never looked up").isNull();
        assertThat(german.translate("Fotoapparat")).as("a synonym is not a translation").isNull();
    }

    @Test
    void readsADictionaryFromEnglishBackwards() throws IOException {
        new DictdFiles()
                .entry("doctor", "1. médecin, docteur", "2. toubib")
                .entry("fresh", "frais <adj>")
                .entry("ice cream", "glace")
                .write(dir, "freedict-eng-fra");

        GlossDictionary french = GlossDictionary.readFromEnglish(dir.resolve("freedict-eng-fra"));

        assertThat(french.translate("médecin")).isEqualTo("doctor");
        assertThat(french.translate("docteur")).isEqualTo("doctor");
        assertThat(french.translate("toubib")).isEqualTo("doctor");
        assertThat(french.translate("frais")).isEqualTo("fresh");
        assertThat(french.translate("glace")).as("an English phrase is no gloss for one word").isNull();
    }

    @Test
    void glossesWordByWordThroughInflectionsElisionAndCompounds() {
        Glosser german = new Glosser("de", GlossDictionary.of(Map.of(
                "welche", "which", "Kamera", "camera", "Landschaft", "landscape", "Fotografie", "photography",
                "Berg", "mountain", "für", "for", "in", "in")), null);

        Glosser.Gloss gloss = german.gloss("Welche Kamera für Landschaftsfotografie in den Bergen?");

        assertThat(gloss.text()).isEqualTo("which camera for landscape photography in den mountain ?");
        assertThat(gloss.words()).isEqualTo(7);
        assertThat(gloss.translated()).isEqualTo(6);
        assertThat(gloss.changed()).isTrue();

        Glosser french = new Glosser("fr", GlossDictionary.of(Map.of("hôpital", "hospital")),
                GlossDictionary.of(Map.of("pâte", "pasta", "fraîche", "fresh")));
        assertThat(french.gloss("l'hôpital, des pâtes fraîches à Rome").text())
                .isEqualTo("hospital , des pasta fresh à Rome");
        assertThat(french.gloss("Bonjour Rome").changed()).as("nothing translated").isFalse();
    }

    @Test
    void findsAGlosserByLocaleAndNeverForEnglish() throws IOException {
        new DictdFiles().entry("Kamera", "camera").write(dir, "freedict-deu-eng");
        new DictdFiles().entry("pâtes", "pasta").write(dir, "freedict-fra-eng");
        new DictdFiles().entry("fresh", "frais, fraîche").write(dir, "freedict-eng-fra");
        new DictdFiles().entry("camera", "Kamera").write(dir, "freedict-eng-deu");

        Glossaries glossaries = Glossaries.load(dir);

        assertThat(glossaries.languages()).containsExactly("de", "fr");
        assertThat(glossaries.forLocale("de-CH")).isPresent();
        assertThat(glossaries.forLocale("fr_CA").orElseThrow().gloss("pâtes fraîches").text()).isEqualTo("pasta fresh");
        assertThat(glossaries.forLocale("en")).isEmpty();
        assertThat(glossaries.forLocale("es")).isEmpty();
        assertThat(glossaries.forLocale(null)).isEmpty();
        Glossaries first = Glossaries.acquire(dir);
        assertThat(Glossaries.acquire(dir.resolve("."))).as("one per directory and JVM").isSameAs(first);
        assertThat(Glossaries.references(dir)).isEqualTo(2);
        Glossaries.release(dir);
        Glossaries.release(dir);
        assertThat(Glossaries.references(dir)).isZero();
        assertThat(Glossaries.acquire(dir)).as("read again after the last release").isNotSameAs(first);
        Glossaries.release(dir);
    }

    @Test
    void aDirectoryWithoutDictionariesIntoEnglishIsAnError() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        new DictdFiles().entry("camera", "Kamera").write(dir.resolve("empty"), "freedict-eng-deu");

        assertThatThrownBy(() -> Glossaries.load(dir.resolve("empty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dict-freedict-deu-eng");
    }

    @Test
    void blendIsTheUnitMeanOfTheTwoEmbeddings() {
        float[] blend = Glosser.blend(new float[] {1, 0, 0}, new float[] {0, 1, 0});

        assertThat(Vectors.norm(blend)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(blend[0]).isEqualTo(blend[1]).isGreaterThan(0.7f);
        assertThat(blend[2]).isZero();
    }

    @Test
    void dictdNumbersAreBase64MostSignificantFirst() {
        assertThat(Dictd.number("A")).isZero();
        assertThat(Dictd.number("BA")).isEqualTo(64);
        assertThat(Dictd.number("/")).isEqualTo(63);
        assertThat(Dictd.number(Dictd.digits(123_456_789L))).isEqualTo(123_456_789L);
    }
}
