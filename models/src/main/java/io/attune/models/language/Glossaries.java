package io.attune.models.language;

import io.attune.models.jvm.SharedInstances;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A {@link Glosser} for every language a directory holds a dictionary into English for: FreeDict's
 * {@code freedict-XXX-eng} in dictd format (ISO 639-3 codes, as Debian's {@code dict-freedict-*} packages install
 * them in {@code /usr/share/dictd}), each with its {@code freedict-eng-XXX} read backwards when that is there too.
 *
 * <p>One per JVM and directory through {@link #acquire}, as the embedding model: German alone is about 400,000
 * words (the six languages FreeDict has with most words take about 85 MB of heap and 5-8 s to read).
 */
public final class Glossaries {

    /** Where Debian and Ubuntu install FreeDict's dictionaries ({@code apt-get install dict-freedict-deu-eng}). */
    public static final Path SYSTEM_DIRECTORY = Path.of("/usr/share/dictd");

    private static final Pattern TO_ENGLISH = Pattern.compile("freedict-([a-z]{3})-eng\\.index");
    /** Immutable once read, so the last release only lets them go. */
    private static final SharedInstances<Path, Glossaries> SHARED = new SharedInstances<>(glossaries -> { });

    private final Map<String, Glosser> byLanguage;

    private Glossaries(Map<String, Glosser> byLanguage) {
        this.byLanguage = Map.copyOf(byLanguage);
    }

    /** No glossing: every language is left as written. */
    public static Glossaries none() {
        return new Glossaries(Map.of());
    }

    /** Whether the directory holds a dictionary into English that {@link #load} would read; never an exception. */
    public static boolean hasDictionaries(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> TO_ENGLISH.matcher(file.getFileName().toString()).matches());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads every dictionary into English in the directory. A directory without any is an error: glossing was
     * asked for and would silently do nothing.
     */
    public static Glossaries load(Path directory) {
        Map<String, String> twoLetter = twoLetterCodes();
        Map<String, Glosser> glossers = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher name = TO_ENGLISH.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    continue;
                }
                String code = name.group(1);
                String language = twoLetter.get(code);
                if (language == null || language.equals("en")) {
                    continue;
                }
                Path base = directory.resolve("freedict-" + code + "-eng");
                if (!Files.exists(Path.of(base + ".dict.dz"))) {
                    continue;
                }
                Path reverse = directory.resolve("freedict-eng-" + code);
                boolean hasReverse = Files.exists(Path.of(reverse + ".index"))
                        && Files.exists(Path.of(reverse + ".dict.dz"));
                GlossDictionary fromEnglish = hasReverse ? GlossDictionary.readFromEnglish(reverse) : null;
                glossers.put(language, new Glosser(language, GlossDictionary.readToEnglish(base), fromEnglish));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list gloss dictionaries in " + directory, e);
        }
        if (glossers.isEmpty()) {
            throw new IllegalArgumentException("no dictionary into English (freedict-XXX-eng.index and .dict.dz) in "
                    + directory + "; on Debian or Ubuntu: apt-get install dict-freedict-deu-eng"
                    + " dict-freedict-fra-eng …");
        }
        return new Glossaries(glossers);
    }

    /**
     * The directory's glossaries, read by the first caller in this JVM and shared (they are immutable) until the
     * last caller {@link #release releases} them.
     */
    public static Glossaries acquire(Path directory) {
        return SHARED.acquire(directory.toAbsolutePath().normalize(), Glossaries::load);
    }

    /** Gives back what {@link #acquire} returned for the directory. */
    public static void release(Path directory) {
        SHARED.release(directory.toAbsolutePath().normalize());
    }

    static int references(Path directory) {
        return SHARED.references(directory.toAbsolutePath().normalize());
    }

    /**
     * The glosser for a BCP 47 language tag ("de", "de-CH", "pt_BR"), if a dictionary covers its language; never
     * one for English or an unknown tag.
     */
    public Optional<Glosser> forLocale(String locale) {
        if (locale == null || locale.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(locale.replace('_', '-')).getLanguage();
        return Optional.ofNullable(byLanguage.get(language));
    }

    /** The languages glossed (ISO 639-1), sorted. */
    public Set<String> languages() {
        return new TreeSet<>(byLanguage.keySet());
    }

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> out = new HashMap<>();
        for (String language : Locale.getISOLanguages()) {
            try {
                out.putIfAbsent(new Locale(language).getISO3Language(), language);
            } catch (java.util.MissingResourceException e) {
                // a language without a three-letter code cannot name a FreeDict file
            }
        }
        return out;
    }
}
