package io.attune.models.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Writes {@code nationality-names.txt}: the adjectives of nationality, in every form a sentence gives them, that a
 * lexicon term's {@link TermPatterns#NATIONALITY_SLOT} stands for ("my {nationality} grandmother" finds "my Vietnamese
 * grandmother", "mi abuela {nationality}" finds "mi abuela peruana"). A family's origin is said with an adjective
 * far more often than with a country, and the adjective alone is everyday ("Vietnamese food", "a German teacher").
 *
 * <p>From the npm package {@code i18n-nationality} 1.4.0 (MIT, widdix GmbH): one adjective per ISO country in
 * English, French, German, Spanish, Italian and Dutch, in its dictionary form. Written out here: the feminine and
 * plural forms of French, Spanish and Italian, the declined forms of German, and for Dutch (whose list mixes nouns,
 * "Marokkaan", and adjectives, "Duits") the adjective and its inflected form ("Marokkaans", "Marokkaanse"). Entries
 * that are places rather than adjectives (a country's own name, "Bouvet Island", "Isole Cocos") are left out, and
 * so is a parenthesis ("Nigerianisch (Nigeria)"). The package has no Portuguese.
 *
 * <pre>bin/attune nationality-names --package DIR [--output FILE]   (DIR: the unpacked package, with langs/)</pre>
 */
public final class NationalityNames {

    static final String RESOURCE = "nationality-names.txt";

    /**
     * Written by hand beside the generated list, for what the package lacks: Portuguese adjectives and German nouns
     * of nationality and of peoples ("Ich bin Türkin", "wir sind Sinti", "sou cabo-verdiana"), in all their forms.
     */
    static final String WRITTEN_RESOURCE = "nationality-names-written.txt";

    private static final List<String> LANGUAGES = List.of("en", "fr", "de", "es", "it", "nl");

    private static final Pattern PLACE_WORDS = Pattern.compile(
            "(?i).*\\b(island|islands|isle|isole|isola|iles|ile|inseln|insel|eilanden|eiland|islas|isla|territory|"
                    + "territoire|territorio|territorium|gebiet|gebieden|saint|sainte|sankt|san|santa|st|heilige)\\b.*");

    /**
     * Forms that are everyday words of these languages before they are nationalities: the Isle of Man's "Man" and
     * its declensions, Dutch "Fin", "Lets" and "Pool" (Finn, Latvian, Pole: English "fin", "lets", "pool"), "ceci"
     * (an Italian plural the rules make of "ceca", French "this"), "ruse", "Jersey".
     */
    private static final Set<String> EVERYDAY_WORDS = Set.of("man", "mane", "manem", "manen", "maner", "manes", "fin",
            "fins", "lets", "pool", "pools", "ceci", "ruse", "jersey", "jerseys");

    private NationalityNames() {}

    /**
     * The forms of one dictionary-form adjective in its language, normalized: "peruano" gives "peruano", "peruana",
     * "peruanos", "peruanas"; "türkisch" gives "turkisch", "turkische", "turkischen", "turkischer", "turkisches".
     */
    static Set<String> forms(String lang, String adjective) {
        String a = CharNgrams.normalize(adjective.strip());
        Set<String> forms = new TreeSet<>();
        forms.add(a);
        switch (lang) {
            case "de" -> {
                for (String ending : List.of("e", "en", "er", "es", "em")) {
                    forms.add(a + ending);
                }
            }
            case "fr" -> {
                String feminine = a.endsWith("ien") || a.endsWith("een") ? a + "ne"
                        : a.endsWith("e") ? a : a.endsWith("on") ? a + "ne" : a + "e";
                forms.add(feminine);
                if (a.endsWith("c")) {
                    // turc, grec: turque, grecque.
                    forms.addAll(List.of(a.substring(0, a.length() - 1) + "que", a + "que"));
                }
                forms.add(a.endsWith("s") || a.endsWith("x") ? a : a + "s");
                forms.add(feminine + "s");
            }
            case "es" -> {
                if (a.endsWith("o")) {
                    String stem = a.substring(0, a.length() - 1);
                    forms.addAll(List.of(stem + "a", stem + "os", stem + "as"));
                } else if (a.endsWith("es") || a.endsWith("an") || a.endsWith("in")) {
                    // albanés (normalized "albanes"), alemán, mallorquín: the plural and the feminine add a syllable.
                    forms.addAll(List.of(a + "a", a + "es", a + "as"));
                } else if (a.endsWith("e") || a.endsWith("a")) {
                    forms.add(a + "s");
                } else if (a.endsWith("i") || a.endsWith("u")) {
                    forms.addAll(List.of(a + "es", a + "s"));
                } else {
                    forms.addAll(List.of(a + "a", a + "es", a + "as"));
                }
            }
            case "it" -> {
                if (a.endsWith("o")) {
                    String stem = a.substring(0, a.length() - 1);
                    // greco, turco: the masculine plural may keep the hard sound (turchi) or not (greci).
                    forms.addAll(List.of(stem + "a", stem + "i", stem + "e"));
                    if (stem.endsWith("c") || stem.endsWith("g")) {
                        forms.addAll(List.of(stem + "hi", stem + "he"));
                    }
                } else if (a.endsWith("e")) {
                    forms.add(a.substring(0, a.length() - 1) + "i");
                } else if (a.endsWith("a")) {
                    String stem = a.substring(0, a.length() - 1);
                    forms.addAll(List.of(stem + "i", stem + "e"));
                }
            }
            case "nl" -> {
                String adjectiveForm = a.endsWith("s") || a.endsWith("sch") || a.endsWith("ees") ? a : a + "s";
                forms.add(adjectiveForm);
                forms.add(adjectiveForm.endsWith("ees")
                        ? adjectiveForm.substring(0, adjectiveForm.length() - 3) + "ese" : adjectiveForm + "e");
            }
            default -> { }
        }
        return forms;
    }

    /** Every form of every usable entry of the package's six languages. */
    static Set<String> read(Path packageDir) throws IOException {
        Set<String> countries = PlaceNames.countryNames();
        ObjectMapper json = new ObjectMapper();
        Set<String> names = new TreeSet<>();
        for (String lang : LANGUAGES) {
            JsonNode entries = json.readTree(packageDir.resolve("langs").resolve(lang + ".json").toFile())
                    .get("nationalities");
            for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
                String name = it.next().getValue().asText().replaceAll("\\s*\\(.*", "").strip();
                String normalized = CharNgrams.normalize(name);
                if (name.isEmpty() || !normalized.matches("[\\p{L}][\\p{L}' -]*") || countries.contains(normalized)
                        || PLACE_WORDS.matcher(normalized).matches()) {
                    continue;
                }
                forms(lang, name).stream().filter(form -> !EVERYDAY_WORDS.contains(form)).forEach(names::add);
            }
        }
        return names;
    }

    public static void main(String[] args) throws IOException {
        Path packageDir = null;
        Path output = Path.of("models/src/main/resources/io/attune/models/guard", RESOURCE);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--package" -> packageDir = Path.of(args[++i]);
                case "--output" -> output = Path.of(args[++i]);
                default -> throw new IllegalArgumentException(
                        "usage: bin/attune nationality-names --package DIR [--output FILE]");
            }
        }
        if (packageDir == null) {
            throw new IllegalArgumentException("usage: bin/attune nationality-names --package DIR [--output FILE]");
        }
        Set<String> names = read(packageDir);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            out.println("# Adjectives of nationality, normalized, in their inflected forms, that a lexicon term's {nationality}");
            out.println("# stands for (NationalityNames, TermPatterns). From the npm package i18n-nationality 1.4.0");
            out.println("# (en, fr, de, es, it, nl); its licence:");
            for (String line : Files.readAllLines(packageDir.resolve("LICENSE"), StandardCharsets.UTF_8)) {
                out.println(("# " + line).stripTrailing());
            }
            out.println("# Rebuild: npm pack i18n-nationality@1.4.0, unpack, bin/attune nationality-names --package DIR");
            names.forEach(out::println);
        }
        System.out.printf("wrote %s (%d forms)%n", output, names.size());
    }
}
