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
 * Writes {@code place-names.txt}: the words of place names, which {@link CommonWords} counts as common. A
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

    private PlaceNames() {}

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
    }
}
