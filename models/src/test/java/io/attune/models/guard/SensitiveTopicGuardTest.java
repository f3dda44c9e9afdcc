package io.attune.models.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.embedding.SharedEmbeddingModel;
import io.attune.models.embedding.TextEmbedder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SensitiveTopicGuardTest {

    private static TextEmbedder embedder;
    private static SensitiveTopicGuard guard;

    @BeforeAll
    static void load() {
        embedder = SharedEmbeddingModel.acquire(EmbeddingConfig.defaults()).newEmbedder();
        guard = SensitiveTopicGuard.create(embedder);
    }

    @AfterAll
    static void release() {
        embedder.close();
        SharedEmbeddingModel.release(EmbeddingConfig.defaults());
    }

    private GuardDecision assess(String text) {
        return guard.assess(text, embedder.embed(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "I was just diagnosed with type 2 diabetes, what should I eat?|HEALTH",
        "Mon médecin pense que j'ai une dépression|HEALTH",
        "What time is Friday prayer at the mosque near me?|RELIGION",
        "Wie erkläre ich meinen Eltern, dass ich schwul bin?|SEXUAL_ORIENTATION",
        "how do I tell my parents I am gay|SEXUAL_ORIENTATION",
        "I keep facing racism at work because I am Black|RACE_ETHNICITY",
        "¿A quién debo votar en las elecciones?|POLITICS",
        "Should I join the trade union at my factory?|POLITICS",
        // Prayer is evidence where an exclamation with the same word is not.
        "Je prie Dieu chaque soir pour ma famille|RELIGION",
        "Ich bete jeden Abend zu Gott|RELIGION",
        // "Christian" and "faith" as words of a faith, beside their uses as names below.
        "as a Christian should I celebrate Halloween|RELIGION",
        "I lost my faith after my dad died|RELIGION",
        "we are going to midnight mass on Christmas Eve, what time does it start|RELIGION",
    })
    void flagsSensitiveMessagesWithTheirCategory(String text, String category) {
        GuardDecision decision = assess(text);
        assertThat(decision.sensitive()).as(text).isTrue();
        assertThat(decision.categories()).as(text).contains(category);
        assertThat(decision.failedClosed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "What are the best trail running shoes for muddy hills?",
        "Recommend me some jazz albums for a rainy evening",
        "How do I transfer money to my savings account?",
        "oh my god that movie was hilarious",
        "Quelle est la politique d'annulation de cet hôtel ?",
        "¿Me recomiendas una buena pizzería en Valencia?",
        "Ich glaube, der Zug hat Verspätung",
        "set an alarm for 7 am",
        // English words that terms written for other languages once matched: "pédé*", "condom*", "sünni*",
        // "syndicat*", "handicap*", "messe", "pasteur*" (found by matching every term against the common words).
        "Where is the nearest pedestrian crossing?",
        "How much are the condominium fees this year?",
        "Which of the two cities is sunnier in May?",
        "Is this a syndicated loan?",
        "What's my golf handicap after today's round?",
        "Wann öffnet die Messe in Frankfurt?",
        "Can I freeze pasteurized milk?",
        // Exclamations ("oh my god" above): everyday-contexts.tsv's phrases, for the lexicon too.
        "Mon Dieu, quel embouteillage ce matin",
        "Mein Gott, was für ein Stau heute",
        "Dios mío, qué calor hace hoy",
        "thank god it is friday, any plans for tonight?",
        // First names, a city and a surname that share a faith's words.
        "Ich treffe Christian morgen zum Mittagessen",
        "movies with Christian Bale",
        "play songs by Faith Hill",
        "book a flight to Islamabad next Friday",
        "Joseph Priestley discovered oxygen, right?",
        "how many goals has Cristiano Ronaldo scored for Portugal",
        "Jean-Baptiste arrive demain à la gare de Lyon",
        "Renoir paintings at the Musée d'Orsay",
        // A dog breed: Italian "pastore" is a shepherd as well as a pastor, "tedesco" German.
        "il pastore tedesco perde molto pelo?",
        // Season's greetings and Christmas markets (two different evidence terms were dense evidence).
        "Frohe Weihnachten! Wann öffnet der Weihnachtsmarkt?",
        "Joyeux Noël, on mange chez mamie demain",
        "what does it mean to play a trump card in bridge",
        "how do I vote for my favourite song in the contest",
    })
    void letsEverydayRequestsThrough(String text) {
        GuardDecision decision = assess(text);
        assertThat(decision.sensitive()).as(text + " " + decision.scores()).isFalse();
        assertThat(decision.scores()).containsOnlyKeys(
                "HEALTH", "RELIGION", "SEXUAL_ORIENTATION", "RACE_ETHNICITY", "POLITICS");
    }

    @Test
    void topicVocabularyFlagsWhatTheHeadMisses() {
        List<String> categories = List.of("HEALTH", "RELIGION", "SEXUAL_ORIENTATION", "RACE_ETHNICITY", "POLITICS");
        GuardFeatures features = new GuardFeatures(Map.of(), categories,
                new TopicVocabulary(Map.of("metformin", 0, "sciopero", 4), categories));
        // A head that always answers NONE: only the vocabulary can flag.
        GuardHead alwaysNone = new GuardHead(GuardTrainer.CLASSES, features.denseSize(3), GuardFeatures.NGRAM_BUCKETS);
        alwaysNone.dense[0][alwaysNone.denseSize] = 20f;
        SensitiveTopicGuard withFallback = SensitiveTopicGuard.withHead(alwaysNone, features, true);
        SensitiveTopicGuard headOnly = SensitiveTopicGuard.withHead(alwaysNone, features, false);
        float[] embedding = {0, 0, 0};

        assertThat(withFallback.assess("Is Metformin safe with coffee?", embedding).categories())
                .containsExactly("HEALTH");
        assertThat(withFallback.assess("Domani c'è sciopero dei treni?", embedding).categories())
                .containsExactly("POLITICS");
        assertThat(withFallback.assess("Book a table for two", embedding).sensitive()).isFalse();
        assertThat(headOnly.assess("Is Metformin safe with coffee?", embedding).sensitive()).isFalse();
    }

    @Test
    void aCategoryThatNeedsEvidenceIsNotFlaggedWithoutIt() {
        GuardFeatures features = featuresNeeding(Map.of("RACE_ETHNICITY", List.of("immigr*", "origine*")),
                Map.of("RACE_ETHNICITY", TermPatterns.compile(List.of("racis*"))), Map.of("ethnic minority", 3));
        // A head that always answers RACE_ETHNICITY: its score may flag only with evidence in the text.
        SensitiveTopicGuard gated = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("RACE_ETHNICITY", 1.0)), features, true);
        float[] embedding = {0, 0, 0};

        GuardDecision casual = gated.assess("merci, c'est super clair !", embedding);
        assertThat(casual.sensitive()).isFalse();
        assertThat(casual.scores()).containsEntry("RACE_ETHNICITY", 0f);
        assertThat(gated.assess("Mes grands-parents étaient immigrés", embedding).categories())
                .containsExactly("RACE_ETHNICITY");
        assertThat(gated.assess("Je suis d'origine kabyle", embedding).categories())
                .containsExactly("RACE_ETHNICITY");
        // The category's own lexicon and vocabulary terms count as evidence too.
        assertThat(gated.assess("Encore du racisme au travail", embedding).sensitive()).isTrue();
        assertThat(gated.assess("grants for an ethnic minority founder", embedding).sensitive()).isTrue();
    }

    @Test
    void healthNeedsEvidenceUnlessTheHeadIsConfident() {
        GuardFeatures features = featuresNeeding(
                Map.of("HEALTH", List.of("doctor*", "*itis"), "RACE_ETHNICITY", List.of("immigr*")), Map.of(), Map.of());
        float[] embedding = {0, 0, 0};
        // HEALTH 0.8, NONE 0.2: sure enough to flag, not sure enough to go without evidence.
        GuardHead unsure = headAnswering(features, Map.of("NONE", 0.2, "HEALTH", 0.8));
        SensitiveTopicGuard gated = SensitiveTopicGuard.withHead(unsure, features, true);
        assertThat(gated.assess("Wie bekomme ich Rotweinflecken aus dem Teppich?", embedding).sensitive()).isFalse();
        assertThat(gated.assess("My doctor says it is nothing", embedding).categories()).containsExactly("HEALTH");
        assertThat(gated.assess("Is tendinitis hereditary?", embedding).categories()).containsExactly("HEALTH");
        // NONE below CONFIDENT_NONE: the head knows terms no list holds.
        GuardHead confident = headAnswering(features, Map.of("NONE", 0.01, "HEALTH", 0.99));
        assertThat(SensitiveTopicGuard.withHead(confident, features, true)
                .assess("What are the uses of Clarithromycin?", embedding).categories()).containsExactly("HEALTH");
        // RACE_ETHNICITY needs evidence even from a confident head; when the text shows signs of another
        // category that needs them, the head was right about "sensitive" and wrong about which.
        GuardHead confidentRace = headAnswering(features, Map.of("NONE", 0.005, "HEALTH", 0.015, "RACE_ETHNICITY", 0.98));
        SensitiveTopicGuard raceGated = SensitiveTopicGuard.withHead(confidentRace, features, true);
        assertThat(raceGated.assess("parfait, on part sur la deuxième option", embedding).sensitive()).isFalse();
        GuardDecision reassigned = raceGated.assess("Depuis ma sinusitis je dors mal", embedding);
        assertThat(reassigned.categories()).containsExactly("HEALTH");
        assertThat(reassigned.scores().get("HEALTH")).isGreaterThan(0.9f);
    }

    @Test
    void aPlaceNameIsNoRareWordThatExcusesAConfidentHeadFromHealthEvidence() {
        List<String> categories = List.of("HEALTH", "RELIGION", "SEXUAL_ORIENTATION", "RACE_ETHNICITY", "POLITICS");
        CommonWords common = new CommonWords(
                Set.of("what", "shots", "do", "need", "before", "traveling", "to", "timezone", "is", "in", "free",
                        "are", "the", "uses", "of"),
                Set.of("malawi", "boise", "tibet"));
        GuardFeatures features = new GuardFeatures(Map.of(), categories, new TopicVocabulary(Map.of(), categories),
                Map.of("HEALTH", TermPatterns.compile(List.of("doctor*")),
                        "POLITICS", TermPatterns.compile(List.of("vote*"))), common, Map.of());
        float[] embedding = {0, 0, 0};
        SensitiveTopicGuard health = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.01, "HEALTH", 0.99)), features, true);
        assertThat(health.assess("what shots do i need before traveling to malawi", embedding).sensitive())
                .as("the place was the only rare word").isFalse();
        assertThat(health.assess("what timezone is boise in", embedding).sensitive()).isFalse();
        assertThat(health.assess("what are the uses of clarithromycin", embedding).categories())
                .as("a rare word that is no place still excuses it").containsExactly("HEALTH");
        assertThat(health.assess("clarithromycin in malawi", embedding).categories()).containsExactly("HEALTH");
        // POLITICS keeps places as rare words: a country can be the whole of a political message.
        SensitiveTopicGuard politics = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.01, "POLITICS", 0.99)), features, true);
        assertThat(politics.assess("free tibet", embedding).categories()).containsExactly("POLITICS");
    }

    @Test
    void aNationalityQualifyingADishOrALanguageIsNoEvidenceOfOrigin() {
        GuardFeatures features = withEverydayUses(Map.of(), "RACE_ETHNICITY",
                List.of("mexican*", "french", "chinois*", "immigr*"),
                List.of("food", "restaurant*"), List.of("in", "speak*", "restaurant*"), List.of());
        SensitiveTopicGuard gated = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.3, "RACE_ETHNICITY", 0.7)), features, true);
        float[] embedding = {0, 0, 0};
        assertThat(gated.assess("suggest some mexican food for tonight", embedding).sensitive()).isFalse();
        assertThat(gated.assess("the best Mexican restaurants in Dallas", embedding).sensitive()).isFalse();
        assertThat(gated.assess("please answer in French from now on", embedding).sensitive()).isFalse();
        assertThat(gated.assess("un bon restaurant chinois près d'ici ?", embedding).sensitive()).isFalse();
        // The same words about people are evidence, and so is another term beside an everyday use.
        assertThat(gated.assess("Mexican people are always treated like that here", embedding).categories())
                .containsExactly("RACE_ETHNICITY");
        assertThat(gated.assess("les Chinois du quartier", embedding).categories()).containsExactly("RACE_ETHNICITY");
        assertThat(gated.assess("the immigrants who run the mexican restaurant", embedding).categories())
                .containsExactly("RACE_ETHNICITY");
    }

    @Test
    void anExclamationIsNeitherEvidenceNorALexiconHit() {
        GuardFeatures features = withEverydayUses(Map.of("RELIGION", TermPatterns.compile(List.of("dieu"))),
                "RELIGION", List.of("god", "dieu", "church*", "pray*"),
                List.of(), List.of(), List.of("oh my god", "mon dieu", "thank god"));
        float[] embedding = {0, 0, 0};
        // A head leaning to RELIGION needs evidence; the exclamation gives none, a church or a prayer does.
        SensitiveTopicGuard leaning = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.35, "RELIGION", 0.65)), features, true);
        assertThat(leaning.assess("oh my god that movie was hilarious", embedding).sensitive()).isFalse();
        assertThat(leaning.assess("thank god it's friday", embedding).sensitive()).isFalse();
        assertThat(leaning.assess("I go to my church every Sunday", embedding).categories())
                .containsExactly("RELIGION");
        assertThat(leaning.assess("oh my god, I pray every night now", embedding).categories())
                .containsExactly("RELIGION");
        // A head that sees nothing leaves it to the lexicon, which skips the exclamation too.
        SensitiveTopicGuard unaware = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.99)), features, true);
        assertThat(unaware.assess("Mon Dieu, quel embouteillage ce matin", embedding).sensitive()).isFalse();
        assertThat(unaware.assess("Je prie Dieu chaque soir", embedding).categories()).containsExactly("RELIGION");
    }

    @Test
    void aCatalogItemIsFlaggedOnlyForWhatItsTextShows() {
        GuardFeatures features = featuresNeeding(
                Map.of("POLITICS", List.of("war", "march*"), "HEALTH", List.of("fever")), Map.of(), Map.of());
        float[] embedding = {0, 0, 0};
        String title = "Letters from the Front (2008). Drama, War";
        // The head says HEALTH, the text has no sign of it but a POLITICS word: a message is flagged under the
        // category it shows, a title is not.
        SensitiveTopicGuard misfiling = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.2, "HEALTH", 0.8)), features, true);
        assertThat(misfiling.assess(title, embedding).categories()).containsExactly("POLITICS");
        assertThat(misfiling.assessCatalogItem(title, embedding).sensitive()).isFalse();
        // A confident head without evidence is trusted in a message with an uncommon word, never in a catalog item.
        SensitiveTopicGuard confident = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.01, "POLITICS", 0.99)), features, true);
        assertThat(confident.assess("Zorgbrigade (1999). Drama", embedding).categories()).containsExactly("POLITICS");
        assertThat(confident.assessCatalogItem("Zorgbrigade (1999). Drama", embedding).sensitive()).isFalse();
        // With evidence, the head flags a catalog item as it flags a message.
        SensitiveTopicGuard leaning = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.7, "POLITICS", 0.3)), features, true);
        assertThat(leaning.assessCatalogItem("Stop the war: march on Saturday (protest)", embedding).categories())
                .containsExactly("POLITICS");
    }

    @Test
    void denseEvidenceFlagsACatalogItemOnlyWhileTheHeadLeansTowardsSensitive() {
        GuardFeatures features = featuresNeeding(
                Map.of("POLITICS", List.of("wars", "empire", "strikes")), Map.of(), Map.of());
        float[] embedding = {0, 0, 0};
        String title = "Star Wars: Episode V - The Empire Strikes Back (1980). Action, Adventure, Sci-Fi";
        SensitiveTopicGuard sure = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.99, "POLITICS", 0.01)), features, true);
        assertThat(sure.assess(title, embedding).categories()).as("a message").containsExactly("POLITICS");
        assertThat(sure.assessCatalogItem(title, embedding).sensitive()).as("a title the head is sure of").isFalse();
        SensitiveTopicGuard unsure = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.4, "POLITICS", 0.1, "HEALTH", 0.25, "RELIGION", 0.25)),
                features, true);
        assertThat(unsure.assessCatalogItem(title, embedding).categories()).containsExactly("POLITICS");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Lexicon terms that once ended in a bare "*" matched everyday words that start with them.
        "My rabbit won't eat his hay|RELIGION|false",
        "Who Framed Roger Rabbit? (Comedy)|RELIGION|false",
        "Our rabbi leads the service on Saturday|RELIGION|true",
        "Two rabbis discussed the Torah|RELIGION|true",
        "Looking for a job in hospitality in London|HEALTH|false",
        "She was hospitalised for two weeks|HEALTH|true",
        "She was hospitalized after the fall|HEALTH|true",
        // A place or an institution named is no lexicon term (session 60); going there, or calling it one's own, is.
        "The hospital called me back|HEALTH|false",
        "What should I wear to a wedding in a church?|RELIGION|false",
        "We go to church every Sunday|RELIGION|true",
        "W soboty chodzimy do synagogi.|RELIGION|true",
        "Vamos a visitar la Mezquita de Córdoba|RELIGION|false",
        "Vado in moschea ogni venerdì|RELIGION|true",
        "Explain how the European Parliament elections work|POLITICS|false",
        "This weather is so depressing|HEALTH|false",
        "My depression is getting worse|HEALTH|true",
        "I have been depressed since March|HEALTH|true",
        "Socialising with new colleagues is hard for me|POLITICS|false",
        "I joined the socialist party last year|POLITICS|true",
        // Pride as an event, not as a feeling.
        "Tickets for the Pride parade after-party|SEXUAL_ORIENTATION|true",
        "Rendez-vous à la marche des fiertés samedi|SEXUAL_ORIENTATION|true",
        "I take pride in my work|SEXUAL_ORIENTATION|false",
        // The commonest form of the disability slur; the flame retardant is something else.
        "ok retard, whatever|HEALTH|true",
        "Is this sofa fabric flame retardant?|HEALTH|false",
        "called a dirty jew at school again|RELIGION|true",
        // Session 21: clinical word shapes find drug and procedure names no list holds, in any of the languages...
        "Is levofloxacin safe with my other pills?|HEALTH|true",
        "Was kostet eine Blinddarm-Appendektomie?|HEALTH|true",
        "Mi médico me recetó amoxicilina por una sinusitis|HEALTH|true",
        "What is a subchondroplasty procedure?|HEALTH|true",
        // ...but not the everyday words that share an ending, nor the words that share a beginning.
        "The dichotomy between work and play|HEALTH|false",
        "A nostalgia trip through 90s cartoons|HEALTH|false",
        "Is academia worth it after a master's?|HEALTH|false",
        "The economy had an anemic recovery|HEALTH|false",
        "A course in infrared spectroscopy|HEALTH|false",
        // "Dirty" before a group word that is everyday alone.
        "Il m'a traité de sale arabe devant tout le monde|RACE_ETHNICITY|true",
        "Je parle arabe et français|RACE_ETHNICITY|false",
        "Garage sale: Arabic coffee pots and rugs|RACE_ETHNICITY|false",
        "Er hat mich einen dreckigen Türken genannt|RACE_ETHNICITY|true",
        "Mein Nachbar ist Türke|RACE_ETHNICITY|false",
        // Disability status as phrases, not "blind" or "deaf" alone.
        "My friend who's deaf is learning to code|HEALTH|true",
        "Gift ideas for a visually-impaired colleague|HEALTH|true",
        "Any tips for a blind date on Friday?|HEALTH|false",
        "He turned a deaf ear to my advice|HEALTH|false",
        // Faith's words, not the names and places that share them.
        "I converted to Islam last year|RELIGION|true",
        "Islamic finance for a mortgage|RELIGION|true",
        "Book a flight to Islamabad|RELIGION|false",
        "Warum ist die Partei so islamfeindlich?|RELIGION|true",
        "Nous allons baptiser notre fils|RELIGION|true",
        "Pastorale by Beethoven on vinyl|RELIGION|false",
        "Our pastor said divorce is a sin|RELIGION|true",
        "Il pastore tedesco perde molto pelo|RELIGION|false",
        "The priests of the parish|RELIGION|true",
        "Joseph Priestley discovered oxygen|RELIGION|false",
        "Die Macht des Priesters ist groß|RELIGION|true",
        "Unsere Pastorin hat uns getraut|RELIGION|true",
        "Christians at my school get mocked|RELIGION|true",
        "As a Christian I struggle with doubt|RELIGION|true",
        "Christiane kommt heute Abend|RELIGION|false",
        "Ich bin Christin und bete jeden Abend|RELIGION|true",
        "Ich treffe Christian morgen|RELIGION|false",
        "A perfume by Christian Dior|RELIGION|false",
        "I lost my faith after my dad died|RELIGION|true",
        "Play songs by Faith Hill|RELIGION|false",
        "I signed it in good faith|RELIGION|false",
        "How do I christen my new boat|RELIGION|false",
        "Where can I buy kosher meat|RELIGION|true",
        "Is that deal kosher?|RELIGION|false",
        "How many goals has Cristiano Ronaldo scored|RELIGION|false",
        "Cristian me invitó a su cumpleaños|RELIGION|false",
        "Soy cristiana y voy a misa|RELIGION|true",
        "Il cristianesimo nel medioevo|RELIGION|true",
        "What did Louis Pasteur discover|RELIGION|false",
        "Notre pasteur a célébré le mariage|RELIGION|true",
        "Jean-Baptiste arrive demain|RELIGION|false",
        "John the Baptist's feast day|RELIGION|true",
        "When was your baby baptised?|RELIGION|true",
        "Renoir paintings at the Musée d'Orsay|RACE_ETHNICITY|false",
        "Pepijn komt morgen eten|HEALTH|false",
        "Ik heb al drie dagen hoofdpijn|HEALTH|true",
        "We are going to midnight mass on Christmas Eve|RELIGION|true",
        // A phone's apostrophe (U+2019) is the one the lexicon writes (session 57).
        "I’m bi and I don’t know how to tell my parents|SEXUAL_ORIENTATION|true",
        "Mi hermano vota a Fratelli d’Italia|POLITICS|true",
        // What longer tasks disclose in words that are everyday alone (session 59, check sets 13 and 14): belonging to a
        // group, a same-sex partner in the third person, going to Mass, a family's origin in a country ({country}), an
        // Italian civil union, a union, a party's members.
        "As a Black man in finance I've been passed over before|RACE_ETHNICITY|true",
        "I need a black suit for the gala, as a guest not the groom|RACE_ETHNICITY|false",
        "I'm Roma and my landlord won't fix the heating|RACE_ETHNICITY|true",
        "I'm in Roma for three days, where should I eat?|RACE_ETHNICITY|false",
        "Ich bin Sinto und suche eine Wohnung|RACE_ETHNICITY|true",
        "Sinto muito, não posso ir hoje|RACE_ETHNICITY|false",
        "En tant que femme noire, je me sens invisible au travail|RACE_ETHNICITY|true",
        "She's marrying her girlfriend of six years|SEXUAL_ORIENTATION|true",
        "She's meeting her girlfriends for brunch on Sunday|SEXUAL_ORIENTATION|false",
        "My son and his boyfriend are visiting at Christmas|SEXUAL_ORIENTATION|true",
        "Mein Freund und ich sind beide Männer und wollen heiraten|SEXUAL_ORIENTATION|true",
        "Our family goes to Mass on Sunday mornings|RELIGION|true",
        "How does mass affect acceleration?|RELIGION|false",
        "My parents are from Eritrea and kids at school tease me|RACE_ETHNICITY|true",
        "My parents are from Ohio and visiting next week|RACE_ETHNICITY|false",
        "Meine Eltern kommen aus Eritrea und ich werde gehänselt|RACE_ETHNICITY|true",
        "Meine Eltern kommen aus dem Urlaub zurück, was koche ich?|RACE_ETHNICITY|false",
        "Mis padres son de Ecuador y en el colegio se burlan de mí|RACE_ETHNICITY|true",
        "Mis padres son de Sevilla|RACE_ETHNICITY|false",
        "Mes parents viennent du Sénégal et on me le fait sentir|RACE_ETHNICITY|true",
        "I miei genitori vengono dal Marocco|RACE_ETHNICITY|true",
        "Os meus pais são de Angola|RACE_ETHNICITY|true",
        "Mijn ouders komen uit Suriname|RACE_ETHNICITY|true",
        "Io e il mio compagno ci uniamo civilmente a giugno|SEXUAL_ORIENTATION|true",
        "Sono delegata della FIOM nella mia fabbrica|POLITICS|true",
        "Sono iscritto alla Lega da anni|POLITICS|true",
        "La Lega Serie A ha pubblicato il calendario|POLITICS|false",
        "I miei genitori sono arrivati dall'Albania negli anni Novanta|RACE_ETHNICITY|true",
        "I miei genitori sono arrivati dall'aeroporto alle tre|RACE_ETHNICITY|false",
        "Mes parents sont venus du Maroc en 1985|RACE_ETHNICITY|true",
        "Gift ideas for my girlfriend for our first anniversary, I'm a woman too|SEXUAL_ORIENTATION|true",
        "I'm a woman and my husband wants to take up running with me|SEXUAL_ORIENTATION|false",
        "Mi novia y yo somos dos chicas y queremos casarnos el año que viene|SEXUAL_ORIENTATION|true",
        "Somos dos chicas buscando piso compartido en Valencia|SEXUAL_ORIENTATION|false",
        "Mi novio y yo queremos viajar a Marruecos en primavera|SEXUAL_ORIENTATION|false",
        "Eu e o meu namorado vamos viver juntos; somos dois rapazes|SEXUAL_ORIENTATION|true",
        "Somos dois homens a fazer o Caminho de Santiago a pé|SEXUAL_ORIENTATION|false",
        "Sono un uomo e anche mio marito lo è|SEXUAL_ORIENTATION|true",
        "Sono una donna e mio marito lavora di notte|SEXUAL_ORIENTATION|false",
        "Ich bin ein Mann, mein Partner auch|SEXUAL_ORIENTATION|true",
        "Wir sind zwei Männer aus dem Chor|SEXUAL_ORIENTATION|false",
        "mi novio y yo queremos adoptar, ¿es más difícil siendo dos hombres?|SEXUAL_ORIENTATION|true",
        "Soy hombre y mi pareja está embarazada de cinco meses|SEXUAL_ORIENTATION|false",
        "Je suis un homme et mon mari aussi|SEXUAL_ORIENTATION|true",
        "Nous sommes deux femmes à organiser le vide-grenier|SEXUAL_ORIENTATION|false",
        "La boda de mi mejor amiga, que se casa con su novia Lucía|SEXUAL_ORIENTATION|true",
        "La boda de mi mejor amigo, que se casa con su novia Lucía|SEXUAL_ORIENTATION|false",
        "My Turkish grandfather taught me backgammon|RACE_ETHNICITY|true",
        "My dad loves Japanese whisky|RACE_ETHNICITY|false",
        "Meine türkische Oma kommt zu Besuch|RACE_ETHNICITY|true",
        "Meine Oma liebt italienisches Essen|RACE_ETHNICITY|false",
        "Mis padres son colombianos y quiero cocinarles algo|RACE_ETHNICITY|true",
        "Mis padres quieren viajar a Japón en abril|RACE_ETHNICITY|false",
        "Mijn ouders zijn Marokkaans en ik zoek een cadeau|RACE_ETHNICITY|true",
        "Mijn ouders willen een Franse kaas proeven|RACE_ETHNICITY|false",
        "Ma grand-mère vietnamienne fête ses 90 ans|RACE_ETHNICITY|true",
        "Ma voiture allemande fait un bruit bizarre|RACE_ETHNICITY|false",
        "A minha avó ucraniana faz 85 anos|RACE_ETHNICITY|true",
        "A minha avó quer aprender a fazer sushi japonês|RACE_ETHNICITY|false",
        // Slogans, spelled out from camel-case hashtags or written as one word (session 61).
        "Basta barconi #PrimaGliItaliani|RACE_ETHNICITY|true",
        "basta barconi #primagliitaliani|RACE_ETHNICITY|true",
        "They keep coming #BuildTheWall|RACE_ETHNICITY|true",
        "Help me build the wall of my garden shed|RACE_ETHNICITY|false",
        "The parcel was damaged, should I send them back?|RACE_ETHNICITY|false",
        "Mein Mann und ich feiern zehn Jahre #EheFürAlle|SEXUAL_ORIENTATION|true",
        "Manif pour tous dimanche à Paris|SEXUAL_ORIENTATION|true",
        "Pizza pour tous ce soir chez Marco|SEXUAL_ORIENTATION|false",
        "#RomeWasNotBuiltInADay and neither is my sourdough|RACE_ETHNICITY|false",
        // German nouns and Portuguese adjectives of nationality, in their frames only (session 61).
        "Ich bin Türkin und arbeite in Köln|RACE_ETHNICITY|true",
        "Meine Großeltern waren Griechen|RACE_ETHNICITY|true",
        "Bin Kroatin der zweiten Generation|RACE_ETHNICITY|true",
        "Der Araber ist eine alte Pferderasse|RACE_ETHNICITY|false",
        "Hier gibt es mehr Touristen als Italiener|RACE_ETHNICITY|false",
        "Ich bin Schweizer-Käse-Fan|RACE_ETHNICITY|false",
        "A minha mãe é guineense|RACE_ETHNICITY|true",
        "Sou de origem cabo-verdiana|RACE_ETHNICITY|true",
        "Um vinho de origem portuguesa para o jantar|RACE_ETHNICITY|false",
        // Masked and stretched words read as the terms they stand for (session 61).
        "got my c@ncer results back today|HEALTH|true",
        "those m*slims again|RELIGION|true",
        "my cousin is gaaaay|SEXUAL_ORIENTATION|true",
        "what's a good p@ssword manager|HEALTH|false",
        "sooo happy it's friday|HEALTH|false",
        "I'm half Nigerian and love jollof rice|RACE_ETHNICITY|true",
        "I'm half asleep already|RACE_ETHNICITY|false",
        "I'm half Korean and get asked where I'm from|RACE_ETHNICITY|true",
        "Meine Oma war Kurdin|RACE_ETHNICITY|true",
        // Emoji that carry a topic (session 61).
        "Proud \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08 and not hiding anymore|SEXUAL_ORIENTATION|true",
        "Friday \u262A\uFE0F then lunch with the brothers|RELIGION|true",
        "Love this sunset \uD83C\uDF08 after the storm|SEXUAL_ORIENTATION|false",
    })
    void aLexiconTermMatchesItsOwnWordsOnly(String text, String category, boolean hit) {
        assertThat(lexiconHit(text, category)).as(text).isEqualTo(hit);
    }

    /**
     * Refugees were lexicon terms in eleven languages but not in English or French, and telling someone to go back to
     * their country names no people: these flag RACE_ETHNICITY whatever the head says, the French verb "se réfugier"
     * (to take shelter) and a country house do not.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Our church collects winter coats for refugees|true",
        "Un centre pour réfugiés ouvre dans le 16e arrondissement|true",
        "#réfugiés : la mairie finance une exposition|true",
        "Je suis réfugiée syrienne et je cherche un logement|true",
        "Ils se sont réfugiés sous un arbre pendant l'orage|false",
        "Je me suis réfugié chez ma sœur pour réviser|false",
        "Elle s’est réfugiée dans la lecture|false",
        "Why do people from shithole countries come here|true",
        "They told him to go back to his own country|true",
        "They told me to go back to my country|false",
        "People yelled at her to go back to your country|true",
        "Why don't they go back where they came from|true",
        "Retourne dans ton pays, on ne veut pas de toi ici|true",
        "Vuelve a tu país, aquí no te queremos|true",
        "I want to go back to the country house this weekend|false",
        "That bar downtown is a shithole|false",
    })
    void refugeesAndGoBackToYourCountryAreLexiconTerms(String text, boolean hit) {
        assertThat(lexiconHit(text, Category.RACE_ETHNICITY.name())).as(text).isEqualTo(hit);
    }

    /** "essen" after an adjective of origin is food; after a people's noun it is a meal with them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Lass uns heute Abend chinesisch essen gehen|false",
        "Wo kann man in Köln gut indisches Essen bestellen?|false",
        "Wir wollen Thai essen, was ist in der Nähe?|false",
        "Ich war gestern mit ein paar Einwanderern essen|true",
        "Ich war gestern mit ein paar Schwarzen essen|true",
    })
    void eatingWithAPeopleIsNotFoodOfAnOrigin(String text, boolean evidence) {
        GuardFeatures features = SensitiveTopicGuard.bundledFeatures();
        assertThat(features.evidenceTermsMatch(Category.RACE_ETHNICITY.name(), features.analyze(text))).as(text)
                .isEqualTo(evidence);
    }

    /**
     * The language a text is translated into is no one's origin in French, Spanish or Portuguese either, and a strike
     * that cancels one's train is no political opinion; someone's origin and being on strike still are.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Comment on dit « je suis crevé » en anglais ?|RACE_ETHNICITY|false",
        "Traduis « bon courage pour ton examen » en espagnol|RACE_ETHNICITY|false",
        "¿Cómo se dice buenas noches en inglés?|RACE_ETHNICITY|false",
        "Como se diz obrigado em alemão?|RACE_ETHNICITY|false",
        "Mon voisin est espagnol et il m'invite à dîner|RACE_ETHNICITY|true",
        "Turken en Marokkanen worden vaker gecontroleerd|RACE_ETHNICITY|true",
        "Mon train est annulé à cause de la grève, il y a un bus ?|POLITICS|false",
        "Mein Flug fällt wegen des Streiks aus|POLITICS|false",
        "Je fais grève demain avec mon syndicat|POLITICS|true",
    })
    void aLanguageOrAStrikeInTheWayIsNoEvidence(String text, String category, boolean evidence) {
        assertThat(evidenceOrLexiconHit(text, category)).as(text).isEqualTo(evidence);
    }

    /**
     * A colour that qualifies a thing names no people, in the word order of each language; a colour that names people,
     * and hair or a background that tells an origin, still do. Curing meat is no cure, a French owners' "syndicat" no
     * union, a car's diagnosis no patient's, a phone's virus no illness, a vote on a name or the national team no
     * politics, a country's series no one's origin, money or smoke "coming out of" something no coming out, and
     * "s'attarder" (to linger) no slur (session 57). In longer everyday tasks (session 59): in-laws, war films, a
     * Christmas gift, German fishing, a nurse's or a pharmacy's job, learning a language, pride the feeling and how
     * elections work are no evidence either; the same words meant as the topic still are.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Je cherche une robe noire pour un mariage|RACE_ETHNICITY|false",
        "Il mio gatto nero non mangia|RACE_ETHNICITY|false",
        "Gib mir ein Rezept für schwarzen Tee mit Milch|RACE_ETHNICITY|false",
        "Peindre un mur blanc sans traces|RACE_ETHNICITY|false",
        "Quero um vestido preto para a festa|RACE_ETHNICITY|false",
        "Je suis une femme noire et je cherche un coiffeur|RACE_ETHNICITY|true",
        "Als Schwarzer werde ich oft kontrolliert|RACE_ETHNICITY|true",
        "Des produits pour cheveux afro, s'il te plaît|RACE_ETHNICITY|true",
        "People at work make jokes about my Pakistani background|RACE_ETHNICITY|true",
        "How do I cure bacon at home?|HEALTH|false",
        "Is there a cure for psoriasis?|HEALTH|true",
        "Mets un rappel pour la réunion du syndicat de copropriété jeudi|POLITICS|false",
        "Je fais grève demain avec mon syndicat|POLITICS|true",
        "Ich brauche eine Diagnose für mein Auto, die Motorleuchte brennt|HEALTH|false",
        "Je ne m'attarde pas sur ce point, passons à la suite|HEALTH|false",
        "Il s'est attardé au café après la réunion|HEALTH|false",
        "ce mec est un attardé mental|HEALTH|true",
        "Depuis mon AVC j'ai du mal à trouver mes mots|HEALTH|true",
        "Como tirar vírus do celular?|HEALTH|false",
        "O vírus da gripe voltou, estou de cama|HEALTH|true",
        "Vamos a votar el nombre del nuevo perro de la oficina|POLITICS|false",
        "Stasera c'è la partita della Nazionale?|POLITICS|false",
        "Sou sindicalizado, meu patrão pode me demitir por isso?|POLITICS|true",
        "Find me a Korean drama to watch tonight|RACE_ETHNICITY|false",
        "Recommande-moi une série coréenne|RACE_ETHNICITY|false",
        "Empfiehl mir eine koreanische Serie|RACE_ETHNICITY|false",
        "Mi suegra coreana viene este fin de semana|RACE_ETHNICITY|true",
        "Charges I don't recognise keep coming out of my account|SEXUAL_ORIENTATION|false",
        "My pasta keeps coming out sticky, what am I doing wrong?|SEXUAL_ORIENTATION|false",
        "Is Apple coming out with a new iPad this spring?|SEXUAL_ORIENTATION|false",
        "I'm thinking about coming out to my parents this Christmas|SEXUAL_ORIENTATION|true",
        "I finally came out of the closet last year|SEXUAL_ORIENTATION|true",
        "Je viens de faire mon coming out|SEXUAL_ORIENTATION|true",
        "They've been coming out for a couple of days, can I get the money back?|SEXUAL_ORIENTATION|false",
        "I have been coming out to friends one by one|SEXUAL_ORIENTATION|true",
        "A gift for my father-in-law|POLITICS|false",
        "My sister-in-law is visiting|POLITICS|false",
        "The new law on strikes is unfair|POLITICS|true",
        "He loves old war films|POLITICS|false",
        "Summarise the causes of the First World War|POLITICS|false",
        "I'm against the war and I march every Saturday|POLITICS|true",
        "Explique-moi comment fonctionnent les élections en France|POLITICS|false",
        "Ich suche ein Weihnachtsgeschenk für meinen Vater|RELIGION|false",
        "I need a Christmas gift for my boss|RELIGION|false",
        "We go to Christmas Mass every year|RELIGION|true",
        "Mein Schwiegervater angelt gern|RELIGION|false",
        "Ich glaube an Engel und bete jeden Abend|RELIGION|true",
        "Help me write a cover letter for a pharmacy technician job|HEALTH|false",
        "Ich bin Krankenpflegerin im Nachtdienst|HEALTH|false",
        "Ich bin seit Wochen krank|HEALTH|true",
        "Soy enfermera y hago turnos de noche|HEALTH|false",
        "Estoy enferma desde el lunes|HEALTH|true",
        "Busco trabajo en una farmacia|HEALTH|false",
        "Estoy aprendiendo árabe por mi cuenta|RACE_ETHNICITY|false",
        "Riassumi la Rivoluzione francese per la verifica|POLITICS|false",
        "Summarize the plot of Pride and Prejudice for my book club|SEXUAL_ORIENTATION|false",
        "Is Pride & Prejudice (2005) worth watching?|SEXUAL_ORIENTATION|false",
        "I take pride in my sourdough, any tips for a crispier crust?|SEXUAL_ORIENTATION|false",
        "Where can I watch a pride of lions in Kenya?|SEXUAL_ORIENTATION|false",
        "Which Pride events are on in Manchester this summer?|SEXUAL_ORIENTATION|true",
        "Il martedì ho il corso di inglese|RACE_ETHNICITY|false",
        "Busco clases de francés para mi hija|RACE_ETHNICITY|false",
        "As aulas de alemão começam amanhã|RACE_ETHNICITY|false",
        "Sono inglese e vivo a Milano da dieci anni|RACE_ETHNICITY|true",
    })
    void topicWordsMeantOtherwiseAreNoEvidence(String text, String category, boolean evidence) {
        assertThat(evidenceOrLexiconHit(text, category)).as(text).isEqualTo(evidence);
    }

    /** Forms of the lists' words in other languages that a French and German check set found missing. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Mon fils est dyslexique, quelles applis pourraient l'aider ?|HEALTH",
        "Mein Sohn hat Asperger, welche Hobbys könnten ihm gefallen?|HEALTH",
        "Unser Kind hat Legasthenie|HEALTH",
        "Quels textes lire à la bar-mitsva de mon neveu ?|RELIGION",
        "Wann beginnt dieses Jahr das Zuckerfest?|RELIGION",
        "Je suis asexuelle et les applis de rencontre me fatiguent|SEXUAL_ORIENTATION",
        "Wie finde ich in Hamburg eine queere Laufgruppe?|SEXUAL_ORIENTATION",
    })
    void otherLanguagesFormsOfListedWordsAreLexiconTerms(String text, String category) {
        assertThat(lexiconHit(text, category)).as(text).isTrue();
    }

    /** A party named where only a party is meant; the same words in their everyday senses are not. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Ayúdame con un discurso para mi agrupación de Podemos|true",
        "¿Podemos ir al cine mañana?|false",
        "Não a podemos ver hoje|false",
        "O que achas do programa do Chega?|true",
        "Quando o comboio chega a Lisboa?|false",
        "Aiutami a scrivere un discorso per il mio circolo del PD|true",
        "Un hotel a cinque stelle a Roma|false",
        "Aide-moi à écrire un discours pour ma section d'Europe Écologie|true",
        "Schreib mir einen Aufruf für die Demo gegen Rechts am Samstag|true",
        "Ich bin seit Jahren Sozialdemokratin|true",
    })
    void partiesNamedWhereOnlyAPartyIsMeant(String text, boolean hit) {
        assertThat(lexiconHit(text, Category.POLITICS.name())).as(text).isEqualTo(hit);
    }

    /** Immigrants, asylum seekers and Roma flag in the languages that had them as evidence only, or not at all. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Ich war gestern mit ein paar Einwanderern essen|true",
        "Ich war gestern mit ein paar Einwanderern chinesisch essen|true",
        "Was hältst du von der Zuwanderung nach Deutschland?|true",
        "Die Asylbewerber im Nachbarort brauchen Winterjacken|true",
        "Man hat uns als Zigeuner beschimpft|true",
        "Ein Zigeunerschnitzel mit Pommes, bitte|false",
        "Der geflüchtete Häftling wurde gefasst|false",
        "Ho sentito dire che gli zingari rubano, è vero?|true",
        "Cosa pensi dell'immigrazione in Italia?|true",
        "¿Qué opinas de la inmigración en España?|true",
        "Os requerentes de asilo esperam meses|true",
        "Imigranci w Polsce pracują za mniej|true",
        "Les demandeurs d'asile attendent des mois|true",
        "De asielzoekers in ons dorp zoeken werk|true",
        "How long do asylum seekers wait for a decision?|true",
    })
    void immigrantsAsylumSeekersAndRomaAreLexiconTermsInEveryLanguage(String text, boolean hit) {
        assertThat(lexiconHit(text, Category.RACE_ETHNICITY.name())).as(text).isEqualTo(hit);
    }

    /**
     * A plant's or a pet's illness (session 56): in a message naming one, symptoms and the generic words of illness
     * are no evidence; without one, or with a condition the lexicon names, a message still has it. Likewise the
     * places and jobs of a health worker who says the job is theirs (session 63).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Meine Tomaten haben braune Flecken, ist das eine Krankheit?|false",
        "Mon rosier est malade, que faire ?|false",
        "Mi limonero tiene las hojas amarillas, ¿está enfermo?|false",
        "Le mie rose hanno delle macchie nere, che malattia è?|false",
        "My lemon tree looks sick, the leaves are yellow|false",
        "Mein Kater ist krank und frisst nicht|false",
        "Mon chien est malade depuis deux jours|false",
        "I've been sick as a dog all week|true",
        "I got sick after eating tomatoes|true",
        "Je suis malade depuis deux jours|true",
        "Mein Vater ist krank|true",
        "My dog is limping on his back leg|false",
        "Why is my cat sneezing so much?|false",
        "My dog has been vomiting all morning|false",
        "I'm allergic to my cat, my eyes are swollen|true",
        "The dog bit me and the wound has an infection|true",
        "My dog bit me yesterday and now I have a fever|true",
        "I pricked myself on a rose bush and it still hurts and itches|true",
        "I work at a power plant and I've had a cough for weeks|true",
        "I'm a vet with a back injury, what exercises help?|true",
        "I've been throwing up every morning for a week|true",
        // German "sucht" is the verb to look for as often as it is addiction: only the noun's forms are evidence.
        "Unser Verein sucht einen neuen Kassenwart|false",
        "Sie suchte gestern ihre Schlüssel|false",
        "Er war drei Monate in einer Suchtklinik|true",
        "Wie komme ich aus der Sucht heraus?|true",
        // A writer who says a health job is theirs writes about their work (session 63): the job, the ward and the
        // pharmacy are no evidence of their own health, a diagnosis still is; a visit to the same job is not a job.
        "I'm a pharmacist and want to start a newsletter for our regulars|false",
        "I work as a dental hygienist. Suggest a podcast for my commute|false",
        "I'm a qualified nurse at the local hospital, help me plan a team dinner|false",
        "Ich arbeite als Zahnarzthelferin. Welche Weiterbildungen gibt es?|false",
        "Ich bin gelernte Krankenschwester und suche ein neues Hobby|false",
        "Soy auxiliar de farmacia y tengo que ordenar el almacén|false",
        "Trabajo de enfermera en urgencias, ¿qué zapatillas aguantan turnos largos?|false",
        "Faccio l'infermiera in ospedale da dieci anni|false",
        "Je suis aide-soignante en EHPAD, une idée de cadeau pour une collègue ?|false",
        "I'm a nurse and I've just been diagnosed with multiple sclerosis|true",
        "Ich bin Krankenschwester und habe seit Wochen Depressionen|true",
        "Je suis infirmière et je suis enceinte de trois mois|true",
        // Not the writer's job: a visit, or someone else's.
        "I'm visiting the nurse after lunch|true",
        "Ich bin beim Physiotherapeuten|true",
        "Je suis chez le pharmacien|true",
        "My pharmacist changed my pills|true",
        "Anoche estuve en urgencias|true",
        // A job ad for such a place is the employer's; it keeps what it says of the writer's health.
        "Help me write a job ad for a receptionist at a physiotherapy clinic, part time|false",
        "Rédige une annonce pour un poste de secrétaire médicale à mi-temps|false",
        "Write a job ad for my clinic. I need help because I'm recovering from a stroke|true",
        // First aid as gear or a course is everyday; needing it is not.
        "Write a product description for a first-aid kit for hikers|false",
        "Wo kann ich einen Erste-Hilfe-Kurs für den Führerschein machen?|false",
        "I needed first aid after I fell off my bike and hit my head|true",
    })
    void aPlantsOrAPetsIllnessLookingForSomethingOrTheWritersHealthJobIsNoEvidenceOfHealth(String text,
            boolean evidence) {
        GuardFeatures features = SensitiveTopicGuard.bundledFeatures();
        assertThat(features.hasEvidence(Category.HEALTH.name(), features.analyze(text))).as(text).isEqualTo(evidence);
    }

    @Test
    void aNonHumanSubjectLeavesOnlyTheCategorysSpecificLexicon() {
        GuardFeatures features = new GuardFeatures(
                Map.of("HEALTH", TermPatterns.compile(List.of("disease*", "infection"))), List.of("HEALTH"),
                new TopicVocabulary(Map.of(), List.of("HEALTH")),
                Map.of("HEALTH", TermPatterns.compile(List.of("sick", "fever"))), null, Map.of(),
                Map.of("HEALTH", new GuardFeatures.NonHumanAilments(TermPatterns.compileEverydayUses(List.of("my dog")),
                        TermPatterns.compileEverydayUses(List.of("sick", "disease*")),
                        TermPatterns.compileEverydayUses(List.of("bit me")))));
        assertThat(features.hasEvidence("HEALTH", features.analyze("my dog is sick"))).isFalse();
        assertThat(features.hasEvidence("HEALTH", features.analyze("my dog has a fever"))).isFalse();
        assertThat(features.analyze("my dog has a disease").lexiconHits()[0]).isFalse();
        assertThat(features.hasEvidence("HEALTH", features.analyze("my dog bit me and I have an infection"))).isTrue();
        assertThat(features.hasEvidence("HEALTH", features.analyze("my dog bit me and I have a fever"))).isTrue();
        assertThat(features.hasEvidence("HEALTH", features.analyze("I have a fever"))).isTrue();
        assertThat(features.analyze("I have a disease").lexiconHits()[0]).isTrue();
    }

    @Test
    void theWritersOwnJobCutsTheCategorysPlacesBeforeLexiconVocabularyAndEvidence() {
        List<String> categories = List.of("HEALTH");
        GuardFeatures.ImpersonalPlaces ownJob = GuardFeatures.ImpersonalPlaces.of(List.of("i'm a", "faccio l"),
                List.of("job ad for"), List.of(), List.of("physiotherapist", "infermiera"),
                List.of("physiotherapist", "infermiera", "clinic", "ward"));
        GuardFeatures features = new GuardFeatures(
                Map.of("HEALTH", TermPatterns.compile(List.of("physiotherap*", "in the ward"))), categories,
                new TopicVocabulary(Map.of("clinic", 0, "fracture", 0), categories, Set.of("clinic")),
                Map.of("HEALTH", TermPatterns.compile(List.of("clinic*", "fracture"))), null, Map.of(), Map.of(),
                MaskedWords.NONE, Map.of("HEALTH", ownJob));

        assertThat(ownJob.applies("i'm a physiotherapist")).isTrue();
        assertThat(ownJob.applies("i'm a newly qualified physiotherapist")).isTrue();
        assertThat(ownJob.applies("i'm a physiotherapists' daughter")).isTrue();
        assertThat(ownJob.applies("faccio l'infermiera")).isTrue();
        // Three words between, or a preposition: not a job the writer holds.
        assertThat(ownJob.applies("i'm a big fan of my physiotherapist")).isFalse();
        assertThat(ownJob.applies("i'm a patient at the physiotherapist")).isFalse();
        assertThat(ownJob.applies("i'm at the clinic")).isFalse();
        // A job ad: any words up to six before the place.
        assertThat(ownJob.applies("a job ad for a receptionist at a clinic")).isTrue();
        assertThat(ownJob.applies("a job ad for a receptionist who can also drive to the clinic")).isFalse();

        GuardFeatures.Analysis writerIsOne = features.analyze("I'm a physiotherapist in the ward of a clinic");
        assertThat(writerIsOne.impersonal()).containsExactly("HEALTH");
        assertThat(writerIsOne.lexiconHits()[0]).isFalse();
        assertThat(writerIsOne.vocabularyHits()[0]).isZero();
        assertThat(features.hasEvidence("HEALTH", writerIsOne)).isFalse();
        // What is not a place stays.
        GuardFeatures.Analysis injured = features.analyze("I'm a physiotherapist with a fracture");
        assertThat(features.hasEvidence("HEALTH", injured)).isTrue();
        assertThat(injured.vocabularyHits()[0]).isGreaterThan(0f);
        // Without the writer's job, the same words are evidence and lexicon hits.
        GuardFeatures.Analysis patient = features.analyze("My physiotherapist in the ward of a clinic");
        assertThat(patient.impersonal()).isEmpty();
        assertThat(patient.lexiconHits()[0]).isTrue();
        assertThat(features.hasEvidence("HEALTH", patient)).isTrue();
    }

    @Test
    void atWorkAPlaceGoesWithWhatItPractisesAndAPhraseWhoseTopicIsACivicsWordStays() {
        List<String> categories = List.of("HEALTH", "POLITICS");
        GuardFeatures.ImpersonalPlaces clinics = GuardFeatures.ImpersonalPlaces.of(List.of(),
                List.of("i work at", "lavoro in", "trabajo en"), List.of(), List.of("nurse"),
                List.of("clinic", "clinica", "nurse"), List.of(), List.of("centro"));
        GuardFeatures.ImpersonalPlaces polls = GuardFeatures.ImpersonalPlaces.of(List.of("i'm a"), List.of(),
                List.of(), List.of("poll worker"), List.of("poll worker", "voting"), List.of("voting"), List.of());
        GuardFeatures features = new GuardFeatures(
                Map.of("HEALTH", TermPatterns.compile(List.of("dermatolog*", "embarazada", "pregnant")),
                        "POLITICS", TermPatterns.compile(List.of("voting", "voting green"))),
                categories, new TopicVocabulary(Map.of(), categories),
                Map.of("HEALTH", TermPatterns.compile(List.of("dermatolog*")),
                        "POLITICS", TermPatterns.compile(List.of("voting"))),
                null, Map.of(), Map.of(), MaskedWords.NONE, Map.of("HEALTH", clinics, "POLITICS", polls));

        // The specialty before the place, after it with a preposition, or as a Romance adjective after it.
        for (String workplace : List.of("I work at a dermatology clinic", "Lavoro in un centro di dermatologia",
                "Trabajo en una clínica dermatológica", "Trabajo en una clínica de dermatología")) {
            GuardFeatures.Analysis atWork = features.analyze(workplace);
            assertThat(atWork.impersonal()).as(workplace).contains("HEALTH");
            assertThat(atWork.lexiconHits()[0]).as(workplace).isFalse();
        }
        // "centro" is a practice only with what it practises: alone, no workplace of the category.
        assertThat(features.analyze("Lavoro in centro, ho una dermatite").impersonal()).doesNotContain("HEALTH");
        // An adjective that is the writer's, not the specialty's, stays.
        assertThat(features.analyze("Trabajo en una clínica embarazada").lexiconHits()[0]).isTrue();
        // Not at work, the specialty is the writer's: a visit.
        assertThat(features.analyze("My dermatology clinic appointment is on Monday").lexiconHits()[0]).isTrue();

        int politics = categories.indexOf("POLITICS");
        // A civics word alone is the job's; in a longer phrase of the lexicon, the writer's vote.
        assertThat(features.analyze("I'm a poll worker, what is the voting age?").lexiconHits()[politics]).isFalse();
        assertThat(features.analyze("I'm a poll worker and I'm voting Green").lexiconHits()[politics]).isTrue();
    }

    @Test
    void twoMembersOfAGroupAreCutUnlessTheWriterAndAPartnerAreThePair() {
        List<String> categories = List.of("HEALTH", "RELIGION", "SEXUAL_ORIENTATION", "RACE_ETHNICITY", "POLITICS");
        GuardFeatures.MembersOfAGroup members = new GuardFeatures.MembersOfAGroup(
                TermPatterns.compileEverydayUses(List.of("two dads from our", "two dads of the")),
                TermPatterns.compileEverydayUses(List.of("me and my husband", "my husband and i")));
        GuardFeatures features = new GuardFeatures(
                Map.of("SEXUAL_ORIENTATION", TermPatterns.compile(List.of("two dads", "gay"))),
                categories, new TopicVocabulary(Map.of(), categories),
                Map.of("SEXUAL_ORIENTATION", TermPatterns.compile(List.of("two dads", "gay"))),
                null, Map.of(), Map.of(), MaskedWords.NONE, Map.of(), Map.of("SEXUAL_ORIENTATION", members));
        int orientation = categories.indexOf("SEXUAL_ORIENTATION");

        GuardFeatures.Analysis fair = features.analyze("Two dads from our school are running the fair");
        assertThat(fair.lexiconHits()[orientation]).isFalse();
        assertThat(features.hasEvidence("SEXUAL_ORIENTATION", fair)).isFalse();
        // Not a member of a group: a family.
        assertThat(features.analyze("We're two dads from Leeds").lexiconHits()[orientation]).isTrue();
        // The writer and a partner are the pair.
        GuardFeatures.Analysis us = features.analyze("Two dads from our school run the fair: me and my husband");
        assertThat(us.lexiconHits()[orientation]).isTrue();
        assertThat(features.hasEvidence("SEXUAL_ORIENTATION", us)).isTrue();
        // Every other term stays.
        assertThat(features.analyze("Two dads of the committee are gay").lexiconHits()[orientation]).isTrue();
    }

    @Test
    void aQuestionOfFactOrAVisitCutsTheCategorysPlacesAndCivicsWordsButNotItsOwnPhrasesOrOtherTerms() {
        List<String> categories = List.of("HEALTH", "RELIGION", "SEXUAL_ORIENTATION", "RACE_ETHNICITY", "POLITICS");
        GuardFeatures.ImpersonalPlaces civics = GuardFeatures.ImpersonalPlaces.of(List.of(), List.of(),
                List.of("how many", "for a quiz"), List.of(), List.of("senate", "senator", "vote"));
        GuardFeatures.ImpersonalPlaces visits = GuardFeatures.ImpersonalPlaces.of(List.of(), List.of(),
                List.of("history of"), List.of(), List.of("church"));
        GuardFeatures features = new GuardFeatures(
                Map.of("POLITICS", TermPatterns.compile(List.of("senator*", "vote", "fascis*")),
                        "RELIGION", TermPatterns.compile(List.of("our church", "pray*"))),
                categories, new TopicVocabulary(Map.of(), categories),
                Map.of("POLITICS", TermPatterns.compile(List.of("senat*", "vote*", "fascis*")),
                        "RELIGION", TermPatterns.compile(List.of("church*", "pray*")),
                        "RACE_ETHNICITY", TermPatterns.compile(List.of("british"))),
                null, Map.of(), Map.of(), MaskedWords.NONE, Map.of("POLITICS", civics, "RELIGION", visits));

        // The question applies wherever it stands, but only beside one of the places or civics words.
        assertThat(civics.applies("how many senators are there")).isTrue();
        assertThat(civics.applies("what does a senator do? it's for a quiz")).isTrue();
        assertThat(civics.applies("how many cups of flour")).isFalse();
        assertThat(civics.applies("the senate will vote today")).isFalse();

        GuardFeatures.Analysis seats = features.analyze("How many senators are there, and when do they vote?");
        assertThat(seats.impersonal()).containsExactly("POLITICS");
        assertThat(seats.lexiconHits()[categories.indexOf("POLITICS")]).isFalse();
        assertThat(features.hasEvidence("POLITICS", seats)).isFalse();
        // Every other term stays.
        GuardFeatures.Analysis opinion = features.analyze("How many senators are fascists?");
        assertThat(opinion.lexiconHits()[categories.indexOf("POLITICS")]).isTrue();
        assertThat(features.hasEvidence("POLITICS", opinion)).isTrue();
        // A place inside a longer phrase of the lexicon stays: the writer's own church.
        GuardFeatures.Analysis sightseeing = features.analyze("Tell me the history of the church on the hill");
        assertThat(sightseeing.lexiconHits()[categories.indexOf("RELIGION")]).isFalse();
        assertThat(features.hasEvidence("RELIGION", sightseeing)).isFalse();
        GuardFeatures.Analysis ours = features.analyze("Tell me the history of our church");
        assertThat(ours.lexiconHits()[categories.indexOf("RELIGION")]).isTrue();
        assertThat(features.hasEvidence("RELIGION", ours)).isTrue();

        // A head confident of the category needs evidence all the same, and what it read is no reason to flag
        // another category the text shows evidence of.
        float[] embedding = {0, 0, 0};
        SensitiveTopicGuard confident = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.005, "POLITICS", 0.995)), features, true);
        assertThat(confident.assess("How many senators are there, and when do they vote?", embedding).sensitive())
                .isFalse();
        assertThat(confident.assess("How many British senators are there?", embedding).sensitive()).isFalse();
        assertThat(confident.assess("How many senators are fascists?", embedding).categories())
                .containsExactly("POLITICS");
        assertThat(confident.assess("Who will the senators back next?", embedding).categories())
                .containsExactly("POLITICS");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // How an institution works, asked for a quiz, a lesson or a visit (session 64), names no one's opinion or
        // faith; what the writer adds about their own still counts.
        "How many members does the Bundestag have? It's for a pub quiz|false",
        "Explain to my nine-year-old what a mayor does|false",
        "Quelle est la différence entre le Sénat et l'Assemblée nationale ?|false",
        "Wie funktioniert eine Bundestagswahl? Bitte einfach erklären|false",
        "¿Cuántos diputados tiene el Congreso de los Diputados?|false",
        "Plan a day trip to York with a guided tour of the minster|false",
        "Explain to my son why I'm a member of the Labour Party|true",
        "Wie viele Abgeordnete hat die AfD? Ich habe sie gewählt|true",
        "How many senators voted against abortion rights? I'm furious|true",
        "Give me the history of our mosque for the open day leaflet|true",
        "Itinerary for our pilgrimage to Lourdes, we want to pray at the grotto|true",
        "How often does the Bundesrat meet? I vote for the GOP back home in Ohio|true",
        "Nous fêtons nos dix ans de mariage entre femmes, une idée de week-end ?|true",
        "Subo a Montserrat cada año por una promesa a la Virgen, ¿a qué hora abre?|true",
        // The European Union's institutions name no people.
        "Summarise what the European Parliament and the European Council each decide|false",
        "Qui préside la Commission européenne en ce moment ?|false",
    })
    void aQuestionOfFactALessonOrAVisitAboutAnInstitutionDisclosesOnlyWhatTheWriterAdds(String text,
            boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // A piece of writing for an institution's occasion (session 65) uses its places and jobs as impersonally as
        // a question; a condition, a treatment or "our church" the writer adds still counts.
        "Write a newsletter intro for our care home's families about the summer barbecue|false",
        "Write a thank-you card to the nurses on the maternity ward from the bakery next door|false",
        "Write a short retirement speech for our practice nurse Linda|false",
        "Write a thank-you card to the nurses who looked after me during my chemo|true",
        "Draft a fundraiser post: I was diagnosed with MS and I'm running for the hospital|true",
        "Help me write a newsletter for our church's youth group|true",
        "Schreib eine Dankeskarte an die Hebammen der Wochenstation, die mich nach meinem Kaiserschnitt betreut haben|true",
        // An English parish council is local government.
        "Draft a newsletter intro for the parish council's summer fete with the tombola|false",
        // Two mothers or two fathers of a group are two of its members; a couple of one's own is said otherwise.
        "Two dads from our school are organising the summer fair; write them a thank-you note|false",
        "Two mums from the PTA are running the bake sale; draft a thank-you message|false",
        "Siamo due mamme del comitato genitori e dobbiamo organizzare la festa|false",
        "Nous sommes deux femmes à organiser la kermesse de l'école|false",
        "We're two dads from Leeds and our son starts school next week, any tips?|true",
        "My daughter has two mums and the school keeps writing to Mr and Mrs|true",
        "Siamo due mamme e nostra figlia inizia l'asilo, consigli?|true",
        "Two dads from the football club are running the barbecue, me and my husband that is|true",
    })
    void writingForAnInstitutionsOccasionOrNamingMembersOfAGroupDisclosesOnlyWhatTheWriterAdds(String text,
            boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // A writer who works at a health practice or a town hall (session 65) writes about the workplace: its places,
        // its patients and appointments, a polling station's jobs; what the writer adds of their own still counts.
        "I work on reception at a physiotherapy clinic. Draft a reminder for patients about the new parking rules|false",
        "Ich arbeite am Empfang einer Hausarztpraxis, formuliere eine Nachricht an die Patienten wegen unseres Urlaubs|false",
        "How do I become an election worker, and how long are the shifts?|false",
        "I work at the town hall and I think the mayor is a fascist|true",
        "I volunteer at a hospice and my own chemo starts next week|true",
        "How do I become a poll worker? I'm a Labour member and want to help on polling day|true",
        // Italian "pagano" is also "they pay".
        "Quanto mi pagano per fare lo scrutatore?|false",
        // A war in a book club's novel names no people; a reader who says who they are still does.
        "Our book club is reading a novel about the civil war, and as a Black reader I feel the author erases us|true",
    })
    void aWritersWorkplaceItsPatientsAndAPollingStationsJobsDiscloseOnlyWhatTheWriterAdds(String text,
            boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // A thing said to be ill (session 66): a machine, a website or a page followed in its clause by a word of
        // illness is a figure of speech; a writer who says they are ill too, in the same message, still is.
        "Il mio computer è malato da giorni, si spegne da solo. Cosa controllo?|false",
        "Our checkout page is bleeding customers on mobile, what should I A/B test first?|false",
        "Our server has been sick all week and so have I, I've got shingles. Draft the status update.|true",
        "My laptop is dying and so am I, the chemo has wiped me out. How do I back up everything quickly?|true",
        "Mein Handy ist kaputt und ich bin krank, wie bestelle ich ein neues?|true",
        "My phone has been acting sick since the update and I've been sick too, flu. Which settings reset it?|true",
        // Running a therapy practice's diary is the writer's work; a treatment of their own there still counts.
        "Ich vergebe die Termine in einer Physiotherapiepraxis. Schreib eine Vorlage für Terminerinnerungen per SMS.|false",
        "I handle the bookings at a chiropractic clinic, where they also treat my scoliosis. Write a no-show policy.|true",
        // An election's officials and its evening, a parish's fundraiser: institutions, not the writer's.
        "Was macht eigentlich eine Wahlleiterin am Wahlabend?|false",
        "La parrocchia organizza una tombola per il tetto della chiesa, scrivi la locandina.|false",
        // What the lists lacked: a couple of one gender, a church's brotherhood, a child's confirmation, the only
        // one of a people in a group.
        "Nous sommes un couple d'hommes et on cherche une crèche ouverte, des conseils ?|true",
        "Soy cofrade de la Macarena desde pequeño, ¿cómo escribo un pregón?|true",
        "My daughter's confirmation is next month, what gift should her godparents give?|true",
        "Je suis la seule Marocaine de l'équipe et on me le fait sentir, que faire ?|true",
    })
    void aThingSaidToBeIllOrAPracticesDiaryDisclosesOnlyWhatTheWriterAdds(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // At work (session 66, after check set 13): what a practice practises goes with it, whatever the specialty;
        // a vote for a party is never the job; a publication or a polling station is no person.
        "I'm the receptionist at a cardiology clinic. Draft an out-of-office reply for the Christmas week.|false",
        "Lavoro in un centro di cardiologia come segretaria, scrivi un avviso per la sala d'attesa.|false",
        "I work at a dermatology clinic and I'm pregnant, which creams should I stop handling?|true",
        "Trabajo en una clínica embarazada de seis meses y me mandan hacer guardias, ¿es legal?|true",
        "I'm a nurse diagnosed with lupus last year, how do I manage night shifts?|true",
        "I'm a poll worker on Thursday and I'm voting Labour myself, can I say so to voters?|true",
        "Ich bin Wahlhelfer und ich wähle die Grünen, darf ich einen Anstecker tragen?|true",
        "Wer sitzt eigentlich im Wahllokal, und wer zählt aus? Eine Quizfrage für heute Abend.|false",
        "Our podcast is on life support, give me ten episode ideas to win listeners back.|false",
        "After my stroke last spring, my handwriting is shaky; which pen grips help?|true",
    })
    void aWorkplacesSpecialtyIsTheWorkplacesButAVoteOrAConditionIsTheWritersOwn(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // After check set 14 (session 66): figures, bicycles and a vegetable garden said to be ill, a vet's practice,
        // being allergic to Mondays, a council's seats for a school project; a hernia, which no list had.
        "Our monthly figures are on life support, draft a frank opening line for the team meeting.|false",
        "Mein Fahrrad ist seit dem Winter krank, die Gangschaltung hakt. Lohnt sich eine Inspektion?|false",
        "El huerto está enfermo desde las lluvias, ¿qué hago con las lechugas?|false",
        "I'm the practice manager at a veterinary surgery. Draft a rota template for four vets.|false",
        "Put 'allergic to Mondays' on a mug design with a cartoon cat.|false",
        "I'm allergic to penicillin and my dentist wants to prescribe antibiotics, what should I ask?|true",
        "¿Cuántos concejales hay en Madrid? Es para un trabajo de clase.|false",
        "J'ai une hernie inguinale, est-ce que je peux porter mes courses ?|true",
    })
    void figuresBicyclesAndGardensSaidToBeIllAndAVetsPracticeDiscloseNothing(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Figures of speech from faith, health and politics (session 67) name no belief, condition or opinion of the
        // writer's; the same words meant literally, beside them, still do.
        "My first week as a team lead was a real baptism of fire; help me write a short retro for my manager.|false",
        "This style guide is the bible of our design team. Summarize its main sections.|false",
        "Ce tableur est notre bible pour les stocks ; explique-moi les formules.|false",
        "I'm sick and tired of manual invoicing; which tools automate it for a freelancer?|false",
        "Our proposal became a political football between two departments. Write a neutral summary.|false",
        "Mi coche tiene fiebre, el indicador de temperatura sube. ¿Qué puede ser?|false",
        "I read my Bible every night before bed; suggest a plan to finish it in a year.|true",
        "Je vais à la messe basse de 8 h tous les dimanches ; trouve-moi une paroisse près de Lyon.|true",
        "The nurse gave me a shot in the arm and now it's swollen and hot. Is that normal after a flu jab?|true",
        "I had a heart attack last year and my cardiologist says I can fly now; which seat should I book?|true",
        // German "im" (in the) does not end a thing's figure of speech as English "im" (I'm) would.
        "Die Kaffeemaschine im Büro hat einen Herzinfarkt erlitten. Schreib eine lustige Nachricht an das Team.|false",
        // The head's score for a category whose words stand only in a figure of speech is not handed to another
        // category that "feels" gives evidence for.
        "Our onboarding doc is a baptism of fire for new hires; rewrite the intro so it feels welcoming.|false",
        // The pilgrimages to Mecca, which no list had.
        "I'm flying to Mecca for Umrah next month; what should I pack?|true",
        "¿Qué diferencia hay entre el Congreso y el Senado? Soy afiliada a Podemos y quiero entenderlo bien.|true",
    })
    void figuresOfSpeechFromFaithHealthAndPoliticsDiscloseNothingButTheWordsMeantLiterallyDo(String text,
            boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // A law of nature or of engineering named after its finder is no state's law (session 67); a law passed
        // by a parliament still is.
        "Murphy's law strikes again: the printer jammed right before the meeting. Write a funny Slack message.|false",
        "What is the law of diminishing returns? Give an example from studying.|false",
        "Parkinson's law says work expands to fill the time available; how do I use it to plan my week?|false",
        "The new gun law is a disgrace; which senators voted for it?|true",
        // Everyday senses in other languages: a choice, a Miss election, a shrug, excitement, a fan, a dish's origin.
        "Ich habe die Wahl zwischen zwei Jobangeboten; mach mir eine Pro-und-Contra-Liste.|false",
        "L'élection de Miss France est ce soir, propose un apéro à thème.|false",
        "Ma foi, c'est une bonne idée : organise un pique-nique dimanche.|false",
        "T'es malade, il est trois heures du matin ! Écris une réponse drôle à mon pote.|false",
        "Ich bin ganz krank vor Vorfreude auf den Urlaub! Schreib eine Packliste für Mallorca.|false",
        "Sono malato di calcio, consigliami un libro sul Mundial 82.|false",
        "¿Cuál es el origen del gazpacho?|false",
        "Qual é a origem do pastel de nata?|false",
        "J'ai perdu ma foi après la mort de mon père ; comment en parler à ma femme ?|true",
        "Mi familia es de origen marroquí y en el trabajo me preguntan mucho. ¿Cómo respondo?|true",
        "Sono malato di diabete, cosa posso mangiare a colazione?|true",
    })
    void namedLawsAndEverydaySensesOfTheTopicsWordsDiscloseNothing(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Forms no list had (session 67): endometriosis in Italian, taking lithium, German "Reha", an arm in a cast,
        // the Dutch pelvic floor, one's own turban; a lithium battery is no treatment.
        "ho l'endometriosi e il ciclo mi distrugge, idee per il lavoro?|true",
        "tomo lítio há um ano, posso beber vinho de vez em quando?|true",
        "Seit der Reha kann ich wieder laufen, welche Wanderschuhe passen?|true",
        "Mi hanno ingessato il braccio, come faccio a lavarmi?|true",
        "Sinds de bevalling heb ik last van mijn bekkenbodem|true",
        "Is it okay to wear my turban to a job interview at a bank?|true",
        "Which lithium battery lasts longest in a camera drone?|false",
    })
    void conditionsTreatmentsAndSignsOfFaithTheListsLacked(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Session 68: a person called a saint, Christmas as a date, a fever for things, a network said to be ill, a
        // home town; beside them the literal uses that stay sensitive.
        "My boss is a saint, what should I get him for Christmas?|false",
        "Il mio capo è un santo, che regalo gli faccio per Natale?|false",
        "Was schenke ich meiner Chefin zu Weihnachten? Sie ist eine Heilige.|false",
        "Qual é a melhor pastelaria da minha cidade natal, Braga?|false",
        "I've got cabin fever after a week indoors; suggest a day trip.|false",
        "Tengo fiebre de compras con las rebajas; ayúdame a hacer un presupuesto mensual.|false",
        "J'ai la fièvre acheteuse pendant les soldes, fais-moi un budget.|false",
        "Das Internet ist heute krank, alles lädt ewig.|false",
        "Can you do the narration in a French accent?|false",
        "Flights to Rosario from Buenos Aires next Friday?|false",
        "I go to midnight mass at Christmas with my parish; what gift suits our priest?|true",
        "Per Natale digiuno e prego il rosario ogni sera, consigliami un libro.|true",
        "Tengo fiebre desde ayer y me duele la garganta, ¿qué hago?|true",
        "Ich bin seit Tagen krank und das Wlan geht auch nicht, kannst du helfen?|true",
        // One's own accent named by its origin holds the everyday "Nigerian accent" whole, so it stands.
        "My coworkers keep mocking my Nigerian accent in meetings; how do I raise it with HR?|true",
        "Se burlan de mi acento colombiano en el trabajo, ¿cómo lo hablo con mi jefe?|true",
        "On s'est moqué de mon accent ivoirien en réunion, comment réagir ?|true",
    })
    void figuresOfPraiseDatesAndFeversAreEverydayAndOnesOwnAccentIsNot(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Forms no list had (session 68): HIV as "VIH", methadone, pansexual in French, German and Italian, a
        // stroke in Portuguese, a headscarf worn lately, guest workers, a homeland that is no country, party cards in
        // Italian and Portuguese, two men in Dutch; beside them everyday neighbours.
        "Tengo VIH y quiero viajar a Dubái, ¿hay restricciones?|true",
        "Ich nehme Methadon, darf ich damit nach Thailand fliegen?|true",
        "Je suis pansexuel, comment en parler à mes parents ?|true",
        "Sono pansessuale, come lo dico ai miei?|true",
        "Desde o AVC custa-me ler textos longos; resume isto.|true",
        "Ich trage seit kurzem Kopftuch; welche Farben passen zu einem grauen Mantel?|true",
        "Meine Eltern kamen als Gastarbeiter aus Anatolien, schreib eine Rede für ihren 70.|true",
        "My parents came from Punjab in the 70s; write a toast for their anniversary.|true",
        "Sono iscritta al PD, scrivimi un volantino per la festa di sezione.|true",
        "Sou filiado no PCP e preciso de um discurso para o 25 de Abril.|true",
        "Mijn vriend en ik zijn twee mannen, zoek een hotel in Gent.|true",
        "Henry VIII had six wives; make a quiz.|false",
        "Is Punjab worth visiting in winter? Plan 5 days.|false",
        "Mi sono iscritta al corso di yoga, cosa porto?|false",
        "Ich trage seit kurzem eine Brille, welche Fassung passt zu einem runden Gesicht?|false",
        "Football is a religion in this town; suggest a name for our pub quiz team.|false",
        "Write a blog intro about the gospel of clean code.|false",
        "The gospel of Mark is my favourite, summarise chapter 1 for my Bible study.|true",
        "Add a liberal amount of butter to the pastry? Explain why.|false",
        "Explain the Mexican standoff scene in Reservoir Dogs.|false",
        "Recipes from the Amish cookbook I got at a flea market.|false",
        "We had a vote in the family and pizza won; suggest toppings.|false",
    })
    void formsTheListsLackedInSessionSixtyEight(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Session 68: the figures of speech in Dutch and Polish, and being ill in Dutch.
        "Voetbal is hier een religie; verzin een naam voor ons quizteam.|false",
        "Mijn baas is een heilige, wat geef ik hem met kerst?|false",
        "Mój laptop jest chory od aktualizacji, co sprawdzić?|false",
        "Jestem chory na punkcie piłki nożnej, poleć książkę.|false",
        "Czarna kawa czy z mlekiem?|false",
        "Zwarte koffie of met melk: wat is gezonder?|false",
        "Ik ben ziek sinds gisteren, wat nu?|true",
        "Jestem chory od tygodnia, a komputer też nie działa; co robić?|true",
        "Met kerst ga ik naar de nachtmis in onze parochie; welk cadeau voor de pastoor?|true",
    })
    void dutchAndPolishFiguresOfSpeechAreEverydayAndBeingIllIsNot(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Session 68: an Armenian or Kurdish parent in Turkish, insulin in Russian, parents from Dagestan, a Kurdish
        // origin in Arabic; a wolf's name, a cuisine and "three out of ten" are not.
        "Annem Kürt, babam Ermeni; düğün konuşması yaz.|true",
        "Я на инсулине, что взять в поход?|true",
        "Мои родители из Дагестана, напиши тост на их годовщину.|true",
        "والداي من أصل كردي، اكتب كلمة لذكرى زواجهما.|true",
        "Kurt Cobain'in en iyi şarkıları hangileri?|false",
        "Ermeni mutfağından bir tarif önerir misin?|false",
        "حصلت على ثلاثة من أصل عشرة في الامتحان، كيف أتحسن؟|false",
    })
    void originsAndInsulinInTurkishRussianAndArabic(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Session 68: software and machines in a clinic's words, evangelising a language, an orthodox approach,
        // democratising data; the same words about a person or a faith stay sensitive.
        "What are the symptoms of a memory leak in a Node service?|false",
        "What are the symptoms of a bad alternator?|false",
        "Diagnose why this SQL query is slow.|false",
        "This bug is the patient zero of our regression mess; write the incident summary.|false",
        "The old API is on life support; write the deprecation notice.|false",
        "I evangelize Rust at work; suggest a lunch-and-learn outline.|false",
        "Our approach to testing is fairly orthodox; suggest something new.|false",
        "Democratize data access in our company: a one-page plan.|false",
        "What are the symptoms of a failing kidney? My dad has high creatinine.|true",
        "My doctor can't diagnose why I'm always tired; what tests should I ask for?|true",
        "I'm an Orthodox Jew and keep Shabbat; plan my weekend.|true",
        "I evangelize in my neighbourhood every Saturday with my church; write a flyer.|true",
    })
    void softwareInAClinicsWordsAndOtherFiguresAreEveryday(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Session 68: a clinic's word followed closely by a thing (relation "thing-diagnosis"), in five languages;
        // a diagnosis with a condition, or symptoms the writer has, stay sensitive whatever thing is near.
        "Welche Symptome hat eine defekte Lichtmaschine?|false",
        "Quels sont les symptômes d'une fuite mémoire en Python ?|false",
        "Diagnostique pourquoi cette requête SQL est lente.|false",
        "¿Qué síntomas tiene un alternador que falla?|false",
        "Haz un diagnóstico de rendimiento de mi web.|false",
        "Fai una diagnosi delle prestazioni del mio sito.|false",
        "Quais são os sintomas de um alternador avariado?|false",
        "Diagnostica perché questa query SQL è lenta.|false",
        "Diagnostica perché ho mal di testa ogni mattina?|true",
        "The doctor diagnosed a concussion after the car crash; when can I drive again?|true",
        "I get symptoms of a migraine whenever I look at my phone screen; which settings help?|true",
        "Ich habe Symptome einer Grippe, darf ich ins Büro?|true",
        "Fui diagnosticada com endometriose; que aplicação uso para o ciclo?|true",
    })
    void aClinicsWordBeforeAThingIsEveryday(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Turkish, Russian, Arabic, Hindi and Chinese (session 67): high blood pressure, a diagnosis, ADHD, a hospital
        // stay, an Old Believer's fast, a vote; the same words' everyday neighbours are not (a tyre's pressure, testing
        // code, a participle, a surname, a parade).
        "Yüksek tansiyonum var, kahve içmem zararlı mı?|true",
        "У меня высокое давление, можно ли мне пить кофе?|true",
        "Я старообрядец, когда в этом году Рождественский пост?|true",
        "أعاني من ضغط الدم المرتفع، هل القهوة مضرة؟|true",
        "मेरा ब्लड प्रेशर बहुत बढ़ा रहता है, क्या चाय पीना ठीक है?|true",
        "我住院了一个星期，怎么向公司请假？|true",
        "我在帮党支部写一篇发言稿|true",
        "Как проверить давление в шинах зимой?|false",
        "Как протестировать этот код на Python?|false",
        "Что такое причастный оборот? Приведи пример.|false",
        "मेरे दोस्त राहुल जैन का जन्मदिन है, एक संदेश लिखो।|false",
        "迪士尼的游行几点开始？|false",
    })
    void otherScriptsAndTurkishSayConditionsFaithsAndVotesInMoreWords(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    /**
     * Classes of sensitive message that four check sets written before they were first read found missing (session 56),
     * each beside everyday words that share its letters: sex life beyond orientation, being bi and attraction in other
     * phrasings, mixed origins, peoples and unions (set 7); English faiths, families, origins and unions said
     * indirectly (set 8: the verb "lent" beside Lent); French and German in a chattier register (set 9: a beet and
     * "asked" beside praying, aid beside Eid, Poland beside the Poles, a traffic light beside the coalition, freediving
     * beside sleep apnoea); Spanish, Italian and Portuguese (set 10: a rule, cures, a deer, adding up).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "On a ouvert notre couple, comment gérer la jalousie ?|SEXUAL_ORIENTATION|true",
        "Wir suchen einen Swingerclub in Hamburg|SEXUAL_ORIENTATION|true",
        "We've been in an open relationship for a year|SEXUAL_ORIENTATION|true",
        "Where can I take swing dance lessons?|SEXUAL_ORIENTATION|false",
        "Find me a film like Swingers or Friends with Benefits|SEXUAL_ORIENTATION|false",
        "Je pense être bi, comment savoir ?|SEXUAL_ORIENTATION|true",
        "Wie sage ich meiner Freundin, dass ich auch auf Frauen stehe?|SEXUAL_ORIENTATION|true",
        "Ich bin Halbjapanerin und werde ständig gefragt, woher ich komme|RACE_ETHNICITY|true",
        "Als Sintiza wurde ich in der Schule oft ausgegrenzt|RACE_ETHNICITY|true",
        "Soy mapuche y quiero aprender la lengua de mis abuelos|RACE_ETHNICITY|true",
        "Lohnt sich der Eintritt in ver.di für eine Pflegekraft?|POLITICS|true",
        "Soy afiliada de UGT desde hace diez años|POLITICS|true",
        "Ich höre gern Verdi, vor allem La Traviata|POLITICS|false",
        // Set 8
        "What time does Shabbat end this Saturday in Chicago?|RELIGION|true",
        "I'm giving up chocolate for Lent|RELIGION|true",
        "I lent my neighbour the ladder|RELIGION|false",
        "We're two dads looking for a family-friendly hotel|SEXUAL_ORIENTATION|true",
        "My grandparents came from Punjab|RACE_ETHNICITY|true",
        "How do I convince my coworkers to unionize?|POLITICS|true",
        // Set 9
        "j'ai rdv chez le gynéco pour mon stérilet|HEALTH|true",
        "Ich muss morgen zur Darmspiegelung|HEALTH|true",
        "On m'a diagnostiqué une apnée du sommeil|HEALTH|true",
        "J'ai fait de l'apnée en Corse cet été|HEALTH|false",
        "Je porte le voile depuis cette année|RELIGION|true",
        "Des idées de cadeaux pour l'Aïd ?|RELIGION|true",
        "Merci pour l'aide, c'est parfait|RELIGION|false",
        "Wir lassen unseren Sohn konfirmieren|RELIGION|true",
        "Ich bete fünfmal am Tag|RELIGION|true",
        "Rote Bete mit Ziegenkäse, wie lange backen?|RELIGION|false",
        "Ich habe ihn darum gebeten, mir zu helfen|RELIGION|false",
        "Meine Familie stammt aus Eritrea|RACE_ETHNICITY|true",
        "Die Polen klauen doch alle Autos|RACE_ETHNICITY|true",
        "Wir machen im Sommer Urlaub in Polen|RACE_ETHNICITY|false",
        "J'ai adhéré au RN le mois dernier|POLITICS|true",
        "Ich bin bei den Jusos aktiv|POLITICS|true",
        "Die Ampelkoalition ist gescheitert|POLITICS|true",
        "Die Ampel ist rot, warte kurz|POLITICS|false",
        // Set 10
        "Mi hija tiene TDAH y en el cole no la entienden|HEALTH|true",
        "llevo tres semanas con la regla cada diez días|HEALTH|true",
        "¿Cuál es la regla de tres?|HEALTH|false",
        "Los curas son todos unos hipócritas|RELIGION|true",
        "Las curas de esta crema son rápidas|RELIGION|false",
        "Os viados deviam ficar no armário|SEXUAL_ORIENTATION|true",
        "Vi um veado na estrada|SEXUAL_ORIENTATION|false",
        "Mis abuelos emigraron de Galicia a Argentina|RACE_ETHNICITY|true",
        "I rumeni rubano e basta|RACE_ETHNICITY|true",
        "Los de Sumar son unos vendidos|POLITICS|true",
        "Ayúdame a sumar estas facturas|POLITICS|false",
        "Os bolsonaristas destruíram o país|POLITICS|true",
    })
    void disclosuresFreshCheckSetsFoundMissing(String text, String category, boolean hit) {
        assertThat(lexiconHit(text, category)).as(text).isEqualTo(hit);
    }



    @Test
    void aFormsDateOfBirthOrATyresPressureIsNoEvidenceOfHealth() {
        GuardFeatures features = withEverydayUses(Map.of(), "HEALTH", List.of("birth", "pressure", "health*", "blood"),
                List.of(), List.of(), List.of("date of birth", "tire pressure", "how healthy"));
        SensitiveTopicGuard leaning = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.35, "HEALTH", 0.65)), features, true);
        float[] embedding = {0, 0, 0};
        assertThat(leaning.assess("please tell me your date of birth", embedding).sensitive()).isFalse();
        assertThat(leaning.assess("measure tire pressure", embedding).sensitive()).isFalse();
        assertThat(leaning.assess("how healthy is tomato soup", embedding).sensitive()).isFalse();
        assertThat(leaning.assess("my blood pressure is too high", embedding).categories()).containsExactly("HEALTH");
        assertThat(leaning.assess("I gave birth last week", embedding).categories()).containsExactly("HEALTH");
    }

    @Test
    void aConfidentHeadNeedsEvidenceWhenEveryWordIsCommon() {
        Map<String, Pattern> evidence = Map.of("HEALTH", TermPatterns.compile(List.of("doctor*")));
        List<String> categories = List.of("HEALTH", "RELIGION", "SEXUAL_ORIENTATION", "RACE_ETHNICITY", "POLITICS");
        GuardFeatures features = new GuardFeatures(Map.of(), categories, new TopicVocabulary(Map.of(), categories),
                evidence, new CommonWords(Set.of("what", "are", "the", "uses", "of", "increase", "volume", "to", "my")),
                Map.of());
        SensitiveTopicGuard confident = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.01, "HEALTH", 0.99)), features, true);
        float[] embedding = {0, 0, 0};
        // Only common words: nothing a list could have missed, so the confident head gets no exception.
        assertThat(confident.assess("increase volume to 4", embedding).sensitive()).isFalse();
        // A word outside them is what the exception is for.
        assertThat(confident.assess("What are the uses of Clarithromycin?", embedding).categories())
                .containsExactly("HEALTH");
        // With evidence the common words do not matter.
        assertThat(confident.assess("increase my doctor volume", embedding).categories()).containsExactly("HEALTH");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I've been waiting a week, when will my card arrive?",
        "I woke up late, move my alarm to 7",
        "parfait, on part sur la deuxième option",
        "Je vous en prie, c'est avec plaisir",
        "Ich glaube, der Zug hat Verspätung",
        "Mi paquete no ha llegado, ¿qué hago?",
        "È stato bello, grazie mille!",
        "Hoe laat gaat de winkel open?",
        "Zamówienie jeszcze nie dotarło, co robić?",
        "Can you place the order for the burger?",
        "Heb je nog een tip voor vanavond?",
        "Herzlichen Glückwunsch zum Geburtstag!",
        "Parto domani per Milano, sono contento",
        "Os meus amigos chegam amanhã",
        "Hartelijk dank voor je hulp",
        "Główny dworzec jest daleko?",
        "Una bolsa de papel, por favor",
        "Quanto è lungo il film?",
        // English words that terms written for other languages matched until 2026-11-30 ("turke*", "demon*",
        // "premier*", "credent*", "converti*", "tract*", "recept*", "sang*", "dent", "hospita*", "reform*").
        "How long should I roast a turkey?",
        "Can you demonstrate how the convertible roof works?",
        "When is the film premiere?",
        "I need to renew my credentials",
        "Where can I buy a second-hand tractor?",
        "The reception desk closes at nine",
        "She sang at the concert and there is a dent in the car",
        "Thanks for your hospitality",
        "How do I reformat this disk?",
        // German compounds and surnames that begin like "schwarz" (black).
        "Arnold Schwarzenegger movies ranked",
        "Wanderwege im Schwarzwald",
        // A party that is a celebration, and French "partie" (a game; Polish "partie" are parties).
        "The party at Sam's was amazing, we danced until 3am",
        "Any ideas for a surprise party for my boss?",
        "Wir feiern am Samstag eine Party, was soll ich kochen?",
        "On fait une partie de cartes ce soir ?",
        // Health paperwork and food.
        "What does my health plan cover this year?",
        "How many calories are in a chicken breast?",
        "What does Subway put in a cold cut combo?",
        // The assistant's own origin, a dish, a card.
        "What's your country of origin?",
        "How do I make a Mexican lasagna?",
        "Pay my American Express bill",
        // One's own tax bill.
        "How much will my state taxes be this year?",
        // English words that terms written for other languages matched until session 19 ("pays", "pools*",
        // "condones", "aids", "syndic*", "manifestation*", "regional*", "candidat*", "abort*", "staking*",
        // "femini*", "pasteur*", "buddy*", "diabe*", "angel*" in "Los Angeles", French "taxe*" in "taxes").
        "Who pays for the swimming pools at the hotel?",
        "He never condones cheating at cards",
        "Which study aids work best for exams?",
        "Find me a syndicated column about gardening",
        "The regional manager is on holiday today",
        "Abort the running program",
        "What are the staking rewards for my coins?",
        "Is this font too feminine for a logo?",
        "Is pasteurised milk fine for cheese?",
        "Say hi to my buddy Tom",
        "Book a flight to Los Angeles",
        "How much do I pay in taxes?",
        // Spanish and Portuguese "gripe" (flu) in the topic vocabulary, which flags alone.
        "My one gripe with this phone is the battery",
        // Session 19: words the broad English terms and the medical endings caught ("head*", "disab*", "*pathy"),
        // small talk to the assistant, paperwork about care, vaccines a trip requires.
        "Heads or tails? I'm heading to the office",
        "Can I disable my card?",
        "How do you spell antipathy?",
        "How do you feel today? When were you born?",
        "When is my medical bill due, and how many sick days do I have left?",
        "Will I need vaccines for my trip to Peru?",
        // Session 21: words that share only a term's beginning or end ("sourd*", "pain*", "jew*", "*pathy").
        "Is it normal for my sourdough to rise so slowly in winter?",
        "Any tips for painting my kitchen a lighter colour?",
        "Where can I buy jewelry for a birthday?",
        "Write a sympathy card for my neighbour",
        "Is air conditioning worth it in a small flat?",
        "How long do I bake a smoked salmon?",
        "I am learning the trumpet this year",
    })
    void evidenceListsDoNotFireOnEverydayWordsOfAnyLanguage(String text) {
        // Every list applies to every message, so a term that is an everyday word in another language ("been"
        // is Dutch for leg, "la" opened "la police", "nog*" for Polish legs matched Dutch "nog", "lung*"
        // Italian "lungo") would let the head's score count on ordinary text.
        GuardFeatures features = SensitiveTopicGuard.bundledFeatures();
        GuardFeatures.Analysis analysis = features.analyze(text);
        for (String category : List.of("HEALTH", "RELIGION", "SEXUAL_ORIENTATION", "RACE_ETHNICITY", "POLITICS")) {
            assertThat(features.evidenceTermsMatch(category, analysis)).as(category + ": " + text).isFalse();
        }
    }

    @Test
    void evidenceTermsLowerTheBarForTheirCategory() {
        GuardFeatures features = featuresNeeding(Map.of("HEALTH", List.of("*itis")), Map.of(), Map.of());
        float[] embedding = {0, 0, 0};
        // HEALTH 0.3: below the threshold, above half of it.
        SensitiveTopicGuard leaning = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.7, "HEALTH", 0.3)), features, true);
        assertThat(leaning.assess("Is tendinitis hereditary?", embedding).categories()).containsExactly("HEALTH");
        assertThat(leaning.assess("Book a table for two", embedding).sensitive()).isFalse();
        // HEALTH 0.2: below half the threshold, evidence or not.
        SensitiveTopicGuard unsure = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.8, "HEALTH", 0.2)), features, true);
        assertThat(unsure.assess("Is tendinitis hereditary?", embedding).sensitive()).isFalse();
    }

    @Test
    void aTopicsPlacesInstitutionsAndJobsNamedDiscloseNothing() {
        List<String> categories = List.of("HEALTH", "RELIGION", "SEXUAL_ORIENTATION", "RACE_ETHNICITY", "POLITICS");
        TopicVocabulary vocabulary = new TopicVocabulary(
                Map.of("cathedral", 1, "eucharist", 1, "pharmacy", 0, "senat", 4, "assemblee", 4), categories,
                Set.of("cathedral", "pharmacy", "senat", "assemblee"));
        Map<String, Pattern> evidence = Map.of(
                "RELIGION", TermPatterns.compile(List.of("cathedral*", "mass")),
                "HEALTH", TermPatterns.compile(List.of("pharmac*", "pill*")),
                "POLITICS", TermPatterns.compile(List.of("senat*", "assemblee", "vote*")));
        GuardFeatures features = new GuardFeatures(Map.of(), categories, vocabulary, evidence);
        float[] embedding = {0, 0, 0};
        SensitiveTopicGuard unsure = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.99)), features, true);

        // A place named is a vocabulary hit, a feature for the head, but it flags nothing alone; the topic's own
        // words still do.
        assertThat(features.analyze("Plan a day at the cathedral").vocabularyHits()[1]).isGreaterThan(0f);
        assertThat(unsure.assess("Plan a day at the cathedral", embedding).sensitive()).isFalse();
        assertThat(unsure.assess("Opening times of pharmacies in my town", embedding).sensitive()).isFalse();
        assertThat(unsure.assess("Our first eucharist at the cathedral", embedding).categories())
                .containsExactly("RELIGION");
        // Two institutions are not density; an institution and the topic's own word are not two either.
        assertThat(unsure.assess("Explique l'Assemblée et le Sénat", embedding).sensitive()).isFalse();
        assertThat(unsure.assess("Le Sénat vote", embedding).sensitive()).isFalse();
        assertThat(unsure.assess("Le Sénat vote, l'Assemblée vote", embedding).sensitive()).isFalse();

        // A place keeps the head's score from being zeroed, but only the topic's own words halve the threshold.
        SensitiveTopicGuard leaning = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.7, "HEALTH", 0.3)), features, true);
        assertThat(leaning.assess("Which pharmacy is open on Sunday?", embedding).sensitive()).isFalse();
        assertThat(leaning.assess("The pharmacy changed my pills", embedding).categories()).containsExactly("HEALTH");
        SensitiveTopicGuard confident = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.4, "HEALTH", 0.6)), features, true);
        assertThat(confident.assess("Which pharmacy is open on Sunday?", embedding).categories())
                .containsExactly("HEALTH");
    }

    @Test
    void aMessageDenseWithOneCategorysEvidenceIsFlaggedForItWhateverTheHeadSays() {
        GuardFeatures features = featuresNeeding(Map.of(
                "HEALTH", List.of("vomit*", "itch*", "throat*", "pain*"),
                "RACE_ETHNICITY", List.of("english", "french")), Map.of(), Map.of());
        float[] embedding = {0, 0, 0};
        SensitiveTopicGuard unsure = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.99)), features, true);
        GuardDecision dense = unsure.assess("What causes you to vomit with an itchy throat?", embedding);
        assertThat(dense.categories()).containsExactly("HEALTH");
        assertThat(dense.scores().get("HEALTH")).isEqualTo(1f);
        // One term, however often, is not density.
        assertThat(unsure.assess("Pain, pain, pain: this level is a pain", embedding).sensitive()).isFalse();
        // Two terms in a long text are not density either: one per 20 words is needed.
        String longText = "I finally beat the boss of the fourth level after trying for the whole evening, and my "
                + "throat is sore from shouting at the screen, the controller is sticky and I have an itch to play "
                + "the next one tonight with my brother and his friends";
        assertThat(unsure.assess(longText, embedding).sensitive()).isFalse();
        assertThat(unsure.assess("My throat has an itch since the weekend", embedding).categories())
                .containsExactly("HEALTH");
        // Nationality and language words are everyday words: RACE_ETHNICITY never comes from density.
        assertThat(unsure.assess("translate hello from english to french", embedding).sensitive()).isFalse();
        // Density is one of the rules that flag without the head; a guard without them does not apply it.
        SensitiveTopicGuard headOnly = SensitiveTopicGuard.withHead(
                headAnswering(features, Map.of("NONE", 0.99)), features, false);
        assertThat(headOnly.assess("What causes you to vomit with an itchy throat?", embedding).sensitive()).isFalse();
    }

    @Test
    void bundledHealthEvidenceNamesOrgansAndJointsButNotTheirDishes() {
        GuardFeatures bundled = SensitiveTopicGuard.bundledFeatures();
        float[] embedding = {0, 0, 0};
        SensitiveTopicGuard unsure = SensitiveTopicGuard.withHead(
                headAnswering(bundled, Map.of("NONE", 0.99)), bundled, true);
        // Two anatomy terms in a short message are dense evidence whatever the head says.
        assertThat(unsure.assess("Should the CT of my abdomen and pelvis be done with contrast?", embedding)
                .categories()).containsExactly("HEALTH");
        assertThat(unsure.assess("My elbow and the ligaments around it are swollen", embedding).categories())
                .containsExactly("HEALTH");
        // A cut of meat names no body.
        assertThat(unsure.assess("how long should i cook chicken thighs and chicken liver", embedding).sensitive())
                .isFalse();
    }

    @Test
    void anEverydayWordOfAnotherLanguageIsNoEvidence() {
        GuardFeatures bundled = SensitiveTopicGuard.bundledFeatures();
        float[] embedding = {0, 0, 0};
        Map<String, List<String>> everydayByCategory = Map.of(
                "POLITICS", List.of("Es war einmal ein König", "Das war nicht so gut", "Er kriegt immer, was er will",
                        "Sono nato a Napoli", "Mi hermano mayor cumple años mañana", "translate this to arabic"),
                "RELIGION", List.of("Un café sin azúcar, por favor", "Das Ziel ist klar", "Angela kommt morgen",
                        "Quotes by Winston Churchill", "Recette de la religieuse au chocolat"),
                "HEALTH", List.of("Il mio cane abbaia sempre", "Warte einen Augenblick", "Es ist ein Wunder",
                        "Lei è molto gentile, la sabiduría del pueblo", "Soy periodista", "Siempre dietro di te",
                        "Où acheter du bon pain près d'ici ?", "Je vais au cinéma avec mon amie",
                        "Mon train est en retard, que faire ?"),
                "RACE_ETHNICITY", List.of("Ich weiß nicht, was ich kochen soll", "Weißt du, wo Roma liegt?",
                        "translate this to kurdish", "set the language to turkish",
                        "¿Qué raza de perro es mejor para niños?", "Qual è la razza di cane più tranquilla?",
                        "Eu sinto muito, não posso ir hoje"));
        Map<String, String> sensitiveByCategory = Map.of("POLITICS", "What do you think of the war in Ukraine?",
                "RELIGION", "Is it a sin to skip church?", "HEALTH", "My father walks with a cane since the stroke",
                "RACE_ETHNICITY", "Weiße Menschen verdienen mehr als andere");
        everydayByCategory.forEach((category, texts) -> {
            // A head leaning a little toward the category: only evidence in the text lets it flag.
            SensitiveTopicGuard leaning = SensitiveTopicGuard.withHead(
                    headAnswering(bundled, Map.of("NONE", 0.6, category, 0.4)), bundled, true);
            for (String everyday : texts) {
                assertThat(leaning.assess(everyday, embedding).categories()).as(everyday).doesNotContain(category);
            }
            String sensitive = sensitiveByCategory.get(category);
            assertThat(leaning.assess(sensitive, embedding).categories()).as(sensitive).contains(category);
        });
    }

    @Test
    void aCountryAskedAboutADestinationOrOnesOwnTaxesAreNoEvidence() {
        GuardFeatures bundled = SensitiveTopicGuard.bundledFeatures();
        float[] embedding = {0, 0, 0};
        // A head leaning a little toward the category: only evidence in the text lets it flag.
        SensitiveTopicGuard origin = SensitiveTopicGuard.withHead(
                headAnswering(bundled, Map.of("NONE", 0.6, "RACE_ETHNICITY", 0.4)), bundled, true);
        for (String everyday : List.of("Which countries do you operate in?", "What country is the plug for?",
                "The exchange rate was wrong for a purchase in another country",
                "My card was charged in a different country's money", "any travel alerts for that country")) {
            assertThat(origin.assess(everyday, embedding).sensitive()).as(everyday).isFalse();
        }
        // Nor does a destination or a language setting; going back somewhere is not a trip.
        for (String everyday : List.of("tell my bank I'm travelling to Vietnam", "do I need shots for a trip to Africa",
                "let's chat using Spanish", "change your language to Japanese")) {
            assertThat(origin.assess(everyday, embedding).sensitive()).as(everyday).isFalse();
        }
        assertThat(origin.assess("they should go back to Africa", embedding).categories())
                .containsExactly("RACE_ETHNICITY");
        assertThat(origin.assess("go back to your country", embedding).categories()).containsExactly("RACE_ETHNICITY");
        assertThat(origin.assess("they come from shithole countries", embedding).categories())
                .containsExactly("RACE_ETHNICITY");

        SensitiveTopicGuard health = SensitiveTopicGuard.withHead(
                headAnswering(bundled, Map.of("NONE", 0.6, "HEALTH", 0.4)), bundled, true);
        assertThat(health.assess("would late payments hurt my credit", embedding).sensitive()).isFalse();
        assertThat(health.assess("my knee hurts when I run", embedding).categories()).containsExactly("HEALTH");
        assertThat(health.assess("make an appointment for an oil change", embedding).sensitive()).isFalse();
        assertThat(health.assess("I've had a headache since the vaccination", embedding).categories())
                .containsExactly("HEALTH");

        // French "taxe*" once matched English "taxes": one's own tax bill is paperwork, a tax in French politics.
        SensitiveTopicGuard politics = SensitiveTopicGuard.withHead(
                headAnswering(bundled, Map.of("NONE", 0.6, "POLITICS", 0.4)), bundled, true);
        assertThat(politics.assess("how much do I pay in taxes to the state", embedding).sensitive()).isFalse();
        assertThat(politics.assess("what is the routing number of my citizens bank account", embedding).sensitive())
                .isFalse();
        assertThat(politics.assess("les taxes sur le carburant, c'est du vol organisé par l'État", embedding)
                .categories()).containsExactly("POLITICS");
    }

    /** Features whose categories need the given evidence terms, with the given lexicon and vocabulary. */
    private static GuardFeatures featuresNeeding(Map<String, List<String>> evidence, Map<String, Pattern> lexicon,
            Map<String, Integer> vocabulary) {
        List<String> categories = List.of("HEALTH", "RELIGION", "SEXUAL_ORIENTATION", "RACE_ETHNICITY", "POLITICS");
        Map<String, Pattern> patterns = new java.util.HashMap<>();
        evidence.forEach((category, terms) -> patterns.put(category, TermPatterns.compile(terms)));
        return new GuardFeatures(lexicon, categories, new TopicVocabulary(vocabulary, categories), patterns);
    }

    /** Features whose only evidence list is {@code category}'s, with its everyday uses cut out. */
    private static GuardFeatures withEverydayUses(Map<String, Pattern> lexicon, String category,
            List<String> evidenceTerms, List<String> followedBy, List<String> precededBy, List<String> phrases) {
        List<String> categories = List.of("HEALTH", "RELIGION", "SEXUAL_ORIENTATION", "RACE_ETHNICITY", "POLITICS");
        Pattern evidence = TermPatterns.compile(evidenceTerms);
        return new GuardFeatures(lexicon, categories, new TopicVocabulary(Map.of(), categories),
                Map.of(category, evidence), null, Map.of(category,
                        GuardFeatures.everydayUsePattern(evidence, followedBy, precededBy, phrases)));
    }

    /** A head whose answer ignores the text: the given class probabilities, the rest near 0. */
    private static GuardHead headAnswering(GuardFeatures features, Map<String, Double> probabilities) {
        GuardHead head = new GuardHead(GuardTrainer.CLASSES, features.denseSize(3), GuardFeatures.NGRAM_BUCKETS);
        for (int k = 0; k < GuardTrainer.CLASSES.size(); k++) {
            double p = probabilities.getOrDefault(GuardTrainer.CLASSES.get(k), 1e-9);
            head.dense[k][head.denseSize] = (float) Math.log(p);
        }
        return head;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "We had sex without a condom on Saturday, what should I do now?|true",
        "Nous avons eu des rapports sexuels non protégés, que faire ?|true",
        "Nach dem Sex mit meinem Partner habe ich Schmerzen|true",
        "Mi libido ha bajado mucho últimamente|true",
        "Abbiamo avuto rapporti sessuali senza preservativo|true",
        // (The head itself reads some such texts as SEXUAL_ORIENTATION: "Is Sex and the City on Netflix?" at 0.7.)
        "What does the word sex mean in Latin?|false",
        "Sex education starts in which school year in France?|false",
        "Where can I buy a condo with a sea view?|false",
    })
    void sexLifeIsSuppressedLikeSexualOrientationButTheWordSexAloneIsNot(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // The head learned orientation from statements about gay men and lesbians, so it read statements about
        // women or men as SEXUAL_ORIENTATION (the first four at 0.64-0.94 before that category needed evidence).
        "I hate women.|false",
        "Vrouwen zijn walgelijk.|false",
        "Man kann Frauen nie trauen.|false",
        "men are trash, every one of them|false",
        // A partner is evidence, never a reason on its own; a spouse or a wedding is not even evidence.
        "My husband and I got married in June, any ideas for our anniversary dinner?|false",
        "Mein Freund und ich heiraten im Mai, wo kann man gut feiern?|false",
        "I came out of the meeting and called my girlfriend|false",
        "I just got married and need to change my name on the account|false",
        "Los trans son asquerosos.|true",
        "Ich war gestern mit ein paar Transmenschen essen.|true",
        "I'm a woman and I've only ever been attracted to other women|true",
        "Mon copain et moi, deux hommes, voulons adopter un enfant|true",
    })
    void statementsAboutWomenOrMenAreNotReadAsSexualOrientation(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "I think I'm attracted to women too|true",
        "Je crois que je suis attirée par les femmes|true",
        "Ich bin bi und habe Angst, es meinen Eltern zu sagen|true",
        "Mi piacciono gli uomini ma non l'ho mai detto a nessuno|true",
        "Wij willen ons laten registreren, ik val op mannen en hij ook|true",
        "I'm bilingual in French and English|false",
        "Me gustan las películas de terror|false",
    })
    void attractionAndBeingBiAreSexualOrientationInEveryLanguage(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // "ل" before the Arabic article drops its alef: للانتخابات is "to the elections".
        "سأذهب للانتخابات غدا|true",
        "هل يمكن للمتحولين جنسيا تغيير الاسم في الهوية؟|true",
        "Где трансгендеру найти поддержку?|true",
        "Trans bireyler için destek grubu var mı?|true",
        // أسود is the colour black: *السود (Black people) needs the article.
        "اشتريت قميصا أسود للحفلة|false",
    })
    void lexiconTermsOfLanguagesWithoutTrainingDataFindTheirInflectedForms(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Figurative and technical senses of topic words, as in everyday mail held out of training...
        "When is the new Zelda game coming out?|false",
        "The audio keeps cutting out during my calls|false",
        "I like to live on the bleeding edge with nightly builds|false",
        "We hit a small hiccup in the deployment today|false",
        "How do I reduce the bloat in my node_modules folder?|false",
        "My card was disabled after three wrong PINs|false",
        "I disabled notifications but they still show up|false",
        "Is Assassin's Creed worth buying?|false",
        "I installed spam assassin on my mail server|false",
        "Battery life is suffering since the update|false",
        "I'm still smarting from that loss last night|false",
        "I vote we order pizza tonight|false",
        "What's a race condition and how do I avoid it?|false",
        "For god's sake, the train is late again|false",
        "When is someone going to create audio fonts for Christ's sake|false",
        "How do I sort a std::vector of structs?|false",
        "Is there a side effect if I call this function twice?|false",
        "What caused the great depression of 1929?|false",
        // ...while the sensitive senses of the same words stay flagged.
        "I'm thinking about coming out to my parents this weekend|true",
        "My gums keep bleeding when I brush|true",
        "My son is disabled and needs a wheelchair ramp|true",
        "I've been suffering from migraines for weeks|true",
        "Who should I vote for in the election?|true",
        "I have an STD, should I tell my partner?|true",
        "What are the side effects of ibuprofen?|true",
        "My depression is getting worse every winter|true",
    })
    void figurativeAndTechnicalSensesOfTopicWordsAreEveryday(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // What a developer asks, in the words of software's own descriptions (Debian's packages, session 53): each
        // of these was suppressed before (as RELIGION, HEALTH, RACE_ETHNICITY or POLITICS)...
        "Is there an environment agnostic event emitter for node?|false",
        "I need a solver-agnostic library for symbolic queries|false",
        "How do I build a rust crate with no_std support?|false",
        "The rustc-dep-of-std feature fails to compile|false",
        "My server health check keeps failing on kubernetes|false",
        "Which InfiniBand diagnostics library should I use?|false",
        "Perl implementation for Arabic encodings|false",
        // The same phrases with their words joined by hyphens or underscores, as names and identifiers write them
        // (session 54).
        "Which version of php-doctrine-orm works with PHP 8?|false",
        "composer can't find doctrine-orm, what's wrong?|false",
        "my app's health-manager keeps restarting pods|false",
        "install the arabic-language pack on ubuntu|false",
        "my health_check endpoint returns 500 on kubernetes|false",
        "what does the virus_scanner service log mean|false",
        // ...while the same words in their sensitive senses stay flagged.
        "I am an agnostic and my parents are catholic|true",
        "I got an STD from my ex, what should I do?|true",
        "The doctor wants to run more diagnostic tests on my liver|true",
        "I came out to my parents and started my transition|true",
        "Ontem vi os muçulmanos no mercado.|true",
        "I struggle with the Catholic doctrine on divorce|true",
        "the test says no std, so why does it still itch?|true",
    })
    void softwareSensesOfTopicWordsAreEveryday(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Spanish, Portuguese and Italian "política" is policy as well as politics: a customer's question about a
        // shop's or an airline's policy is everyday...
        "¿Cuál es la política de devoluciones de la tienda?|false",
        "¿Dónde está la política de privacidad de la app?|false",
        "Explícame la política de equipaje de Iberia|false",
        "Qual é a política de privacidade do aplicativo?|false",
        "Como funciona a política de devolução da loja?|false",
        "Qual è la politica di reso di Amazon?|false",
        "Com'è la politica di cancellazione di Booking?|false",
        "my character has low health, what potion should I use|false",
        // ...while a government's policy and politics itself stay flagged.
        "¿Qué opinas de la política de inmigración del gobierno?|true",
        "Me interesa mucho la política y voto siempre al PSOE|true",
        "Sou contra a política de privatização do governo|true",
        "La politica italiana è corrotta, non voto più|true",
        "I'm worried about my health after the diagnosis|true",
        // French "campagne" is the countryside and a marketing campaign; other political words in everyday requests...
        "On part à la campagne ce week-end, quel temps fera-t-il ?|false",
        "Recette de pain de campagne maison|false",
        "Comment lancer une campagne marketing sur Instagram ?|false",
        "Comment déclarer mes impôts en ligne ?|false",
        "Qui détient les droits d'auteur de cette photo ?|false",
        "Je suis candidat pour un poste de comptable, relis ma lettre|false",
        "La grève SNCF de demain, mon train est-il annulé ?|false",
        "Fällt mein Zug wegen des Streiks morgen aus?|false",
        "Is my train cancelled because of tomorrow's rail strike?|false",
        // French evidence wildcards that found everyday words: butter, a hardware shop, a housekeeper, a button,
        // and "épuisé" as sold out.
        "Fais une recette avec du beurre et des échalotes|false",
        "Où trouver du vernis dans une droguerie près d'ici ?|false",
        "La gouvernante arrive à neuf heures demain|false",
        "Le bouton de ma veste est tombé, comment le recoudre ?|false",
        "Cet article est épuisé, quand sera-t-il de retour en stock ?|false",
        "Je suis épuisé et je n'arrive plus à dormir depuis des semaines|true",
        // German: looking after a lawn, one's own health insurance, healthy recipes, a dish of liver.
        "Wie pflege ich meinen Rasen im Herbst?|false",
        "Wie wechsle ich meine Krankenkasse?|false",
        "Gesunde Rezepte für die ganze Woche|false",
        "Rezept für Leberkäse mit Kartoffelsalat|false",
        "Meine Mutter ist ein Pflegefall, wie beantrage ich einen Pflegegrad?|true",
        // Dutch: a football team defeated, a scorching day; addiction stays flagged.
        "Ajax heeft Feyenoord verslagen, wat was de uitslag?|false",
        "Het is bloedheet vandaag, waar kan ik zwemmen?|false",
        "Mijn broer is verslaafd aan gokken en alcohol|true",
        // German machines that "streiken" (stop working) and steering; a strike with a union stays flagged.
        "Mein Drucker streikt schon wieder, was kann ich tun?|false",
        "Wie funktioniert die Steuerung der Heizung per App?|false",
        "Wie steuere ich die Drohne mit dem Handy?|false",
        "Wir streiken morgen mit Verdi für mehr Lohn|true",
        // A colour or a prefix that names no people: an aphrodisiac, black magic.
        "Quali cibi sono afrodisiaci?|false",
        "Recomiende un libro sobre magia negra en la Edad Media|false",
        "Sou negra e sofro racismo no trabalho|true",
        // Italian "disabilitare" is to switch off; a disabled person ("disabile") stays flagged.
        "Come disabilitare le notifiche su Android?|false",
        "Mio figlio è disabile e ha bisogno di una rampa per la sedia a rotelle|true",
        // A national park is not politics.
        "Visitiamo il parco nazionale del Gran Paradiso|false",
        // Software words: German "Wählen Sie" (choose), the right mouse button, a header; a page's orientation, a
        // header, an image's original size, a square root, the right-hand column in French; a payment period and
        // a disabled option in English.
        "Wählen Sie im Menü Datei den Eintrag Drucken|false",
        "Klicken Sie mit der rechten Maustaste auf das Symbol|false",
        "Wie füge ich eine Kopfzeile in Word ein?|false",
        "Comment changer l'orientation de la page en paysage ?|false",
        "Comment mettre un en-tête sur chaque page ?|false",
        "Comment rétablir la taille d'origine de l'image ?|false",
        "Calcule la racine carrée de 144|false",
        "Le total est dans la colonne de droite du tableau|false",
        "How do I calculate the interest for each payment period?|false",
        "The export option is disabled, how do I turn it on?|false",
        "Je suis fière de mes origines marocaines|true",
        "Mon orientation sexuelle ne regarde que moi|true",
        "Am Sonntag wählen wir die Grünen, und du?|true",
        "My period is two weeks late, could I be pregnant?|true",
        // Spanish "mayor" (greater) and "además", right and left as directions; Italian "disabilita" and
        // "influenza" as verbs; a Dutch period of time. The flu stays health.
        "¿Cuál es el número mayor de esta lista?|false",
        "Además, ¿puedes alinear el texto a la derecha?|false",
        "Questa opzione disabilita il salvataggio automatico|false",
        "Il prezzo del petrolio influenza la borsa?|false",
        "Wat was de gemiddelde temperatuur in deze periode?|false",
        "Mio figlio ha l'influenza da tre giorni|true",
        // Portuguese "painel" is no pain, Dutch "negeren" (to ignore) no slur, "operadores" no operation.
        "Como abro o painel de estilos no LibreOffice?|false",
        "Hoe kan ik meldingen van deze app negeren?|false",
        "Quais são os operadores matemáticos disponíveis?|false",
        "I've had a sharp pain in my chest since this morning|true",
        // ...while campaigning, striking and political views stay flagged.
        "Je fais campagne pour le candidat écologiste aux municipales|true",
        "Je fais grève demain avec mon syndicat|true",
        "I'm on strike with my union until we get a raise|true",
        "Le candidat de la gauche a mes faveurs pour la présidentielle|true",
    })
    void everydaySensesOfTopicWordsInOtherLanguagesAreNotSuppressed(String text, boolean sensitive) {
        assertSensitivity(text, sensitive);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // A people or a faith named is not evidence of a political opinion (session 54): these are suppressed under
        // their own category, without a POLITICS beside it...
        "Yesterday I saw Jews at the market.|RELIGION",
        "Gestern habe ich Juden auf dem Markt gesehen.|RELIGION",
        "Ayer vi a los judíos en el mercado.|RELIGION",
        // ...while the conflict and its politics still are POLITICS.
        "I support the Palestinian cause against the Israeli government|POLITICS",
    })
    void aPeopleOrFaithNamedIsNotPoliticalEvidence(String text, String category) {
        GuardDecision decision = assess(text);
        assertThat(decision.sensitive()).as(text).isTrue();
        assertThat(decision.categories()).as(text + " " + decision.scores()).containsExactly(category);
    }

    private void assertSensitivity(String text, boolean sensitive) {
        GuardDecision decision = assess(text);
        assertThat(decision.sensitive()).as(text + " " + decision.scores()).isEqualTo(sensitive);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "merci, c'est super clair !",
        "parfait, on part sur la deuxième option",
        "Raconte-moi une blague sur les pingouins",
    })
    void casualFrenchIsNotReadAsEthnicOrigin(String text) {
        GuardDecision decision = assess(text);
        assertThat(decision.sensitive()).as(text + " " + decision.scores()).isFalse();
    }

    @Test
    void failsClosedWhenClassificationBreaks() {
        GuardDecision decision = guard.assess("anything", new float[] {1, 2, 3});
        assertThat(decision.sensitive()).isTrue();
        assertThat(decision.failedClosed()).isTrue();
    }

    @Test
    void extraCategoriesAndThresholdsAreConfigurable() {
        SensitiveTopicGuard withGambling = SensitiveTopicGuard.create(
                embedder,
                Map.of("GAMBLING", 0.55f),
                Map.of("GAMBLING", List.of("best online casino bonus", "sports betting odds tonight")));
        String text = "where can I bet on tonight's football match odds";
        GuardDecision decision = withGambling.assess(text, embedder.embed(text));
        assertThat(decision.categories()).contains("GAMBLING");
        assertThat(assess(text).sensitive()).isFalse();
    }

    /** Whether the bundled lexicon alone names {@code category} in {@code text}. */
    private static boolean lexiconHit(String text, String category) {
        GuardFeatures features = SensitiveTopicGuard.bundledFeatures();
        return features.analyze(text).lexiconHits()[features.lexiconCategories().indexOf(category)];
    }

    /** Whether the text has the category's evidence or a lexicon hit, its everyday uses left out of both. */
    private static boolean evidenceOrLexiconHit(String text, String category) {
        GuardFeatures features = SensitiveTopicGuard.bundledFeatures();
        GuardFeatures.Analysis analysis = features.analyze(text);
        return features.evidenceTermsMatch(category, analysis)
                || analysis.lexiconHits()[features.lexiconCategories().indexOf(category)];
    }
}
