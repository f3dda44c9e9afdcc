package io.attune.jobs.cli;

import java.util.Arrays;

/** Entry point of {@code bin/attune}: dispatches to a subcommand. */
public final class Attune {

    private static final String USAGE = """
            usage: bin/attune <command> [options]

            commands:
              local    start a Kafka broker and the personalization job in this process, replay a
                       sample stream and print the refreshes as they happen (Ctrl-C stops)
                         --pace DURATION   pause between sample events (default 1.5s, e.g. 500ms)
                         --until-done      exit once the sample is replayed and processed
                         --gloss-dictionaries DIR|none   dictionaries for glossing other languages into
                                           English for profiles (default /usr/share/dictd when it holds any)
              classify reads JSON lines with a "text" field and writes them back with the guard's
                       "categories", "scores" and "sensitive"
                         --input FILE      instead of stdin
                         --output FILE     instead of stdout
                         --catalog         lines are content-catalog entries: judge text and tags as
                                           the job judges catalog items
            """ + LatencyCommand.USAGE + ReplayCommand.USAGE + EraseCommand.USAGE + InspectCommand.USAGE + """
              train-guard
                       retrain the sensitive-topic guard's heads (messages, catalog items) from labelled JSON lines
                         --train FILE --dev FILE [--output FILE] [--cache DIR]
                         [--holdout-sources PREFIX,... | --leave-one-source-out] [--decisions FILE]
                         [--balance-sources] [--no-ngrams] [--no-disclosures] [--equal-none-share]
                         [--no-political-speech]
              topic-vocabulary
                       rebuild the guard's English topic vocabulary from a WordNet dict directory
                         --wordnet DIR [--output FILE]
              cognate-vocabulary
                       carry the English topic vocabulary's learned words over to French, German, Spanish,
                       Italian, Portuguese and Dutch through word lists (Debian: wfrench wngerman wspanish
                       witalian wportuguese wdutch)
                         [--dict-dir DIR] [--vocabulary FILE] [--output FILE]
              medical-vocabulary
                       rebuild the guard's medical vocabulary (drugs, conditions, procedures) from the Hunspell
                       medical dictionaries less everyday words (Debian: hunspell-en-med hunspell-de-med scowl
                       wfrench wngerman wspanish witalian wportuguese wdutch, and hunspell with hunspell-en-us
                       hunspell-de-de hunspell-fr hunspell-es hunspell-it hunspell-pt-pt hunspell-pt-br hunspell-nl)
                         [--english DIC] [--german DIC] [--scowl DIR] [--dict-dir DIR] [--output FILE]
              ding-vocabulary
                       from the Ding German-English dictionary: German words whose every sense translates into
                       one category's English topic vocabulary, and English words it files under medicine only
                       (Debian: dict-freedict-deu-eng dict-freedict-eng-deu scowl wfrench wngerman wspanish
                       witalian wportuguese wdutch)
                         [--dictionary DIR] [--dict-dir DIR] [--scowl DIR] [--guard-dir DIR]
              common-words
                       rebuild the guard's list of common English words from SCOWL (Debian: scowl)
                         --scowl DIR [--copyright FILE] [--output FILE]
              place-names
                       rebuild the guard's list of place-name words from the JDK's locale data
                         [--output FILE]
            """;

    private Attune() {}

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            System.out.print(USAGE);
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        int status;
        try {
            status = switch (args[0]) {
                case "local" -> LocalCommand.run(rest);
                case "latency" -> LatencyCommand.run(rest);
                case "classify" -> ClassifyCommand.run(rest);
                case "replay" -> ReplayCommand.run(rest);
                case "erase" -> EraseCommand.run(rest);
                case "inspect" -> InspectCommand.run(rest);
                case "train-guard" -> {
                    io.attune.models.guard.GuardTrainer.main(rest);
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
}
