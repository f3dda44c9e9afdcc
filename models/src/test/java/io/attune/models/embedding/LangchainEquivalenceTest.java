package io.attune.models.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.attune.models.math.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Attune's DJL embedder computes the same sentence embedding as langchain4j's own all-MiniLM-L6-v2 model
 * (ONNX Runtime directly, mean pooling, L2 norm), for varied inputs: English, French, German, emoji, long.
 *
 * <p>langchain4j keeps the 128-token truncation written in the model's tokenizer.json, so long inputs are
 * compared with Attune truncating at 128 too (Attune's default is 256: it sees more of a long message).
 */
class LangchainEquivalenceTest {

    static List<String> sentences() {
        List<String> s = new ArrayList<>(List.of(
                "What are the best trail running shoes for muddy hills?",
                "Recommend me some jazz albums for a rainy evening",
                "How do I transfer money to my savings account?",
                "set an alarm for 7 am",
                "Can you summarize this article about electric cars?",
                "What's the weather like in Lisbon this weekend?",
                "Write a haiku about autumn leaves",
                "how long should I boil an egg",
                "Find me a cheap flight to Tokyo in March",
                "Explain quantum entanglement like I'm five",
                "Which camera is better for landscape photography, full frame or APS-C?",
                "I need a gift idea for my sister who loves gardening",
                "translate 'good morning' into Japanese",
                "what's a good beginner guitar",
                "Tell me a joke",
                "Quelles sont les meilleures chaussures de trail pour la boue ?",
                "Recommande-moi des albums de jazz pour une soirée pluvieuse",
                "Comment faire une pâte à pizza maison ?",
                "Où partir en vacances au soleil en février ?",
                "Je cherche un roman policier captivant",
                "Peux-tu m'aider à écrire une lettre de motivation ?",
                "Welche Laufschuhe eignen sich für matschige Trails?",
                "Empfiehl mir ein paar Jazz-Alben für einen Regenabend",
                "Wie backe ich ein gutes Sauerteigbrot?",
                "Wo kann ich in Berlin gut frühstücken?",
                "Was ist der Unterschied zwischen einem E-Bike und einem Pedelec?",
                "Ich suche ein spannendes Brettspiel für vier Personen",
                "¿Cuáles son los mejores destinos para hacer senderismo en España?",
                "Recomiéndame una serie de ciencia ficción",
                "Quali sono i migliori ristoranti di pesce a Napoli?",
                "🏃‍♀️🌲 trail run this morning!!! 🔥🔥",
                "🎷🎶 jazz night?",
                "I ❤️ pizza 🍕 and pasta 🍝",
                "ok",
                "?",
                "Is it worth upgrading from a Kindle Paperwhite to an Oasis?",
                "The quick brown fox jumps over the lazy dog.",
                "ALL CAPS MESSAGE ABOUT FOOTBALL SCORES",
                "numbers 12345 67890 and symbols #$%&*()",
                "https://example.com/some/path?query=1 check this link",
                "lol idk what to cook tonight tbh",
                "Can u recommend sth 4 my trip 2 Paris",
                "My cat keeps knocking things off the table, any tips?",
                "What's the difference between a latte and a flat white?",
                "Help me plan a 3-day itinerary in Rome with kids"));
        s.add("I am training for my first ultramarathon next spring. ".repeat(12));
        s.add(("Long message about planning a wedding in the countryside with a small budget, "
                + "a rustic barn venue, local flowers, a string quartet and a vegetarian menu. ").repeat(8));
        s.add("Ein sehr langer Text über Bergwandern in den Alpen mit Hütten, Gipfeln und Seen. ".repeat(15));
        s.add("Un très long message sur la cuisine provençale, la ratatouille et les herbes. ".repeat(15));
        s.add("emoji 🎉 ".repeat(60));
        return s;
    }

    @Test
    void matchesLangchain4jToCosine0_9999On50VariedSentences() {
        List<String> sentences = sentences();
        assertThat(sentences).hasSize(50);
        EmbeddingConfig config = EmbeddingConfig.defaults().withMaxTokens(128);
        // DJL must create the process's ORT environment before langchain4j does (see EmbeddingModel.load).
        try (EmbeddingModel model = EmbeddingModel.load(config); TextEmbedder attune = model.newEmbedder()) {
            AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();
            List<float[]> batched = attune.embedAll(sentences);
            for (int i = 0; i < sentences.size(); i++) {
                String text = sentences.get(i);
                float[] expected = reference.embed(TextSegment.from(text)).content().vector();
                assertThat(Vectors.cosine(attune.embed(text), expected)).as("single: " + text)
                        .isGreaterThanOrEqualTo(0.9999f);
                assertThat(Vectors.cosine(batched.get(i), expected)).as("batched: " + text)
                        .isGreaterThanOrEqualTo(0.9999f);
            }
        }
    }
}
