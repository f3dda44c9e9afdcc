package io.attune.models.guard;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;

/**
 * Writes {@code place-names.txt}: the words of place names, which {@link CommonWords} counts as common; and
 * {@code country-names.txt}, the whole names of countries that a lexicon term's {@code {country}} stands for. A
 * message's only rare word being "Nigeria" or "Boise" is no reason to trust a confident head without
 * evidence, where "Clarithromycin" is: held out of training, travel and time-zone requests ("what shots do I
 * need before traveling to Malawi", "what timezone is Boise in") were suppressed as HEALTH that way.
 *
 * <p>From the JDK's own locale data, so nothing is downloaded: every ISO country's name in the eight
 * languages the guard is checked in, and the city and region parts of the time-zone ids ("America/Boise");
 * plus the continents and the states of the United States, written here. Topic-vocabulary terms are left
 * out (Italian's "Cipro" for Cyprus is the drug), and so are words of fewer than
 * {@link CommonWords#MIN_UNCOMMON_LENGTH} letters are left out (they never count as uncommon anyway).
 *
 * <pre>bin/attune place-names [--output FILE]</pre>
 */
public final class PlaceNames {

    static final String RESOURCE = "place-names.txt";

    static final String COUNTRIES_RESOURCE = "country-names.txt";

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN,
            Locale.forLanguageTag("es"), Locale.ITALIAN, Locale.forLanguageTag("pt"), Locale.forLanguageTag("nl"),
            Locale.forLanguageTag("pl"));

    private static final List<String> CONTINENTS = List.of("Africa", "America", "Americas", "Antarctica", "Arctic",
            "Asia", "Australia", "Europe", "Eurasia", "Oceania", "Caribbean", "Scandinavia", "Balkans");

    private static final List<String> US_STATES = List.of("Alabama", "Alaska", "Arizona", "Arkansas", "California",
            "Colorado", "Connecticut", "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana",
            "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
            "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico",
            "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
            "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
            "Washington", "West Virginia", "Wisconsin", "Wyoming");

    /**
     * Homelands of peoples that are no ISO country, in the eight languages' spellings: "my parents came from
     * Punjab", "meine Eltern kamen aus Anatolien" tell an origin as a country does (session 68).
     */
    private static final List<String> HOMELANDS = List.of("Kurdistan", "Punjab", "Pendjab", "Pandschab", "Panyab",
            "Pendżab", "Kashmir", "Cachemire", "Kaschmir", "Cachemira", "Caxemira", "Kaszmir", "Tibet", "Tíbet",
            "Tibete", "Tybet", "Anatolia", "Anatolie", "Anatolien", "Anatólia", "Bengal", "Bengale", "Bengalen",
            "Bengala", "Chechnya", "Tchétchénie", "Tschetschenien", "Chechenia", "Cecenia", "Chechénia",
            "Tsjetsjenië", "Czeczenia", "Kabylia", "Kabylie", "Kabylei", "Cabilia", "Cabília", "Kabylië",
            "Tigray", "Darfur", "Sindh", "Balochistan", "Baluchistan", "Belutschistan", "Beluchistán", "Xinjiang",
            "Gujarat", "Kerala", "Tamil Nadu", "Kosovo", "Kosova", "Maghreb", "Magreb", "Magrebe");

    /** Also a US state's name ("my parents are from Georgia"), or mostly said of one (Jersey: New Jersey). */
    private static final Set<String> REGIONS_NAMED_LIKE_STATES = Set.of("GE", "JE");

    private PlaceNames() {}

    /**
     * Every ISO country's name in the eight languages, normalized, for {@link TermPatterns#COUNTRY_SLOT}: the names
     * of letters, spaces, hyphens and apostrophes only ("Bosnia & Herzegovina" and "Congo (DRC)" are kept in the
     * languages that write them without), and none that is also a state of the United States; and the
     * {@link #HOMELANDS}.
     */
    static Set<String> countryNames() {
        Set<String> states = new TreeSet<>();
        US_STATES.forEach(state -> states.add(CharNgrams.normalize(state)));
        Set<String> names = new TreeSet<>();
        for (String country : Locale.getISOCountries()) {
            if (REGIONS_NAMED_LIKE_STATES.contains(country)) {
                continue;
            }
            Locale region = new Locale.Builder().setRegion(country).build();
            for (Locale language : LANGUAGES) {
                String name = CharNgrams.normalize(region.getDisplayCountry(language));
                if (name.matches("[\\p{L}][\\p{L}' -]*") && !states.contains(name)) {
                    names.add(name);
                }
            }
        }
        HOMELANDS.forEach(homeland -> names.add(CharNgrams.normalize(homeland)));
        return names;
    }

    static Set<String> words() {
        Set<String> words = new TreeSet<>();
        for (String country : Locale.getISOCountries()) {
            Locale region = new Locale.Builder().setRegion(country).build();
            for (Locale language : LANGUAGES) {
                addWords(region.getDisplayCountry(language), words);
            }
        }
        for (String zone : TimeZone.getAvailableIDs()) {
            if (zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/")) {
                addWords(zone.substring(zone.indexOf('/') + 1).replace('_', ' ').replace('/', ' '), words);
            }
        }
        CONTINENTS.forEach(name -> addWords(name, words));
        US_STATES.forEach(name -> addWords(name, words));
        // A place that is also a topic term stays uncommon: Italian's "Cipro" (Cyprus) is the drug.
        for (String resource : List.of(TopicVocabulary.RESOURCE, TopicVocabulary.OTHER_LANGUAGES)) {
            for (String[] row : GuardResources.rows(resource, 2)) {
                words.remove(TopicVocabulary.key(row[1]));
            }
        }
        return words;
    }

    private static void addWords(String name, Set<String> words) {
        for (String word : CharNgrams.normalize(name).split("[^\\p{L}]+")) {
            if (word.codePointCount(0, word.length()) >= CommonWords.MIN_UNCOMMON_LENGTH) {
                words.add(word);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Path output = Path.of("models/src/main/resources/io/attune/models/guard", RESOURCE);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--output")) {
                output = Path.of(args[++i]);
            } else {
                throw new IllegalArgumentException("usage: bin/attune place-names [--output FILE]");
            }
        }
        Set<String> words = words();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            out.println("# Words of place names, counted as common words by the sensitive-topic guard (PlaceNames):");
            out.println("# ISO country names in en, fr, de, es, it, pt, nl and pl and time-zone cities, from the JDK's");
            out.println("# locale data (" + System.getProperty("java.vendor") + " " + System.getProperty("java.version")
                    + "), plus continents and US states. Rebuild: bin/attune place-names");
            words.forEach(out::println);
        }
        System.out.printf("wrote %s (%d words)%n", output, words.size());
        Path countries = output.resolveSibling(COUNTRIES_RESOURCE);
        Set<String> names = countryNames();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(countries, StandardCharsets.UTF_8))) {
            out.println("# Country names, normalized, that a lexicon term's {country} stands for (PlaceNames, TermPatterns):");
            out.println("# every ISO country in en, fr, de, es, it, pt, nl and pl from the JDK's locale data ("
                    + System.getProperty("java.vendor") + " " + System.getProperty("java.version") + "), but");
            out.println("# those named like a US state (Georgia, Jersey); and homelands of peoples that are no ISO");
            out.println("# country (Kurdistan, Punjab, Anatolia). Rebuild: bin/attune place-names");
            names.forEach(out::println);
        }
        System.out.printf("wrote %s (%d names)%n", countries, names.size());
    }
}
