package io.attune.models.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Compiles a list of terms (lexicon, evidence) into one pattern over {@link CharNgrams#normalize normalized}
 * text: whole words, a {@code *} at the end of a word allows any ending ("панически* атак*"), a leading {@code *}
 * any beginning (German compounds: {@code *schmerz*} finds "Brustschmerzen"), {@code ?} makes the letter before it
 * optional ({@code tumou?r}), a space matches any run of whitespace, and a term ending in {@link #COUNTRY_SLOT} matches its
 * words followed by any country's name; {@link #NATIONALITY_SLOT} within a term stands for any adjective of
 * nationality. A term with {@link #BOTH} is a pair: it matches a text holding one of its
 * first side's alternatives and one of its second's, anywhere and in either order (sides' alternatives are
 * separated by {@link #OR}). {@link #compileEverydayUses} lets a space also match the hyphens and
 * underscores that join words in names and identifiers.
 *
 * <p>The terms are merged into a trie before they become a regular expression: a plain alternation of a
 * thousand terms makes the matcher try every term at every word, which cost the guard about 0.3 ms per list
 * and message; factored by common prefix, a word that starts with no term's letters fails at once. The
 * language matched is the same as the plain alternation's.
 */
final class TermPatterns {

    private static final String WORD_CHAR = "[\\p{L}\\p{N}]";

    /**
     * What joins two words of an everyday phrase in text: whitespace, or the hyphens (ASCII, and the U+2010 that NFKD
     * makes of a non-breaking one) and underscores of names and identifiers.
     */
    static final String WORDS_JOINED = "[\\s\\-\u2010_]+";

    /**
     * At the end of a term, any country's name in eight languages ({@code country-names.txt}, written by
     * {@link PlaceNames}), optionally after an article ("aus der Türkei", "de la Côte d'Ivoire", "from the
     * Philippines"): "parents are from {country}" finds "my parents are from Eritrea", not "from Ohio".
     */
    static final String COUNTRY_SLOT = "{country}";

    /**
     * Any adjective of nationality in six languages, in the forms sentences give it ({@code nationality-names.txt},
     * written by {@link NationalityNames}), and the hand-written Portuguese adjectives and German nouns of
     * {@code nationality-names-written.txt} ("Türkin", "cabo-verdiana"), after a term's words and optionally before
     * more; several joined by hyphens count as one ("Italian-American"): "mi abuela
     * {nationality}" finds "mi abuela peruana", "my {nationality} grandmother" finds "my Turkish grandmother". The
     * words before and after the slot are merged across terms (all that go before with all that go after), so a
     * term with words after the slot must hold only words that make sense with any other such term's: a possessive
     * before, a relative after.
     */
    static final String NATIONALITY_SLOT = "{nationality}";

    /**
     * Between the two sides of a pair term: "my girlfriend || my wife && i'm a woman || we're two women" finds "I'm a
     * woman and so is my wife" and "Gift ideas for my girlfriend, I'm a woman too". Each side alone says nothing of
     * the category (a partner; the writer's gender), together they do, wherever the message puts them.
     */
    static final String BOTH = " && ";

    /** Between the alternatives of one side of a pair term. */
    static final String OR = " || ";

    private static final String ARTICLE_BEFORE_COUNTRY =
            "(?:(?:the|der|dem|den|die|de|le|la|les|el|il|lo|os|as)\\s+|l')?";

    private TermPatterns() {}

    static Pattern compile(List<String> terms) {
        return compile(terms, false);
    }

    /**
     * As {@link #compile}, with a space in a term also matching hyphens and underscores, for the everyday uses of
     * evidence terms: names and identifiers join a phrase's words ("php-doctrine-orm", "task-arabic-desktop",
     * "health_check") where a description writes them apart. A hyphen or underscore written in a term still matches
     * only itself: "no-std" is Rust's, "no std" may be a test result. The lexicon and evidence keep exact
     * separators too, since there the hyphen can carry the sense: "right-wing" is politics, "plays right wing" hockey.
     */
    static Pattern compileEverydayUses(List<String> terms) {
        return compile(terms, true);
    }

    private static Pattern compile(List<String> terms, boolean spaceJoinsIdentifiers) {
        // One trie per shape of term: what may come before and after its letters.
        Map<String, Node> shapes = new TreeMap<>();
        // Terms ending in a country: by whether a space comes before it ("from {country}", "d'{country}").
        Map<Boolean, Node> beforeCountry = new TreeMap<>();
        List<String> pairs = new ArrayList<>();
        List<String> pairsFirstSides = new ArrayList<>();
        Node beforeNationalityAtEnd = new Node();
        Node beforeNationality = new Node();
        Node afterNationality = new Node();
        for (String rawTerm : terms) {
            String trimmed = rawTerm.trim();
            if (trimmed.contains(BOTH)) {
                pairs.add(pair(rawTerm, trimmed, spaceJoinsIdentifiers, pairsFirstSides));
                continue;
            }
            int slot = trimmed.indexOf(NATIONALITY_SLOT);
            if (slot >= 0) {
                String before = CharNgrams.normalize(trimmed.substring(0, slot).strip());
                String after = CharNgrams.normalize(trimmed.substring(slot + NATIONALITY_SLOT.length()).strip());
                if (before.isEmpty() || (before + after).contains("*") || (before + after).contains("{")
                        || (before + after).contains("?")) {
                    throw new IllegalArgumentException("a nationality term needs plain words before it: '" + rawTerm + "'");
                }
                if (after.isEmpty()) {
                    beforeNationalityAtEnd.add(before);
                } else {
                    beforeNationality.add(before);
                    afterNationality.add(after);
                }
                continue;
            }
            if (trimmed.endsWith(COUNTRY_SLOT)) {
                String before = trimmed.substring(0, trimmed.length() - COUNTRY_SLOT.length());
                String words = CharNgrams.normalize(before.strip());
                if (words.isEmpty() || words.startsWith("*") || words.endsWith("*")) {
                    throw new IllegalArgumentException("a country term needs plain words before it: '" + rawTerm + "'");
                }
                Node root = beforeCountry.computeIfAbsent(before.endsWith(" "), k -> new Node());
                variants(words).forEach(root::add);
                continue;
            }
            String term = CharNgrams.normalize(trimmed);
            boolean anyStart = term.startsWith("*");
            boolean anyEnd = term.endsWith("*") && term.length() > 1;
            String body = term.substring(anyStart ? 1 : 0, term.length() - (anyEnd ? 1 : 0));
            if (body.isEmpty()) {
                throw new IllegalArgumentException("empty term: '" + rawTerm + "'");
            }
            if (body.replace("* ", "").contains("*")) {
                // Inside a term, a wildcard ends a word ("панически* атак*"); anywhere else it would be a letter.
                throw new IllegalArgumentException("a * only at the end of a word or a term's start: '" + rawTerm
                        + "'");
            }
            Node root = shapes.computeIfAbsent((anyStart ? "*" : "") + "|" + (anyEnd ? "*" : ""), k -> new Node());
            for (String variant : variants(body)) {
                root.add(variant);
            }
        }
        String space = spaceJoinsIdentifiers ? WORDS_JOINED : "\\s+";
        List<String> alternatives = new ArrayList<>();
        shapes.forEach((shape, root) -> {
            StringBuilder regex = new StringBuilder();
            if (shape.startsWith("*")) {
                regex.append(WORD_CHAR).append('*');
            }
            regex.append("(?:");
            root.appendTo(regex, space);
            regex.append(')');
            if (shape.endsWith("*")) {
                regex.append(WORD_CHAR).append('*');
            }
            alternatives.add(regex.toString());
        });
        beforeCountry.forEach((spaced, root) -> {
            StringBuilder regex = new StringBuilder("(?:");
            root.appendTo(regex, space);
            regex.append(')').append(spaced ? space : "").append(ARTICLE_BEFORE_COUNTRY).append("(?:");
            Countries.TRIE.appendTo(regex, space);
            alternatives.add(regex.append(')').toString());
        });
        if (!beforeNationalityAtEnd.isEmpty()) {
            alternatives.add(nationalityRegex(beforeNationalityAtEnd, null, space));
        }
        if (!beforeNationality.isEmpty()) {
            alternatives.add(nationalityRegex(beforeNationality, afterNationality, space));
        }
        List<String> regexes = new ArrayList<>();
        if (!alternatives.isEmpty() || pairs.isEmpty()) {
            regexes.add("(?<!" + WORD_CHAR + ")(?:" + String.join("|", alternatives) + ")(?!" + WORD_CHAR + ")");
        }
        if (!pairs.isEmpty()) {
            // One scan for any pair's first side (one trie) before each pair's own look-aheads: most texts have
            // none of them, and 35 pairs scanned one by one doubled the time of matching the whole lexicon.
            regexes.add("^(?=[\\s\\S]*?(?:" + compile(pairsFirstSides, spaceJoinsIdentifiers).pattern() + "))(?:"
                    + String.join("|", pairs) + ")");
        }
        return Pattern.compile(String.join("|", regexes), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String nationalityRegex(Node before, Node after, String space) {
        StringBuilder regex = new StringBuilder("(?:");
        before.appendTo(regex, space);
        regex.append(')').append(space).append("(?:");
        Nationalities.TRIE.appendTo(regex, space);
        // "Italian-American", "Deutsch-Türkin" are origins too; "Schweden-Fan", "Schweizer-Käse" are not.
        regex.append(")(?:-(?:");
        Nationalities.TRIE.appendTo(regex, space);
        regex.append("))*(?!-\\p{L})");
        if (after != null) {
            regex.append(space).append("(?:");
            after.appendTo(regex, space);
            regex.append(')');
        }
        return regex.toString();
    }

    /**
     * Both sides looked ahead for, so the pair matches (an empty match at the start of the text, where the caller
     * anchors it) whichever comes first; anchored, the look-ahead runs once per text, not at every word. The first
     * side's alternatives are added to {@code firstSides}.
     */
    private static String pair(String rawTerm, String trimmed, boolean spaceJoinsIdentifiers,
            List<String> firstSides) {
        String[] sides = trimmed.split(Pattern.quote(BOTH), -1);
        if (sides.length != 2) {
            throw new IllegalArgumentException("a pair term has two sides: '" + rawTerm + "'");
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < sides.length; i++) {
            List<String> alternatives = List.of(sides[i].split(Pattern.quote(OR.strip()), -1));
            if (sides[i].isBlank() || alternatives.stream().anyMatch(String::isBlank)
                    || alternatives.stream().anyMatch(a -> a.strip().endsWith(COUNTRY_SLOT))) {
                throw new IllegalArgumentException("each side of a pair term needs plain terms: '" + rawTerm + "'");
            }
            regex.append("(?=[\\s\\S]*?(?:").append(compile(alternatives, spaceJoinsIdentifiers).pattern())
                    .append("))");
            if (i == 0) {
                firstSides.addAll(alternatives);
            }
        }
        return regex.toString();
    }

    /** The spellings a body with optional letters stands for: "tumou?r" is "tumor" and "tumour". */
    private static List<String> variants(String body) {
        List<String> variants = new ArrayList<>(List.of(""));
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '?') {
                continue;
            }
            boolean optional = i + 1 < body.length() && body.charAt(i + 1) == '?';
            List<String> next = new ArrayList<>();
            for (String prefix : variants) {
                next.add(prefix + c);
                if (optional) {
                    next.add(prefix);
                }
            }
            variants = next;
        }
        return variants;
    }

    /** The country names, read once, the first time a term asks for them. */
    private static final class Countries {
        static final Node TRIE = trieOf(PlaceNames.COUNTRIES_RESOURCE);
    }

    /** The adjectives of nationality (and the hand-written nouns), read once, the first time a term asks for them. */
    private static final class Nationalities {
        static final Node TRIE = trieOf(NationalityNames.RESOURCE, NationalityNames.WRITTEN_RESOURCE);
    }

    /** One-column resources' words, normalized, as one trie. */
    private static Node trieOf(String... resources) {
        Node trie = new Node();
        for (String resource : resources) {
            GuardResources.rows(resource, 1).forEach(row -> trie.add(CharNgrams.normalize(row[0].strip())));
        }
        return trie;
    }

    private static final class Node {
        private final Map<Character, Node> children = new TreeMap<>();
        private boolean terminal;

        boolean isEmpty() {
            return children.isEmpty();
        }

        void add(String word) {
            Node node = this;
            for (int i = 0; i < word.length(); i++) {
                node = node.children.computeIfAbsent(word.charAt(i), k -> new Node());
            }
            node.terminal = true;
        }

        /** Appends the regular expression for the words below this node (the node's own letter excluded). */
        void appendTo(StringBuilder regex, String space) {
            List<String> branches = new ArrayList<>();
            children.forEach((c, child) -> {
                StringBuilder branch = new StringBuilder(c == ' ' ? space : c == '*' ? WORD_CHAR + "*"
                        : Character.isLetterOrDigit(c) ? String.valueOf(c) : Pattern.quote(String.valueOf(c)));
                if (!child.children.isEmpty()) {
                    StringBuilder rest = new StringBuilder();
                    child.appendTo(rest, space);
                    branch.append("(?:").append(rest).append(')');
                    if (child.terminal) {
                        branch.append('?');
                    }
                }
                branches.add(branch.toString());
            });
            regex.append(String.join("|", branches));
        }
    }
}
