package io.attune.models.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.embedding.EmbeddingModel;
import io.attune.models.embedding.TextEmbedder;
import io.attune.models.math.Vectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real model and the real FreeDict dictionaries (Debian {@code dict-freedict-deu-eng}, {@code -fra-eng},
 * {@code -spa-eng} and their {@code -eng-*} counterparts, which {@code .ci/run} installs): twenty everyday requests
 * written in English, German, French and Spanish, each about one of twenty English catalog items. A request should
 * find its item first among the twenty; in another language, glossed and blended as the job does, it should do so
 * far more often than as written. The same items written in German, French and Spanish (as an app in that language
 * would list them, written before any measurement) should be found far more often when they too are glossed.
 */
class CrossLingualInterestTest {

    private static final Path SYSTEM_DICTIONARIES = Glossaries.SYSTEM_DIRECTORY;

    private static final java.util.Map<String, Integer> FLOORS = java.util.Map.of("de", 16, "fr", 17, "es", 11);
    private static final java.util.Map<String, Integer> CATALOG_FLOORS =
            java.util.Map.of("de", 58, "fr", 66, "es", 64);

    private static EmbeddingModel model;
    private static TextEmbedder embedder;
    private static List<JsonObject> rows;
    private static List<float[]> items;

    @BeforeAll
    static void load() throws IOException {
        model = EmbeddingModel.load(EmbeddingConfig.defaults());
        embedder = model.newEmbedder();
        rows = new ArrayList<>();
        try (InputStream in = CrossLingualInterestTest.class.getResourceAsStream("/language/parallel-interests.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    rows.add(JsonParser.parseString(line).getAsJsonObject());
                }
            }
        }
        items = embedder.embedAll(rows.stream().map(row -> row.get("item").getAsString()).toList());
    }

    @AfterAll
    static void close() {
        embedder.close();
        model.close();
    }

    @Test
    void englishRequestsFindTheirItems() {
        int found = found(embedder.embedAll(texts("en")));
        System.out.printf("en: %d of %d requests find their item%n", found, rows.size());
        assertThat(found).isGreaterThanOrEqualTo(18);
    }

    @Test
    void requestsInOtherLanguagesFindTheirItemsFarMoreOftenGlossed() {
        assumeDictionaries();
        Glossaries glossaries = Glossaries.acquire(SYSTEM_DICTIONARIES);
        for (String language : List.of("de", "fr", "es")) {
            int asWritten = found(embedder.embedAll(texts(language)));
            int asBlended = found(blended(glossaries, language, texts(language)));
            System.out.printf("%s: %d of %d requests find their item as written, %d glossed and blended%n",
                    language, asWritten, rows.size(), asBlended);
            // Measured once when the requests were written (as written / blended): German 8 / 17, French 13 / 18,
            // Spanish 7 / 12 (FreeDict's Spanish holds a few thousand words). Floors one below.
            assertThat(asBlended).as(language).isGreaterThanOrEqualTo(asWritten + 4)
                    .isGreaterThanOrEqualTo(FLOORS.get(language));
        }
        Glossaries.release(SYSTEM_DICTIONARIES);
    }

    @Test
    void catalogsInOtherLanguagesAreFoundFarMoreOftenGlossed() {
        assumeDictionaries();
        Glossaries glossaries = Glossaries.acquire(SYSTEM_DICTIONARIES);
        // The requests as the job embeds them: English as written, the others blended with their gloss.
        java.util.Map<String, List<float[]>> requests = new java.util.LinkedHashMap<>();
        requests.put("en", embedder.embedAll(texts("en")));
        for (String language : List.of("de", "fr", "es")) {
            requests.put(language, blended(glossaries, language, texts(language)));
        }
        for (String language : List.of("de", "fr", "es")) {
            List<float[]> written = embedder.embedAll(texts("item_" + language));
            List<float[]> blend = blended(glossaries, language, texts("item_" + language));
            int asWritten = 0;
            int asBlended = 0;
            for (var request : requests.entrySet()) {
                int w = found(request.getValue(), written);
                int b = found(request.getValue(), blend);
                System.out.printf("catalog in %s, requests in %s: %d of %d find their item as written, %d glossed"
                        + " and blended%n", language, request.getKey(), w, rows.size(), b);
                asWritten += w;
                asBlended += b;
            }
            // Measured once when the items were written, over the four request languages (of 80; as written /
            // blended): German catalog 32 / 60, French 51 / 68, Spanish 58 / 66. Floors two below.
            assertThat(asBlended).as(language).isGreaterThanOrEqualTo(asWritten + 5)
                    .isGreaterThanOrEqualTo(CATALOG_FLOORS.get(language));
        }
        Glossaries.release(SYSTEM_DICTIONARIES);
    }

    private static void assumeDictionaries() {
        for (String language : List.of("de", "fr", "es")) {
            assumeTrue(Files.exists(SYSTEM_DICTIONARIES.resolve(
                            "freedict-" + new Locale(language).getISO3Language() + "-eng.index")),
                    "apt-get install dict-freedict-deu-eng dict-freedict-fra-eng dict-freedict-spa-eng"
                            + " dict-freedict-eng-fra dict-freedict-eng-spa (.ci/run does)");
        }
    }

    private static List<float[]> blended(Glossaries glossaries, String language, List<String> texts) {
        Glosser glosser = glossaries.forLocale(language).orElseThrow();
        List<float[]> written = embedder.embedAll(texts);
        List<float[]> glosses = embedder.embedAll(texts.stream().map(t -> glosser.gloss(t).text()).toList());
        List<float[]> blended = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            blended.add(Glosser.blend(written.get(i), glosses.get(i)));
        }
        return blended;
    }

    private static List<String> texts(String language) {
        return rows.stream().map(row -> row.get(language).getAsString()).toList();
    }

    /** How many requests rank their own item first among all items. */
    private static int found(List<float[]> requests) {
        return found(requests, items);
    }

    private static int found(List<float[]> requests, List<float[]> items) {
        int found = 0;
        for (int r = 0; r < requests.size(); r++) {
            int best = 0;
            for (int i = 1; i < items.size(); i++) {
                if (Vectors.dot(requests.get(r), items.get(i)) > Vectors.dot(requests.get(r), items.get(best))) {
                    best = i;
                }
            }
            found += best == r ? 1 : 0;
        }
        return found;
    }
}
