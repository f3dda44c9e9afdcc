package io.attune.jobs.cli;

import io.attune.jobs.OptionsReference;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point of {@code bin/attune}: dispatches to a subcommand. */
public final class Attune {

    private static final String LOCAL_USAGE = """
              local    start a Kafka broker and the personalization job in this process, replay a
                       sample stream and print the refreshes as they happen (Ctrl-C stops)
                         --pace DURATION   pause between sample events (default 1.5s, e.g. 500ms)
                         --until-done      exit once the sample is replayed and processed
                         --gloss-dictionaries DIR|none   dictionaries for glossing other languages into
                                           English for profiles (default /usr/share/dictd when it holds any)
            """;

    private static final String CLASSIFY_USAGE = """
              classify reads JSON lines with a "text" field and writes them back with the guard's
                       "categories", "scores" and "sensitive"
                         --input FILE      instead of stdin
                         --output FILE     instead of stdout
                         --catalog         lines are content-catalog entries: judge text and tags as
                                           the job judges catalog items
            """;

    private static final String OPTIONS_USAGE = """
              options  every job option with its type, default and description (docs/configuration.md)
                         --markdown        as docs/configuration.md is written
            """;

    private static final String TRAIN_GUARD_USAGE = """
              train-guard
                       retrain the sensitive-topic guard's heads (messages, catalog items) from labelled JSON lines
                         --train FILE --dev FILE [--output FILE] [--cache DIR]
                         [--holdout-sources PREFIX,... | --leave-one-source-out] [--decisions FILE]
                         [--balance-sources] [--no-ngrams] [--no-disclosures] [--equal-none-share]
                         [--no-political-speech]
            """;

    private static final String EMBEDDING_PROBES_USAGE = """
              embedding-probes
                       write again the bundled model's embeddings of the probe sentences by which the guard
                       checks that a job embeds in the space its heads were trained in
                         [FILE]
            """;

    private static final String TOPIC_VOCABULARY_USAGE = """
              topic-vocabulary
                       rebuild the guard's English topic vocabulary from a WordNet dict directory
                         --wordnet DIR [--output FILE]
            """;

    private static final String COGNATE_VOCABULARY_USAGE = """
              cognate-vocabulary
                       carry the English topic vocabulary's learned words over to French, German, Spanish,
                       Italian, Portuguese and Dutch through word lists (Debian: wfrench wngerman wspanish
                       witalian wportuguese wdutch)
                         [--dict-dir DIR] [--vocabulary FILE] [--output FILE]
            """;

    private static final String MEDICAL_VOCABULARY_USAGE = """
              medical-vocabulary
                       rebuild the guard's medical vocabulary (drugs, conditions, procedures) from the Hunspell
                       medical dictionaries less everyday words (Debian: hunspell-en-med hunspell-de-med scowl
                       wfrench wngerman wspanish witalian wportuguese wdutch, and hunspell with hunspell-en-us
                       hunspell-de-de hunspell-fr hunspell-es hunspell-it hunspell-pt-pt hunspell-pt-br hunspell-nl)
                         [--english DIC] [--german DIC] [--scowl DIR] [--dict-dir DIR] [--output FILE]
            """;

    private static final String DING_VOCABULARY_USAGE = """
              ding-vocabulary
                       from the Ding German-English dictionary: German words whose every sense translates into
                       one category's English topic vocabulary, and English words it files under medicine only
                       (Debian: dict-freedict-deu-eng dict-freedict-eng-deu scowl wfrench wngerman wspanish
                       witalian wportuguese wdutch)
                         [--dictionary DIR] [--dict-dir DIR] [--scowl DIR] [--guard-dir DIR]
            """;

    private static final String COMMON_WORDS_USAGE = """
              common-words
                       rebuild the guard's list of common English words from SCOWL (Debian: scowl)
                         --scowl DIR [--copyright FILE] [--output FILE]
            """;

    private static final String PLACE_NAMES_USAGE = """
              place-names
                       rebuild the guard's list of place-name words from the JDK's locale data
                         [--output FILE]
            """;

    private static final String NATIONALITY_NAMES_USAGE = """
              nationality-names
                       rebuild the guard's adjectives of nationality from the npm package i18n-nationality 1.4.0
                         --package DIR [--output FILE]
            """;

    /** Each command's name and its section of the usage text, in the order the usage lists them. */
    private static final Map<String, String> COMMAND_USAGE = commandUsage();

    private static final String USAGE =
            "usage: bin/attune <command> [options]\n\ncommands:\n" + String.join("", COMMAND_USAGE.values());

    private static Map<String, String> commandUsage() {
        Map<String, String> usage = new LinkedHashMap<>();
        usage.put("local", LOCAL_USAGE);
        usage.put("classify", CLASSIFY_USAGE);
        usage.put("latency", LatencyCommand.USAGE);
        usage.put("replay", ReplayCommand.USAGE);
        usage.put("erase", EraseCommand.USAGE);
        usage.put("settings", SettingsCommand.USAGE);
        usage.put("inspect", InspectCommand.USAGE);
        usage.put("options", OPTIONS_USAGE);
        usage.put("train-guard", TRAIN_GUARD_USAGE);
        usage.put("embedding-probes", EMBEDDING_PROBES_USAGE);
        usage.put("topic-vocabulary", TOPIC_VOCABULARY_USAGE);
        usage.put("cognate-vocabulary", COGNATE_VOCABULARY_USAGE);
        usage.put("medical-vocabulary", MEDICAL_VOCABULARY_USAGE);
        usage.put("ding-vocabulary", DING_VOCABULARY_USAGE);
        usage.put("common-words", COMMON_WORDS_USAGE);
        usage.put("place-names", PLACE_NAMES_USAGE);
        usage.put("nationality-names", NATIONALITY_NAMES_USAGE);
        return usage;
    }

    private Attune() {}

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            System.out.print(USAGE);
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (COMMAND_USAGE.containsKey(args[0]) && asksForHelp(rest)) {
            System.out.print(usageOf(args[0]));
            return;
        }
        int status;
        try {
            status = switch (args[0]) {
                case "local" -> LocalCommand.run(rest);
                case "latency" -> LatencyCommand.run(rest);
                case "classify" -> ClassifyCommand.run(rest);
                case "replay" -> ReplayCommand.run(rest);
                case "erase" -> EraseCommand.run(rest);
                case "settings" -> SettingsCommand.run(rest);
                case "inspect" -> InspectCommand.run(rest);
                case "options" -> options(rest);
                case "train-guard" -> {
                    io.attune.models.guard.GuardTrainer.main(rest);
                    yield 0;
                }
                case "embedding-probes" -> {
                    io.attune.models.embedding.EmbeddingSpace.main(rest);
                    yield 0;
                }
                case "topic-vocabulary" -> {
                    io.attune.models.guard.TopicVocabularyBuilder.main(rest);
                    yield 0;
                }
                case "cognate-vocabulary" -> {
                    io.attune.models.guard.CognateVocabularyBuilder.main(rest);
                    yield 0;
                }
                case "medical-vocabulary" -> {
                    io.attune.models.guard.MedicalVocabularyBuilder.main(rest);
                    yield 0;
                }
                case "ding-vocabulary" -> {
                    io.attune.models.guard.DingVocabularyBuilder.main(rest);
                    yield 0;
                }
                case "common-words" -> {
                    io.attune.models.guard.CommonWords.main(rest);
                    yield 0;
                }
                case "place-names" -> {
                    io.attune.models.guard.PlaceNames.main(rest);
                    yield 0;
                }
                case "nationality-names" -> {
                    io.attune.models.guard.NationalityNames.main(rest);
                    yield 0;
                }
                default -> {
                    System.err.println("unknown command '" + args[0] + "'\n");
                    System.err.print(USAGE);
                    yield 2;
                }
            };
        } catch (Throwable e) {
            // The in-process broker's threads would keep the JVM alive: report and exit.
            System.err.println("attune " + args[0] + " failed: " + e);
            e.printStackTrace(System.err);
            status = 1;
        }
        System.exit(status);
    }

    /** Prints the options' reference; {@code --markdown} as docs/configuration.md holds it. */
    static int options(String[] args) {
        if (args.length == 1 && args[0].equals("--markdown")) {
            System.out.print(OptionsReference.markdown());
            return 0;
        }
        if (args.length > 0) {
            System.err.print("unknown option '" + args[0] + "'\n" + usageOf("options"));
            return 2;
        }
        System.out.print(OptionsReference.text());
        return 0;
    }

    /** A command's own usage, as {@code bin/attune COMMAND --help} prints it. */
    static String usageOf(String command) {
        String section = COMMAND_USAGE.get(command);
        if (section == null) {
            throw new IllegalArgumentException("unknown command '" + command + "'");
        }
        return "usage: bin/attune " + command + " [options]\n" + section;
    }

    /**
     * Whether the arguments ask for help. Only where an option name is expected: a value that happens to be
     * "-h" ({@code --request-id -h}) is not a request for help.
     */
    static boolean asksForHelp(String[] commandArgs) {
        List<String> args = Arrays.asList(commandArgs);
        return args.contains("--help") || (!args.isEmpty() && args.get(0).equals("-h"));
    }
}
