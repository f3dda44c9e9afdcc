package io.attune.models.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.models.embedding.EmbeddingConfig;
import io.attune.models.embedding.SharedEmbeddingModel;
import io.attune.models.embedding.TextEmbedder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled guard on small hand-written check sets, never trained on (docs/sensitive-topics.md says how
 * each was written and what it does and does not show).
 *
 * <ul>
 *   <li>{@code multilingual-check.jsonl}: 20 everyday requests and 15 sensitive messages per language (French,
 *       German, Spanish, Italian, Portuguese, Dutch), 10 and 10 in Polish, plus English messages that mention health, religion…
 *       only in passing and everyday ones that insult gender, age or looks. The lexicon was extended after
 *       a first run on it, so it is a regression check, not a held-out score.
 *   <li>{@code unseen-phrasing-check.jsonl} and {@code unseen-phrasing-check-2.jsonl}: 10 + 10 per language
 *       in seven languages, sensitive topics named indirectly (a lump in the neck, a first communion, Afro
 *       hair), each written before a change and measured before and after it; the second set before the
 *       multilingual topic vocabulary, whose words were chosen after seeing the first set's misses. Floors
 *       are today's figures, to catch regressions.
 *   <li>{@code everyday-register-check.jsonl}: 180 everyday chat messages (60 English, 40 each in French,
 *       German and Spanish), none sensitive, in registers the training data lacks (small talk, thanks,
 *       follow-ups); ceilings are today's suppression rates.
 *   <li>{@code group-nouns-check.jsonl}: one neutral sentence naming a group (a faith, gay or trans people,
 *       Black people, refugees, disabled people, trade unionists…) per group and language, 19 groups in 13
 *       languages; a coverage check of the lexicon's group nouns, filled in after its first run.
 *   <li>{@code topic-words-check.jsonl}: 15 plain disclosures per language (conditions, treatments, places and
 *       feasts of worship, voting, strikes) in the same 13 languages; the same kind of check for topic words.
 *   <li>{@code group-statements-check.jsonl}: five sentences about women or men and five about each of six
 *       groups of the categories, in eight languages; {@code gender-age-looks-check.jsonl}: 60 hostile remarks
 *       about gender, age or looks, which are not special categories; {@code politics-probe-check.jsonl}: political
 *       messages in chat and everyday ones near politics.
 *   <li>{@code catalog-check.jsonl}: 40 sensitive and 40 everyday catalog items, judged under the catalog
 *       rules ({@link SensitiveTopicGuard#assessCatalogItem}).
 * </ul>
 */
class MultilingualGuardCheckTest {

    private static final EmbeddingConfig CONFIG = EmbeddingConfig.defaults();
    private static TextEmbedder embedder;
    private static SensitiveTopicGuard guard;

    @BeforeAll
    static void loadGuard() {
        embedder = SharedEmbeddingModel.acquire(CONFIG).newEmbedder();
        guard = SensitiveTopicGuard.create(embedder);
    }

    @AfterAll
    static void releaseModel() {
        embedder.close();
        SharedEmbeddingModel.release(CONFIG);
    }

    @Test
    void detectsSensitiveTopicsWithoutFlaggingLanguagesWholesale() throws URISyntaxException {
        GuardReport report = run("/guard/multilingual-check.jsonl");
        for (String lang : List.of("fr", "de", "es", "it", "pt", "nl", "pl", "en")) {
            assertThat(report.anySensitiveRecall(e -> e.lang().equals(lang))).as("recall " + lang)
                    .isGreaterThanOrEqualTo(0.80);
            assertThat(report.falseSuppression(e -> e.lang().equals(lang))).as("false suppression " + lang)
                    .isLessThanOrEqualTo(0.15);
        }
    }

    @Test
    void insultsAboutGenderAgeOrLooksAreNotSensitive() throws URISyntaxException {
        List<LabeledText> check = LabeledText.readJsonLines(
                Path.of(getClass().getResource("/guard/multilingual-check.jsonl").toURI()));
        List<String> insults = check.stream().filter(e -> e.lang().equals("en") && !e.sensitive()).limit(8)
                .map(LabeledText::text).toList();
        assertThat(insults).hasSize(8).allSatisfy(text ->
                assertThat(guard.assess(text, embedder.embed(text)).sensitive()).as(text).isFalse());
    }

    @Test
    void unseenPhrasingsStayAboveTodaysFloor() throws URISyntaxException {
        // Measured 2026-11-29 with this head and vocabulary; the French and German recall targets are 0.90.
        // Retraining with Polish added moved four of these by one text each (set 1: en 0.8 -> 0.7,
        // it 1.0 -> 0.9; set 2: fr 0.8 -> 0.7, nl 0.5 -> 0.4): SGD on changed data, ten texts per language.
        // French set 1 went from 0.9 to 0.8 when RACE_ETHNICITY began to need evidence ("Depuis mon AVC …" had
        // been caught only as RACE_ETHNICITY, the wrong category) and back to 0.9 when a category without
        // evidence began to pass to one with it ("main", a hand, is HEALTH evidence): the floor stays at 0.8.
        assertFloors("/guard/unseen-phrasing-check.jsonl", Map.of("en", 0.7, "fr", 0.8, "de", 0.7, "es", 0.8,
                "it", 0.9, "pt", 0.7, "nl", 0.8));
        assertFloors("/guard/unseen-phrasing-check-2.jsonl", Map.of("en", 0.7, "fr", 0.7, "de", 0.5, "es", 0.5,
                "it", 0.3, "pt", 0.6, "nl", 0.4));
        // Set 3 (10 everyday, 5 sensitive per language) was written after the evidence rule and measured once:
        // recall fr 0.6, de 0.4, es 0.6, it 0.2, pt 0.8, nl 0.8 (the session-start guard: 0.8, 0.4, 0.8, 0.2,
        // 1.0, 0.6). Floors one text below, as retraining moves single texts. With the n-gram penalty of session 37
        // es 0.6 -> 0.8 and it 0.4 -> 0.6 (it had reached 0.4 in between); floors raised to one text below those.
        assertFloors("/guard/unseen-phrasing-check-3.jsonl", Map.of("fr", 0.4, "de", 0.2, "es", 0.6, "it", 0.4,
                "pt", 0.6, "nl", 0.6));
        // Set 4 (10 sensitive, 10 everyday per language; 2026-11-30, session 17) was written after a list of health
        // and political concepts and before the vocabulary from that list was added: recall fr 0.7, de 0.6, es 0.7,
        // it 0.6, pt 0.7, nl 0.7 before, 0.9, 0.7, 0.8, 0.7, 0.7, 0.7 after; one everyday French text suppressed
        // both times. Floors one text below. Then the lexicon got attraction phrases, written after seeing the set
        // miss five of its six messages about orientation: 1.0, 0.8, 0.8, 0.8, 0.7, 0.8 (not held out).
        assertFloors("/guard/unseen-phrasing-check-4.jsonl", Map.of("fr", 0.8, "de", 0.6, "es", 0.7, "it", 0.6,
                "pt", 0.6, "nl", 0.6));
        // Set 5 (10 sensitive, 10 everyday in German and French; 2026-12-02, session 35) was written before the German
        // dictionary vocabulary was built: recall de 0.8, fr 0.9 before, de 0.9 after ("Bandscheibenvorfall"); one
        // everyday text flagged in each language both times. Floors one text below.
        assertFloors("/guard/unseen-phrasing-check-5.jsonl", Map.of("de", 0.8, "fr", 0.8));
        // Set 6 (20 sensitive, 20 everyday in French and German; 2026-12-06, session 55), committed before it was
        // first classified: recall fr 0.85, de 0.70, everyday flagged fr 3/20, de 0/20. Then forms of listed words
        // ("dyslexique", "Asperger", "bar-mitsva", "asexuelle", "queere", "Zuckerfest") and the language a text is
        // translated into ("en anglais"), a strike in the way ("à cause de la grève"), written after reading its
        // misses: fr 1.0, de 0.85, 0/20 both (not held out since). Floors one text below.
        assertFloors("/guard/unseen-phrasing-check-6.jsonl", Map.of("fr", 0.95, "de", 0.8));
        // Set 7 (20 sensitive, 12 everyday each in French, German, Spanish and Italian; 2026-12-06, session 56),
        // committed before it was first classified: recall fr 0.85, de 0.75, es 0.90, it 1.0, everyday flagged 1, 2,
        // 1 and 2 of 12. Then a plant's or a pet's illness, German "sucht" (looks for), sex life beyond orientation,
        // being bi, "Halbjapanerin", "Sintiza", Mapuche and unions, written after reading its misses: fr 0.95,
        // de 1.0, es 0.95, it 1.0, everyday 0, 0, 0 and 1 of 12 (not held out since). Floors one text below.
        assertFloors("/guard/unseen-phrasing-check-7.jsonl", Map.of("fr", 0.9, "de", 0.95, "es", 0.9, "it", 0.95));
        // Set 8 (40 sensitive, 30 everyday English assistant messages; same session), committed before it was first
        // classified: recall 0.675, everyday flagged 2/30. Then Shabbat and Lent, same-sex couples and parents without
        // an orientation word, origin by migration, unionizing and marches, being sick in the first person, and a pet's
        // symptoms as no evidence, written after reading its misses: 0.925, 0/30 (not held out since).
        assertFloors("/guard/unseen-phrasing-check-8.jsonl", Map.of("en", 0.9));
        // Set 9 (20 sensitive, 15 everyday each in French and German, a chattier register; same session), committed
        // before it was first classified: recall fr 0.60, de 0.55, everyday flagged 1/15 and 0/15. Then the lexicon
        // terms its misses named (gynaecologist and IUD, German procedure compounds, the veil, Eid, praying and
        // confirmation as German verbs, origin by migration or descent, "die Polen", party initials and youth wings):
        // fr 0.90, de 0.95, the same flags (not held out since).
        assertFloors("/guard/unseen-phrasing-check-9.jsonl", Map.of("fr", 0.85, "de", 0.9));
        // Set 10 (15 sensitive, 10 everyday each in Spanish, Italian and Portuguese, chatty; same session), committed
        // before it was first classified: recall es 0.53, it 0.73, pt 0.87, everyday flagged 1/10, 0, 0. Then the terms
        // its misses named and election explainers as everyday: es 1.0, it 0.93, pt 1.0, 0/10 each (not held out since).
        assertFloors("/guard/unseen-phrasing-check-10.jsonl", Map.of("es", 0.93, "it", 0.86, "pt", 0.93));
        // Set 11 (English 20 sensitive and 40 everyday, French and German 8 and 15 each; 2026-12-06, session 57),
        // requests whose topic words are meant in an everyday or technical sense, committed before it was first
        // classified: recall en 0.95, fr 0.875, de 1.0; everyday flagged en 4/40, fr 2/15, de 2/15. Then things of
        // a colour, cured meat, a car's diagnosis, an owners' "syndicat" and "un AVC", written after reading its
        // misses: en 0.95, fr 1.0, de 1.0; everyday en 3/40 (healing a bumper, a "sick" defence, the "gospel" of
        // clean code), fr and de 0/15 (not held out since). Floors one text below. Session 66's sick things took
        // the defence: en 2/40.
        assertFloorsAndCeilings("/guard/unseen-phrasing-check-11.jsonl", Map.of("en", 0.9, "fr", 0.875, "de", 0.875),
                Map.of("en", 3 / 40.0, "fr", 1 / 15.0, "de", 1 / 15.0));
        // Set 12 (8 sensitive, 15 everyday each in Spanish, Italian and Portuguese; same session, same kind), committed
        // before it was first classified (by the guard with set 11's changes): recall es 0.875, it 1.0, pt 0.75;
        // everyday flagged 2, 1 and 2 of 15. Then a virus on a phone, a vote on a name, the national team and
        // "sindicalizado", written after reading its misses: es 0.875, it 1.0, pt 0.875; everyday 1 ("restaurante La
        // Parroquia"), 0 and 1 ("Meu time está doente") of 15 (not held out since). Floors one text below. Session
        // 66's parish as a place and sick things took those two: 0 of 15 in each.
        assertFloorsAndCeilings("/guard/unseen-phrasing-check-12.jsonl", Map.of("es", 0.75, "it", 0.875, "pt", 0.75),
                Map.of("es", 1 / 15.0, "it", 1 / 15.0, "pt", 1 / 15.0));
        // Set 13 (English 20 sensitive and 15 everyday, French and German 10 and 8 each; 2026-12-07, session 59): a
        // personal detail inside a longer task, each beside the same task without it, committed before it was first
        // classified: recall en 0.75, fr 1.0, de 0.7; everyday flagged en 1/15 ("Pride and Prejudice"), fr and de 0/8.
        // Then saying one belongs to a group whose word is everyday alone ("As a Black man", "I'm Roma", "Ich bin
        // Sinto"), same-sex partners in the third person, going to Mass, pride the feeling and a family's origin in a
        // country, written after reading its misses: en 0.95 ("We're Armenian" missed), fr 1.0, de 1.0; everyday 0/15,
        // 0/8, 0/8 (not held out since). Floors one text below.
        assertFloorsAndCeilings("/guard/unseen-phrasing-check-13.jsonl", Map.of("en", 0.9, "fr", 0.9, "de", 0.9),
                Map.of("en", 1 / 15.0, "fr", 1 / 8.0, "de", 1 / 8.0));
        // Set 14 (10 sensitive and 8 everyday longer tasks each in Spanish, Italian and Portuguese; same session, same
        // kind), committed before it was first classified (by the guard with set 13's changes): recall es 0.9, it 0.6,
        // pt 0.8; everyday flagged es 0/8, it 1/8 ("corso di inglese"), pt 1/8 (a parents' association's
        // "campanha"). Then an Italian civil union's verbs, the FIOM, Lega membership, parents arriving from a country
        // and a language course, written after reading its misses: es 0.9, it 1.0, pt 0.8; everyday 0, 0 and 1 of 8
        // (not held out since). Floors one text below.
        assertFloorsAndCeilings("/guard/unseen-phrasing-check-14.jsonl", Map.of("es", 0.8, "it", 0.9, "pt", 0.7),
                Map.of("es", 1 / 8.0, "it", 1 / 8.0, "pt", 2 / 8.0));
        // Set 15 (20 same-sex couples said through a partner and a gender, 5 in English and 3 in each of five more
        // languages, and 15 everyday messages with a partner or two people of one gender; 2026-12-07, session 60),
        // committed before it was first classified: recall en 0.8, fr 0.33, de 0.33, es 0, it 0.33, pt 0.67; everyday
        // flagged en 2/5 ("two guys backpacking", "two dads from our school"), fr 1/2, it 1/2, de, es and pt 0/2.
        // Then pair terms (a partner of the writer's own gender, or a partner and "we're two men"), written after
        // reading its misses: 19 of 20 ("somos dois pais", also "two parents", missed), everyday as before (not held
        // out since). Floors one text below.
        assertFloorsAndCeilings("/guard/unseen-phrasing-check-15.jsonl",
                Map.of("en", 0.8, "fr", 0.66, "de", 0.66, "es", 0.66, "it", 0.66, "pt", 0.33),
                Map.of("en", 3 / 5.0, "fr", 1 / 2.0, "de", 1 / 2.0, "es", 1 / 2.0, "it", 1 / 2.0, "pt", 1 / 2.0));
        // Set 16 (21 family origins said with an adjective of nationality, 21 everyday messages with one, in seven
        // languages; same session), committed before it was first classified: recall en 0.4, fr 0.67, de 0.33, es 0.33,
        // it 0.33, nl 0, pt 0; everyday flagged 0 of 21. Then {nationality} terms (a relative, the family or "we are"
        // before or after an adjective of nationality), written after reading its misses: en, fr, de, es, it and nl
        // 1.0, pt 0 (the adjectives' source has no Portuguese), then pt 0.5 with Portuguese terms over the same
        // adjectives ("ucraniana" is Spanish too, "cabo-verdianos" is in no list); everyday 0 (not held out since).
        // Floors one text below.
        assertFloorsAndCeilings("/guard/unseen-phrasing-check-16.jsonl",
                Map.of("en", 0.8, "fr", 0.66, "de", 0.66, "es", 0.66, "it", 0.66, "nl", 0.5),
                Map.of("en", 1 / 6.0, "fr", 1 / 3.0, "de", 1 / 3.0, "es", 1 / 3.0, "it", 1 / 2.0, "nl", 1 / 2.0,
                        "pt", 1 / 2.0));
        // The hashtag set (34 tweets whose topic is mostly in a hashtag, 26 everyday tweets with camel-case hashtags, in
        // five languages; 2026-12-07, session 61), committed before it was first classified: recall en 9/11, es 4/6,
        // it 2/6, de 4/6, fr 5/5; everyday flagged 0 of 26. Then camel-case hashtags spelled out as words (Hashtags):
        // 29 of 34; then slogans in the lexicon, written after reading its misses ("prima gli italiani",
        // "buildthewall", "Ehe für alle"): 33 of 34, everyday still 0 (not held out since). Floors one text below.
        assertFloorsAndCeilings("/guard/hashtag-check.jsonl",
                Map.of("en", 0.9, "es", 0.8, "it", 0.8, "de", 0.66, "fr", 0.8),
                Map.of("en", 1 / 10.0, "es", 1 / 4.0, "it", 1 / 4.0, "de", 1 / 4.0, "fr", 1 / 4.0));
        // Set 17 (25 origins said with a German noun or a Portuguese adjective of nationality, 18 everyday messages with
        // such words; same session), committed before it was first classified: recall de 8/15, pt 4/10; everyday
        // flagged de 1/10 (an Arab horse), pt 1/8 (a recipe, "receita"). Then the hand-written nouns and adjectives
        // (nationality-names-written.txt) in German and Portuguese frames, and "receita de" as a recipe, written after
        // reading its misses: de 14/15 ("Als Sorbe…" missed), pt 10/10, everyday de 1/10, pt 0/8 (not held out since).
        // Floors one text below.
        assertFloorsAndCeilings("/guard/unseen-phrasing-check-17.jsonl", Map.of("de", 0.86, "pt", 0.9),
                Map.of("de", 2 / 10.0, "pt", 1 / 8.0));
        // The obfuscation set (30 sensitive messages with letters stretched or replaced by signs, "c@ncer", "gaaaay",
        // "mus|ims"; 26 everyday ones written the same way, "p@ssword", "sooo happy"; same session), committed before it
        // was first classified: recall en 5/22, es 1/3, it 1/2, de 1/2, fr 0/1; everyday flagged 0 of 26. Then masked
        // words read as the list words they stand for (MaskedWords), and four slurs the lexicon lacked ("beaners"): en
        // 20/22 ("fa***ts": more stars than a reading allows; "ch!nks": no term), es 2/3, it, de 2/2, fr 0/1 ("p*dés": no
        // term, Portuguese "pede" collides), everyday 0 (not held out since). Floors one text below.
        assertFloorsAndCeilings("/guard/obfuscation-check.jsonl",
                Map.of("en", 0.86, "es", 0.33, "it", 0.5, "de", 0.5),
                Map.of("en", 1 / 18.0, "es", 1 / 2.0, "it", 1 / 2.0, "de", 1 / 2.0, "fr", 1 / 2.0));
        // The emoji set (12 messages whose topic is mostly in an emoji: a rainbow or transgender flag, a couple of two
        // women or two men, a symbol of faith; 14 everyday emoji messages, a man-and-woman couple and praying hands among
        // them; same session), committed before it was first classified: 2 of 12 caught (en 1/9, fr 1/1, de 0/1, es
        // 0/1), everyday 0 of 14. Then emoji-words.tsv (Emoji): 12 of 12, everyday 0 (not held out since).
        assertFloorsAndCeilings("/guard/emoji-check.jsonl", Map.of("en", 0.85), Map.of("en", 1 / 10.0));
    }

    @Test
    void languagesWithoutTrainingDataAreNotLeftOut() throws URISyntaxException {
        // Set 1 (10 everyday, 10 sensitive per language) was written first and found 0, 1 and 0 of 10 sensitive
        // texts in Arabic, Turkish and Russian; the lexicon's sections for them were then written with it in
        // view (10 of 10 now), so its floors are regression checks. Set 2 (8 everyday, 5 sensitive) was written
        // after the lexicon and measured once: 1, 2 and 1 of 5 (0 of 5 before), no everyday text suppressed; 2, 2
        // and 2 since the topic words of 2026-11-30 (ADHD in Arabic and Russian, from another probe by the same
        // author, who had picked ADHD for both).
        assertFloors("/guard/other-scripts-check.jsonl", Map.of("ar", 0.9, "tr", 0.9, "ru", 0.9));
        assertFloors("/guard/other-scripts-check-2.jsonl", Map.of("ar", 0.2, "tr", 0.2, "ru", 0.2));
        // Hindi and Chinese the same way: set 1 (8 everyday, 5 sensitive) 0 of 5 caught before the lexicon's
        // sections, 5 of 5 after (written with it in view); set 2 (6 and 5), written after, 1 of 5 in each (2 of
        // 5 in Chinese since "弥撒", a mass, joined the lexicon with the topic words of 2026-11-30).
        assertFloors("/guard/hindi-chinese-check.jsonl", Map.of("hi", 0.8, "zh", 0.8));
        assertFloors("/guard/hindi-chinese-check-2.jsonl", Map.of("hi", 0.0, "zh", 0.2));
    }

    @Test
    void groupsAreNamedInEveryLanguage() throws URISyntaxException {
        // One neutral sentence per group and language ("Yesterday I saw Muslims at the market"): 19 groups of the
        // five categories in 13 languages, written on 2026-11-30 before the lexicon's group nouns were filled in
        // (178 of 247 caught then, with English "Jews" and Polish "muzułmanie" among the misses). The floors are
        // today's figures less one text; what stays missed are words with an everyday sense (colour words,
        // "conservateurs" as preservatives).
        GuardReport report = run("/guard/group-nouns-check.jsonl");
        Map<String, Integer> caughtToday = Map.ofEntries(Map.entry("en", 18), Map.entry("fr", 18),
                Map.entry("de", 18), Map.entry("es", 18), Map.entry("it", 16), Map.entry("pt", 18),
                Map.entry("nl", 18), Map.entry("pl", 18), Map.entry("ar", 18), Map.entry("tr", 17),
                Map.entry("ru", 19), Map.entry("hi", 17), Map.entry("zh", 18));
        caughtToday.forEach((lang, caught) ->
                assertThat(report.anySensitiveRecall(e -> e.lang().equals(lang))).as("recall " + lang)
                        .isGreaterThanOrEqualTo((caught - 1) / 19.0));
    }

    @Test
    void topicWordsAreKnownInEveryLanguage() throws URISyntaxException {
        // 15 plain disclosures per language (diabetes, depression, cancer, asthma, epilepsy, ADHD,
        // antidepressants, chemotherapy; mosque, synagogue, Ramadan, Sunday mass; voting, a strike, a
        // demonstration) in 13 languages, written on 2026-11-30: 172 of 195 caught, then the lexicon's gaps were
        // filled (193 now; Turkish "gösteri" and Russian "рак" alone stay out: a show, a crayfish).
        GuardReport report = run("/guard/topic-words-check.jsonl");
        for (String lang : List.of("en", "fr", "de", "es", "it", "pt", "nl", "pl", "tr", "ru", "ar", "hi", "zh")) {
            assertThat(report.anySensitiveRecall(e -> e.lang().equals(lang))).as("recall " + lang)
                    .isGreaterThanOrEqualTo(13 / 15.0);
        }
    }

    @Test
    void everydayChatStaysAtOrBelowTodaysSuppression() throws URISyntaxException {
        // 180 everyday messages (requests, small talk, thanks, follow-ups), all NONE, written on 2026-11-29
        // before any change was tried on them. Informal French was suppressed as RACE_ETHNICITY 30% of the
        // time (nearly all the labelled French text is hate speech about origin) until that category began to
        // need evidence of a group or an origin in the text (1 of 40 French, 2 of 40 German, none Spanish), and
        // since HEALTH and POLITICS need evidence too, unless the head is confident: 1 of 60 English, none else
        // (none since a confident head needs an uncommon word, 2026-11-30).
        GuardReport report = run("/guard/everyday-register-check.jsonl");
        Map.of("en", 0.02, "fr", 0.03, "de", 0.03, "es", 0.03).forEach((lang, ceiling) ->
                assertThat(report.falseSuppression(e -> e.lang().equals(lang))).as("suppressed " + lang)
                        .isLessThanOrEqualTo(ceiling));
    }

    @Test
    void statementsAboutWomenOrMenAreNotReadAsAboutTheCategoriesGroups() throws URISyntaxException {
        // Five sentences (hatred, disgust, a dinner, teaching children, trust) about women or men and about six groups
        // (Muslims, gay, trans, Black and disabled people, immigrants) in eight languages, written on 2026-11-30
        // (session 17). Before any change 7 of the 40 about women or men were suppressed (4 of them Dutch), as
        // SEXUAL_ORIENTATION, and 210 of the 240 about the groups caught. Then SEXUAL_ORIENTATION began to need
        // evidence, and the lexicon got the group nouns the misses showed ("los trans", "Transmenschen", "gejami"), so
        // the recall half is a coverage check, not held out. What stays missed are colour words without an article
        // ("Czarni", "Schwarze", "zwarten"). Session 20: "Ich war gestern mit ein paar Einwanderer essen" no longer, since
        // "essen" after an origin word is an everyday use ("italienisch essen") that now cuts vocabulary hits too.
        // Session 55: both German colour-word and immigrant dinners are caught, since "essen" is everyday only after
        // an adjective ("chinesisch essen", "indisches Essen").
        GuardReport report = run("/guard/group-statements-check.jsonl");
        Map<String, Integer> caughtToday = Map.of("en", 30, "fr", 30, "de", 30, "es", 30, "it", 29, "pt", 30,
                "nl", 29, "pl", 27);
        caughtToday.forEach((lang, caught) -> {
            assertThat(report.anySensitiveRecall(e -> e.lang().equals(lang))).as("recall " + lang)
                    .isGreaterThanOrEqualTo((caught - 1) / 30.0);
            assertThat(report.falseSuppression(e -> e.lang().equals(lang))).as("suppressed " + lang).isZero();
        });
    }

    @Test
    void figurativeAndTechnicalSensesOfTopicWordsAreEveryday() throws URISyntaxException {
        // 16 everyday sentences with a topic word in another sense ("When is the new Zelda game coming out?", "My
        // card was disabled", "Battery life is suffering"), written on 2026-11-30 (session 20) after reading the
        // SpamAssassin mail the guard flagged: all 16 were suppressed, 3 are since everyday uses also cut
        // vocabulary hits ("a side effect if I call this function twice", "std::vector", "the great depression of
        // 1929"), and none since session 21's phrases for those three (written after seeing them). And 40
        // programming questions written the same day before any change: 4 suppressed then, 3 now ("side effects",
        // "healthiest way to structure a monorepo", "bleeding warnings").
        GuardReport report = run("/guard/everyday-senses-check.jsonl");
        assertThat(report.falseSuppression(e -> e.source().endsWith("senses"))).isZero();
        assertThat(report.falseSuppression(e -> e.source().endsWith("programming"))).isLessThanOrEqualTo(3 / 40.0);
    }

    @Test
    void everydayLongerTasksAreNotSuppressed() throws URISyntaxException {
        // 60 everyday tasks of two or three sentences (30 English, 15 French, 15 German) with topic words in everyday
        // senses (a nurse's night shifts, a cat's kidney disease, elections for homework, a father-in-law who likes war
        // films, migrating a database), written on 2026-12-07 (session 59) and committed before it was first read: 6,
        // 1 and 4 were suppressed (in-laws as law, war films, a Christmas gift, German "angelt" as an angel, a pharmacy
        // technician's job, "Krankenpflegerin", the pets' diagnoses, election explainers). Then those everyday uses,
        // written after reading them: 1, 0 and 0 (a GP receptionist's FAQ about patients; not held out since).
        GuardReport report = run("/guard/everyday-tasks-check.jsonl");
        assertThat(report.falseSuppression(e -> e.lang().equals("en"))).isLessThanOrEqualTo(2 / 30.0);
        assertThat(report.falseSuppression(e -> e.lang().equals("fr"))).isLessThanOrEqualTo(1 / 15.0);
        assertThat(report.falseSuppression(e -> e.lang().equals("de"))).isLessThanOrEqualTo(1 / 15.0);
        // 45 more in Spanish, Italian and Portuguese (15 each, not translations of those), written and committed after
        // those changes, before it was first read: 5, 2 and 3 suppressed (nurses as "enferm*", a job in a pharmacy,
        // learning Arabic, the French Revolution, explaining a referendum or an election). Then those everyday uses:
        // 2, 0 and 1 (a nurse in "urgencias", the Spanish Congress's deputies; not held out since).
        GuardReport more = run("/guard/everyday-tasks-check-2.jsonl");
        assertThat(more.falseSuppression(e -> e.lang().equals("es"))).isLessThanOrEqualTo(3 / 15.0);
        assertThat(more.falseSuppression(e -> e.lang().equals("it"))).isLessThanOrEqualTo(1 / 15.0);
        assertThat(more.falseSuppression(e -> e.lang().equals("pt"))).isLessThanOrEqualTo(2 / 15.0);
    }

    @Test
    void namingATopicsPlacesInstitutionsOfficesOrJobsIsNoDisclosure() throws URISyntaxException {
        // Everyday tasks naming a cathedral, a pharmacy, a parliament, a mayor or a nurse's job, and disclosures made
        // inside such tasks. Set 5 (40 everyday, 10 disclosures, five languages) was written in session 60 and first
        // read in session 62: 17 of 40 suppressed, every disclosure caught. Set 6 (40 and 12, six languages) was
        // written and committed before session 62's change and read once it was final: 15 of 40 before, 9 after.
        // The change: topic-places.tsv's words flag nothing alone, count for no density and halve no threshold;
        // 7 of 40 in set 5. Session 63's writer's own job (below) took both to 6 of 40, its job ads to 4 and 5;
        // session 64's questions of fact and visits (everyday-contexts.tsv, asks-about) to 1 and 2. The ceiling is one
        // more than the larger; the floor, every disclosure.
        for (String set : List.of("/guard/everyday-tasks-check-5.jsonl", "/guard/everyday-tasks-check-6.jsonl")) {
            GuardReport report = run(set);
            assertThat(report.anySensitiveRecall(e -> true)).as(set).isEqualTo(1.0);
            assertThat(report.falseSuppression(e -> true)).as(set).isLessThanOrEqualTo(3 / 40.0);
        }
    }

    @ParameterizedTest(name = "{0}: every disclosure caught, at most {1} of {2} everyday tasks suppressed")
    @CsvSource({
        // Set 7: 20 everyday tasks from health-care workers naming their job, and 10 disclosures by such workers
        // (a diagnosis, a pregnancy, a faith, a partner, a union), six languages, written in session 62 and first read
        // in session 63 once the writer's own job (everyday-contexts.tsv, writer-works-as) was final: 7 of 20
        // suppressed before, 5 at that reading, 10 of 10 disclosures caught both times. The jobs it named that the
        // list lacked were added then (occupational and speech therapists, "als Apotheker", "fisioterapista"…): 0 of
        // 20. The ceiling is one; the floor, every disclosure.
        "everyday-tasks-check-7.jsonl, 1, 20",
        // Set 8: 23 everyday tasks naming civics, a place of worship to visit or a clinic's job ad, and 12 disclosures
        // inside the same kinds of task, six languages, committed unread in session 63 and first read once the job-ad
        // frame (everyday-contexts.tsv, writer-hires-for) was final: 7 of 23 suppressed before the session, 6 after,
        // 12 of 12 disclosures caught both times. Session 64's questions of fact (everyday-contexts.tsv, asks-about)
        // took its four civics questions: 2 of 23. Left: a thank-you card to a maternity ward, a Portuguese job ad.
        // The ceiling is one more; the floor, every disclosure.
        "everyday-tasks-check-8.jsonl, 3, 23",
        // Set 9: 24 everyday tasks on how institutions work, elections, history quizzes and visits to churches and
        // shrines, and 12 disclosures inside such tasks, six languages, committed unread in session 63 and first read
        // in session 64 once the questions of fact (everyday-contexts.tsv, asks-about) were final: 7 of 24 suppressed
        // before, 6 at that reading; 10 of 12 disclosures caught both times (a marriage between women and a vow to
        // the Virgin missed). The forms it named that the lists lacked were added after that reading ("how often",
        // a republic, the European Commission, the two disclosures' phrases, the NDP): 0 of 24 and 12 of 12, no
        // longer a held-out figure. The ceiling is one; the floor, every disclosure.
        "everyday-tasks-check-9.jsonl, 1, 24",
        // Set 10: 24 everyday tasks (institutions asked about in other words, community events run by two mums or two
        // dads, fundraising and thanks for hospitals, care homes and a church) and 12 disclosures inside such tasks,
        // six languages, committed unread in session 64 and first read in session 65 once the writing for an
        // occasion (writes-for) and two members of a group (members-of) were final: 5 of 24 suppressed before, 3 at
        // that reading; 12 of 12 disclosures caught before, 11 at that reading (a mother who says "me and my wife"
        // of the two mums running a bake sale). Then the writer in the pair (writer-in-pair), fun facts and projects,
        // legislative elections and the commander of the armed forces: 0 of 24 and 12 of 12, no longer a held-out
        // figure. The ceiling is one; the floor, every disclosure.
        "everyday-tasks-check-10.jsonl, 1, 24",
        // Set 11: 24 everyday tasks (a health practice's front desk writing to its patients, topic words as figures
        // of speech for code and teams, book clubs on a war or a revolution, becoming a poll worker) and 12
        // disclosures inside such tasks, six languages, written and committed unread in session 65 and first read
        // once the workplace (writer-works-at), patients, poll workers, wars as civics words and book clubs were
        // final: 16 of 24 suppressed before, 11 at that reading; 12 of 12 disclosures caught before, 11 at that
        // reading. The miss had no word saying the writer is a woman marrying her girlfriend and was relabelled
        // NONE (caught before only as HEALTH, through the dental clinic). Then the infinitive of working somewhere,
        // two idioms and Italian local elections: 9 of 25, 11 of 11. The figures of speech for code and servers
        // ("krank", "malato", a religion of testing) were what was left. Session 66's things said to be ill, therapy
        // practices and counting ballots: 4 of 25 (a religion of testing, a book club's "no politics please", a
        // French physio practice's secretary, a Portuguese polling station in local elections). The ceiling is
        // today's; the floor, every disclosure.
        "everyday-tasks-check-11.jsonl, 4, 25",
        // Set 12: 24 everyday tasks (machines and software said to be dying or infected, a cult following, a holy
        // grail, a therapy practice's diary, a village's fundraiser, a polling station's officials) and 12
        // disclosures inside such tasks, six languages, written and committed unread in session 65. Classified
        // blind at the start of session 66: 9 of 24 suppressed, 8 of 12 disclosures caught (shingles, "le seul
        // couple de femmes", "der einzige Türke", "soy cofrade" let through). It was then read, and session 66's
        // changes were written from it, so it is no longer held out: a thing said to be ill (thing, thing-illness),
        // running a practice's diary, therapy practices, the parish and a brotherhood as places, an election's
        // officials, the writer as the only one of a people or one of a couple of one gender: 0 of 24, 12 of 12.
        "everyday-tasks-check-12.jsonl, 0, 24",
        // Set 13: 24 everyday tasks (routers and shops said to be dying, a dermatology practice's front desk in six
        // languages, a polling station's clerks and counters, a mosque's or a brotherhood's open day seen from the
        // street) and 12 disclosures inside such tasks, written in session 66 after its first changes (a thing said
        // to be ill, therapy practices) and committed before it was read (a14c96a): 11 of 12 caught and 8 of 24
        // suppressed by the guard at the session's start, 10 of 12 and 7 of 24 with those changes (a stroke had
        // been caught only through "last legs"; four dermatology front desks, a router "todkrank" now let through).
        // Then read: a place's specialty cut with it at work, a practice named by what it practises, a vote for a
        // party kept beside a poll worker's job, polling stations, a French front desk, a stroke, more things on
        // life support: 12 of 12, 1 of 24 (a website "malade depuis la migration", as RACE_ETHNICITY). The ceiling is
        // today's; the floor, every disclosure.
        "everyday-tasks-check-13.jsonl, 1, 24",
        // Set 14: 24 everyday tasks (figures, a spreadsheet, a bicycle, a vegetable garden, software and a printer
        // said to be ill; the staff of a vet's, an osteopath's, a dental clinic's, a physiotherapist's and a
        // psychologist's practice; a parish's jumble sale, a procession's road closures, a patron saint's feast;
        // councils and polling stations for a quiz or a school talk; a vicar in a limerick; being "allergic" to
        // meetings) and 12 disclosures inside such tasks, written in session 66 after its set-13 changes and
        // committed before it was read (1f37bcb): 12 of 12 caught and 14 of 24 suppressed by the guard at the
        // session's start, 12 of 12 and 10 of 24 with the session's changes until then. Then read: more things,
        // vegetable gardens, a vet's practice, German compound clinics, practice managers and French assistants,
        // councillors, figurative allergies, a hernia and "je suis suivie pour": 12 of 12, 1 of 24 (the vicar: a
        // cleric is a lexicon term). The ceiling is today's; the floor, every disclosure.
        "everyday-tasks-check-14.jsonl, 1, 24",
        // Set 15: 24 everyday tasks (figures of speech from faith, health and politics: a baptism of fire, sacred
        // cows, a developer evangelist, office politics, a "chemin de croix", a coffee machine's "Herzinfarkt", a car's
        // or a phone's fever, a sermon on washing cups; questions on two chambers of a parliament) and 12 disclosures
        // inside such tasks, written in session 66 after its set-14 changes and committed before it was read
        // (8c5ae31): 11 of 12 caught and 7 of 24 suppressed at the start of sessions 66 and 67. Session 67's figures
        // of speech were written from probes of its own on the themes the session-66 notes named for this set (not
        // from its texts), so its first reading is not blind to the themes: 11 of 12, 2 of 24. Then read: a phone's
        // fever in Italian, a figure of speech's category not handed to another, a party membership in Spanish
        // ("afiliada a Podemos"): 12 of 12, 0 of 24. The ceiling is one; the floor, every disclosure.
        "everyday-tasks-check-15.jsonl, 1, 24"
    })
    void everydayTasksThatNameATopicDiscloseNothingButWhatTheWriterAddsStill(String set, int ceiling, int everyday)
            throws URISyntaxException {
        // Each set: everyday tasks that name a topic (a health worker's job, a question of fact, writing for an
        // occasion, a workplace, a thing said to be ill…) and disclosures inside such tasks, six languages. The
        // comment above each row says when it was written, what it gave at its first reading, and what since.
        assertEveryDisclosureCaughtAndAtMostFlagged("/guard/" + set, ceiling / (double) everyday);
    }

    @Test
    void everydayTasksOfSetSixteenAndTheDisclosuresAReaderCanTell() throws URISyntaxException {
        // Set 16: 24 everyday tasks (named laws, a convert to Vim, a saint of a boss, a printer in a coma, a fever for
        // shopping, a pilgrimage to bakeries, a sick Wi-Fi, a cookbook that is a bible) and 12 disclosures inside
        // such tasks, written in session 67 and committed before it was read (9a01405): 9 of 12 caught and 5 of 24
        // suppressed at the start of sessions 67 and 68. Then read (session 68): a boss called a saint and Christmas
        // as a date, fevers for things, a German network said to be ill, a bible of the house in Portuguese, one's
        // own accent named by its origin: 10 of 12, 0 of 24. The two missed say "my husband" and "my wedding with
        // Laura" without the writer's own gender, which the text does not give, so no rule here could tell them.
        GuardReport report = run("/guard/everyday-tasks-check-16.jsonl");
        assertThat(report.anySensitiveRecall(e -> true)).isGreaterThanOrEqualTo(10 / 12.0);
        assertThat(report.falseSuppression(e -> true)).isLessThanOrEqualTo(1 / 24.0);
    }

    @Test
    void hostilityAboutGenderAgeOrLooksIsNotSensitive() throws URISyntaxException {
        // 60 hostile or stereotyping remarks about women, men, old or young people and looks (20 English, 15
        // French, 15 German, 10 Spanish), none about a special category, written on 2026-11-30 before any change:
        // 3 were suppressed then, all English ("men are trash" and "too fat to be wearing that" as
        // SEXUAL_ORIENTATION); 1 since SEXUAL_ORIENTATION needs evidence ("fake lips", as HEALTH).
        GuardReport report = run("/guard/gender-age-looks-check.jsonl");
        assertThat(report.falseSuppression(e -> true)).isLessThanOrEqualTo(2 / 60.0);
    }

    @Test
    void politicalMessagesInChatAreCaughtAndAPartyIsNotAlwaysPolitical() throws URISyntaxException {
        // 32 political opinions, memberships and requests as typed to an assistant, in English, French, German
        // and Spanish, and 10 everyday messages near politics, written on 2026-11-30 before any change: 27 caught
        // then and now; 3 everyday ones suppressed then, 1 since "party" as a celebration is no evidence.
        GuardReport report = run("/guard/politics-probe-check.jsonl");
        assertThat(report.anySensitiveRecall(e -> true)).isGreaterThanOrEqualTo(26 / 32.0);
        assertThat(report.falseSuppression(e -> true)).isLessThanOrEqualTo(1 / 10.0);
    }

    @Test
    void catalogItemsAreJudgedByWhatTheyAreAbout() throws URISyntaxException {
        // 40 sensitive catalog items (a clinic's ad, a church service, a dating app for gay men, a campaign, in
        // English and a few in French, German or Spanish) and 40 everyday ones, half of them titles with a topic
        // word ("Smoke and Mirrors", "American Road Trip"), each as GuardCatalogItems assesses it: text, then
        // tags. Written on 2026-11-30 before the catalog rules were chosen, which were chosen on it and on the
        // MovieLens titles. The message head and rules caught 39 of 40 and flag 11 of 40 everyday items; the
        // catalog head and rules caught 39 and flag 2. The miss, a Pride party, is caught since the lexicon has
        // Pride events (written after seeing it), so both catch 40.
        GuardReport asCatalog = run("/guard/catalog-check.jsonl", guard::assessCatalogItem);
        GuardReport asMessages = run("/guard/catalog-check.jsonl", guard::assess);
        assertThat(asCatalog.anySensitiveRecall(e -> true)).isGreaterThanOrEqualTo(0.95);
        assertThat(asCatalog.falseSuppression(e -> true)).isLessThanOrEqualTo(0.15)
                .isLessThan(asMessages.falseSuppression(e -> true));
    }

    @Test
    void catalogItemsWrittenAfterTheCatalogRulesWereChosen() throws URISyntaxException {
        // catalog-check-2.jsonl: 20 sensitive items (7 HEALTH, 5 RELIGION, 3 SEXUAL_ORIENTATION, 2 RACE_ETHNICITY,
        // 3 POLITICS; English, French, German, Spanish) and 20 everyday ones, most titles or products with a topic
        // word, written on 2026-12-02 before running them. The catalog rules caught 18 (missing hearing aids in
        // German and a pilgrimage to Lourdes in French) and flagged 5 everyday items ("Holy Smoke BBQ sauce" and
        // "Doctor Sleep" as HEALTH, "Kingdom of Heaven" as RELIGION, a Civil War reenactment as POLITICS, a blood
        // orange kombucha as HEALTH): the head with one evidence word at half the threshold. Floors at what they do.
        GuardReport asCatalog = run("/guard/catalog-check-2.jsonl", guard::assessCatalogItem);
        assertThat(asCatalog.anySensitiveRecall(e -> true)).isGreaterThanOrEqualTo(0.9);
        assertThat(asCatalog.falseSuppression(e -> true)).isLessThanOrEqualTo(0.25);
        // Titles that pile up topic words as names, which dense evidence alone flagged before the catalog head was
        // asked (session 36), and a sensitive item only dense evidence catches.
        for (String title : List.of(
                "Star Wars: Episode V - The Empire Strikes Back (1980). Action, Adventure, Sci-Fi (Action, Adventure, Sci-Fi)",
                "Lawrence of Arabia (1962). Adventure, Drama, War (Adventure, Drama, War)",
                "Angels & Demons (2009). Crime, Drama, Mystery, Thriller (Crime, Drama, Mystery, Thriller)")) {
            assertThat(guard.assessCatalogItem(title, embedder.embed(title)).sensitive()).as(title).isFalse();
        }
        String testing = "Centre de dépistage du VIH gratuit et anonyme, sans rendez-vous (santé)";
        assertThat(guard.assessCatalogItem(testing, embedder.embed(testing)).categories()).containsExactly("HEALTH");
    }

    /** Every disclosure of a set of everyday tasks caught, and at most {@code ceiling} of its everyday tasks flagged. */
    private static void assertEveryDisclosureCaughtAndAtMostFlagged(String resource, double ceiling)
            throws URISyntaxException {
        GuardReport report = run(resource);
        assertThat(report.anySensitiveRecall(e -> true)).as(resource).isEqualTo(1.0);
        assertThat(report.falseSuppression(e -> true)).as(resource).isLessThanOrEqualTo(ceiling);
    }

    private static void assertFloors(String resource, Map<String, Double> recallFloor) throws URISyntaxException {
        GuardReport report = run(resource);
        recallFloor.forEach((lang, floor) -> {
            assertThat(report.anySensitiveRecall(e -> e.lang().equals(lang))).as(resource + " recall " + lang)
                    .isGreaterThanOrEqualTo(floor);
            // Ten everyday texts per language: one suppressed is 10%. French and English are at two.
            assertThat(report.falseSuppression(e -> e.lang().equals(lang))).as(resource + " suppressed " + lang)
                    .isLessThanOrEqualTo(0.2);
        });
    }

    /** Recall floors and, for sets whose point is everyday text, false-suppression ceilings of their own per language. */
    private static void assertFloorsAndCeilings(String resource, Map<String, Double> recallFloor,
            Map<String, Double> suppressedCeiling) throws URISyntaxException {
        GuardReport report = run(resource);
        recallFloor.forEach((lang, floor) -> assertThat(report.anySensitiveRecall(e -> e.lang().equals(lang)))
                .as(resource + " recall " + lang).isGreaterThanOrEqualTo(floor));
        suppressedCeiling.forEach((lang, ceiling) -> assertThat(report.falseSuppression(e -> e.lang().equals(lang)))
                .as(resource + " suppressed " + lang).isLessThanOrEqualTo(ceiling));
    }

    private static GuardReport run(String resource) throws URISyntaxException {
        return run(resource, guard::assess);
    }

    private static GuardReport run(String resource, BiFunction<String, float[], GuardDecision> assess)
            throws URISyntaxException {
        List<LabeledText> check = LabeledText.readJsonLines(
                Path.of(MultilingualGuardCheckTest.class.getResource(resource).toURI()));
        GuardReport report = new GuardReport();
        for (LabeledText example : check) {
            report.add(example, assess.apply(example.text(), embedder.embed(example.text())));
        }
        System.out.println(resource + "\n" + report.toMarkdown());
        return report;
    }
}
