package io.attune.models.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermPatternsTest {

    private static final List<String> CHECK_SETS = List.of("multilingual-check.jsonl",
            "everyday-register-check.jsonl", "unseen-phrasing-check.jsonl", "unseen-phrasing-check-2.jsonl",
            "unseen-phrasing-check-3.jsonl", "other-scripts-check.jsonl", "other-scripts-check-2.jsonl",
            "hindi-chinese-check.jsonl", "hindi-chinese-check-2.jsonl");

    @Test
    void theTrieMatchesWhatAPlainAlternationOfTheBundledTermsMatches() throws IOException {
        List<String> texts = new ArrayList<>(List.of(
                "Seit zwei Tagen Brustschmerzen und Kopfschmerztabletten helfen nicht",
                "a brain tumour, then a tumor again", "after coming   out to my parents",
                "schmerzfrei", "Schmetterling", "l'islamophobie et l'antisémitisme"));
        for (String set : CHECK_SETS) {
            texts.addAll(textsOf("/guard/" + set));
        }
        int compared = 0;
        int matched = 0;
        for (String table : List.of(SensitiveTopicGuard.LEXICON, SensitiveTopicGuard.EVIDENCE)) {
            for (Map.Entry<String, List<String>> category : SensitiveTopicGuard.readTable(table).entrySet()) {
                // Pair terms are look-aheads beside the trie, not in it (aSlotOrPairTermMatchesWhatItStandsFor).
                // So are the nationality slots (the same test).
                List<String> terms = category.getValue().stream().filter(t -> !t.contains(TermPatterns.BOTH)
                        && !t.contains(TermPatterns.NATIONALITY_SLOT)).toList();
                Pattern trie = TermPatterns.compile(terms);
                Pattern plain = plainAlternation(terms);
                for (String text : texts) {
                    String normalized = CharNgrams.normalize(text);
                    List<String> expected = matches(plain, normalized);
                    assertThat(matches(trie, normalized)).as(table + " " + category.getKey() + ": " + text)
                            .isEqualTo(expected);
                    compared++;
                    matched += expected.isEmpty() ? 0 : 1;
                }
            }
        }
        // Not vacuous: the check sets hold texts every list matches and texts none does.
        assertThat(compared).isGreaterThan(5_000);
        assertThat(matched).isGreaterThan(300).isLessThan(compared - 300);
    }

    /** Terms with a slot ({country}, {nationality}) or two sides ({@link TermPatterns#BOTH}), compiled together. */
    private static final Pattern SLOTS_AND_PAIRS = TermPatterns.compile(List.of("parents are from {country}",
            "eltern kommen aus {country}", "padres son de {country}", "parents viennent d'{country}",
            "my girlfriend || my wife && i'm a woman || we're two women", "my {nationality} grandmother",
            "our {nationality} family", "mi abuela {nationality}", "we're {nationality}", "ich bin {nationality}",
            "sou {nationality}", "diabet*"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // A country at the end of a term: any country's name in eight languages, after an optional article.
        "My parents are from Eritrea|true",
        "my parents are from the Philippines|true",
        "Meine Eltern kommen aus der Türkei|true",
        "Mis padres son de Ecuador|true",
        "mes parents viennent d’Algérie|true",
        "je suis diabétique|true",
        // Not a country, or named like a US state; nor a country's name begun but not ended.
        "my parents are from Ohio|false",
        "my parents are from Georgia|false",
        "Meine Eltern kommen aus dem Urlaub|false",
        "my parents are from Perugia|false",
        "my parents are from Chadwick|false",
        "Eritrea is where my parents are from|false",
        // A pair: one alternative of each side, anywhere, in either order, each a whole-word term.
        "I'm a woman and so is my wife|true",
        "My girlfriend and I, we’re two women in Dubai|true",
        "My wife and I are both teachers|false",
        "We're two women running a bakery|false",
        "my wifey says i'm a womaniser|false",
        // A nationality: any adjective of nationality in its forms, between a term's words.
        "My Vietnamese grandmother turns 80|true",
        "Mi abuela peruana cumple noventa|true",
        "We’re Ethiopian and my mum…|true",
        // The words before and after the slot combine across terms: only possessives and relatives go there.
        "our Turkish grandmother|true",
        "my favourite grandmother|false",
        "my German teacher|false",
        "Mi abuela quiere comida tailandesa|false",
        "we're vietnamesexyz|false",
        "we're fine|false",
        // The hand-written German nouns and Portuguese adjectives count in the same slot.
        "Ich bin Türkin und lebe in Köln|true",
        "Sou cabo-verdiana|true",
        // Nationalities joined by hyphens are one; a nationality that begins a compound is none.
        "We're Italian-American|true",
        "my Italian-American grandmother|true",
        "Ich bin Deutsch-Türkin|true",
        "Ich bin Schweden-Fan|false",
        "Ich bin Pole-Dance-Trainerin|false",
    })
    void aSlotOrPairTermMatchesWhatItStandsFor(String text, boolean matches) {
        assertThat(SLOTS_AND_PAIRS.matcher(CharNgrams.normalize(text)).find()).as(text).isEqualTo(matches);
    }

    @Test
    void pairTermsAloneMatchOnlyBothSidesAndMalformedTermsAreRejected() {
        Pattern pairsOnly = TermPatterns.compile(List.of("mi novio && somos dos chicos"));
        assertThat(pairsOnly.matcher("hola").find()).isFalse();
        assertThat(pairsOnly.matcher("somos dos chicos, mi novio y yo").find()).isTrue();
        for (String malformed : List.of("a && b && c", "a || && b", "{nationality} food")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TermPatterns.compile(List.of(malformed)))
                    .as(malformed).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void lexiconMatchesWholeWordsOnly() {
        Pattern pattern = TermPatterns.compile(List.of("pray", "tumou?r*", "coming out"));
        assertThat(pattern.matcher("I pray daily").find()).isTrue();
        assertThat(pattern.matcher("praying mantis spray").find()).isFalse();
        assertThat(pattern.matcher("a brain tumor").find()).isTrue();
        assertThat(pattern.matcher("Tumours").find()).isTrue();
        assertThat(pattern.matcher("after coming   out to my parents").find()).isTrue();
    }

    @Test
    void aWildcardEndingAWordInsideATermAllowsThatWordAnyEnding() {
        Pattern pattern = TermPatterns.compile(List.of("панически* атак*", "orientacj* seksualn*"));
        assertThat(pattern.matcher(CharNgrams.normalize("у меня были панические атаки")).find()).isTrue();
        assertThat(pattern.matcher(CharNgrams.normalize("problem z orientacją seksualną")).find()).isTrue();
        assertThat(pattern.matcher(CharNgrams.normalize("паническ атаки")).find()).isFalse();
        assertThat(pattern.matcher(CharNgrams.normalize("orientacja")).find()).isFalse();
        for (String malformed : List.of("pan*ic", "a*b c")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TermPatterns.compile(List.of(malformed)))
                    .as(malformed).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void lexiconIgnoresAccentsAndFindsGermanCompounds() {
        Pattern pattern = TermPatterns.compile(List.of("diabet*", "*schmerz*", "médecin*"));
        assertThat(pattern.matcher(CharNgrams.normalize("Je suis diabétique")).find()).isTrue();
        assertThat(pattern.matcher(CharNgrams.normalize("Soy DIABÉTICA")).find()).isTrue();
        assertThat(pattern.matcher(CharNgrams.normalize("seit zwei Tagen Brustschmerzen")).find()).isTrue();
        assertThat(pattern.matcher(CharNgrams.normalize("mon medecin dit")).find()).isTrue();
        assertThat(pattern.matcher(CharNgrams.normalize("schmerzfrei")).find()).isTrue();
        assertThat(pattern.matcher(CharNgrams.normalize("Schmetterling")).find()).isFalse();
    }

    @Test
    void aTermWithAnApostropheFindsTheOnesPhonesWrite() {
        Pattern pattern = TermPatterns.compile(List.of("i'm bi", "demandeur d’asile"));
        assertThat(pattern.matcher(CharNgrams.normalize("I’m bi and scared")).find()).isTrue();
        assertThat(pattern.matcher(CharNgrams.normalize("I'm bi and scared")).find()).isTrue();
        assertThat(pattern.matcher(CharNgrams.normalize("Iʼm bi")).find()).isTrue();
        assertThat(pattern.matcher(CharNgrams.normalize("un demandeur d'asile")).find()).isTrue();
        assertThat(pattern.matcher(CharNgrams.normalize("un demandeur d’asile")).find()).isTrue();
        assertThat(pattern.matcher(CharNgrams.normalize("I'm big")).find()).isFalse();
    }

    @Test
    void optionalLettersWildcardsAndSpacesKeepTheirMeaning() {
        Pattern pattern = TermPatterns.compile(List.of("tumou?r*", "*schmerz*", "*itis", "coming out", "gay"));
        assertThat(pattern.matcher("tumorous").find()).isTrue();
        assertThat(pattern.matcher("tumour").find()).isTrue();
        assertThat(pattern.matcher("tumr").find()).isFalse();
        assertThat(pattern.matcher("kopfschmerzen").find()).isTrue();
        assertThat(pattern.matcher("tendinitis").find()).isTrue();
        assertThat(pattern.matcher("tendinitiss").find()).isFalse();
        assertThat(pattern.matcher("coming\n out").find()).isTrue();
        assertThat(pattern.matcher("comingout").find()).isFalse();
        assertThat(pattern.matcher("gaynor").find()).isFalse();
    }

    @Test
    void aSpaceInAnEverydayPhraseAlsoMatchesTheHyphensAndUnderscoresOfIdentifiers() {
        Pattern everyday = TermPatterns.compileEverydayUses(List.of("doctrine orm", "black tie", "schema migration*",
                "no-std"));
        assertThat(everyday.matcher("php-doctrine-orm: tool for object-relational mapping").find()).isTrue();
        assertThat(everyday.matcher("a black tie dinner").find()).isTrue();
        assertThat(everyday.matcher("jquery-ui-theme-black-tie").find()).isTrue();
        assertThat(everyday.matcher("the doctrine_orm bundle").find()).isTrue();
        assertThat(everyday.matcher("sql-schema - migrations").find()).isTrue();
        assertThat(everyday.matcher("a black\u2010tie dinner").find()).isTrue();
        assertThat(everyday.matcher("doctrineorm").find()).isFalse();
        assertThat(everyday.matcher("black-ties").find()).isFalse();
        // A hyphen written in the term is the identifier's own: Rust's no-std, not a test result.
        assertThat(everyday.matcher("a no-std crate").find()).isTrue();
        assertThat(everyday.matcher("the test says no std").find()).isFalse();
        // In the lexicon the hyphen can be the sense: the political adjective, not a hockey position.
        Pattern lexicon = TermPatterns.compile(List.of("right-wing", "same sex"));
        assertThat(lexicon.matcher("a right-wing party").find()).isTrue();
        assertThat(lexicon.matcher("he plays right wing for the Bruins").find()).isFalse();
        assertThat(lexicon.matcher("same sex couples").find()).isTrue();
        assertThat(lexicon.matcher("same-sex couples").find()).isFalse();
    }

    @Test
    void normalizingDropsAccentsAndArabicDiacriticsButKeepsDevanagariVowelSigns() {
        assertThat(CharNgrams.normalize("Diabétique ÉPILEPSIE")).isEqualTo("diabetique epilepsie");
        assertThat(CharNgrams.normalize("مُسْلِم أُمّ")).isEqualTo("مسلم ام");
        assertThat(CharNgrams.normalize("मुसलमान")).isEqualTo("मुसलमान");
        assertThat(TermPatterns.compile(List.of("मुसलमान*")).matcher(CharNgrams.normalize("मैं मुसलमान हूँ")).find())
                .isTrue();
        // Without its vowel signs "मोदी" would be "मद", which other words share.
        assertThat(TermPatterns.compile(List.of("मोदी")).matcher(CharNgrams.normalize("मद")).find()).isFalse();
    }

    /** The way term lists were compiled before the trie: one alternative per term, tried in order. */
    private static Pattern plainAlternation(List<String> terms) {
        StringBuilder alternatives = new StringBuilder();
        for (String rawTerm : terms) {
            if (alternatives.length() > 0) {
                alternatives.append('|');
            }
            if (rawTerm.trim().endsWith(TermPatterns.COUNTRY_SLOT)) {
                String before = rawTerm.trim().substring(0, rawTerm.trim().length() - TermPatterns.COUNTRY_SLOT.length());
                alternatives.append(Pattern.quote(CharNgrams.normalize(before.strip())).replace(" ", "\\E\\s+\\Q"))
                        .append(before.endsWith(" ") ? "\\s+" : "")
                        .append("(?:(?:the|der|dem|den|die|de|le|la|les|el|il|lo|os|as)\\s+|l')?(?:")
                        .append(String.join("|", countriesLongestFirst())).append(')');
                continue;
            }
            String term = CharNgrams.normalize(rawTerm.trim());
            boolean anyStart = term.startsWith("*");
            if (anyStart) {
                term = term.substring(1);
                alternatives.append("[\\p{L}\\p{N}]*");
            }
            boolean anyEnd = term.endsWith("*");
            String body = anyEnd ? term.substring(0, term.length() - 1) : term;
            StringBuilder quoted = new StringBuilder();
            for (String part : body.split("(?<=\\?)|(?=\\?)")) {
                quoted.append(part.equals("?") ? "?" : Pattern.quote(part));
            }
            // A word's own wildcard inside a term ("панически* атак*") ends that word with any letters.
            alternatives.append(quoted.toString().replace("* ", "\\E[\\p{L}\\p{N}]*\\Q ")
                    .replace(" ", "\\E\\s+\\Q"));
            if (anyEnd) {
                alternatives.append("[\\p{L}\\p{N}]*");
            }
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static List<String> countriesLongestFirst() {
        List<String> names = new ArrayList<>();
        for (String[] row : GuardResources.rows(PlaceNames.COUNTRIES_RESOURCE, 1)) {
            String name = CharNgrams.normalize(row[0].strip());
            StringBuilder quoted = new StringBuilder();
            for (char c : name.toCharArray()) {
                quoted.append(c == ' ' ? "\\s+" : Character.isLetterOrDigit(c) ? String.valueOf(c)
                        : Pattern.quote(String.valueOf(c)));
            }
            names.add(quoted.toString());
        }
        names.sort(java.util.Comparator.comparingInt(String::length).reversed());
        return names;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.start() + ":" + matcher.group());
        }
        return found;
    }

    private static List<String> textsOf(String resource) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                TermPatternsTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    texts.add(json.readTree(line).get("text").asText());
                }
            }
        }
        return texts;
    }
}
