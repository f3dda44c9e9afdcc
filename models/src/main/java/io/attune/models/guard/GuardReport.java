package io.attune.models.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What a guard got right and wrong on labelled data: per-category precision, recall and F1, recall of
 * "any sensitive category", and the share of benign texts suppressed, overall and per language.
 */
public final class GuardReport {

    private final List<LabeledText> examples = new ArrayList<>();
    private final List<GuardDecision> decisions = new ArrayList<>();

    public void add(LabeledText example, GuardDecision decision) {
        examples.add(example);
        decisions.add(decision);
    }

    public record CategoryScore(String category, int support, double precision, double recall, double f1) {}

    public List<CategoryScore> perCategory() {
        List<CategoryScore> scores = new ArrayList<>();
        for (Category category : Category.values()) {
            String c = category.name();
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < examples.size(); i++) {
                boolean actual = examples.get(i).category().equals(c);
                boolean predicted = decisions.get(i).categories().contains(c);
                tp += actual && predicted ? 1 : 0;
                fp += !actual && predicted ? 1 : 0;
                fn += actual && !predicted ? 1 : 0;
            }
            double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
            double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.add(new CategoryScore(c, tp + fn, precision, recall, f1));
        }
        return scores;
    }

    public double macroF1() {
        return perCategory().stream().mapToDouble(CategoryScore::f1).average().orElse(0);
    }

    /** Share of sensitive examples (matching {@code filter}) suppressed, whatever category was named. */
    public double anySensitiveRecall(Predicate<LabeledText> filter) {
        return rate(e -> e.sensitive() && filter.test(e));
    }

    /** Share of non-sensitive examples (matching {@code filter}) suppressed. */
    public double falseSuppression(Predicate<LabeledText> filter) {
        return rate(e -> !e.sensitive() && filter.test(e));
    }

    public long count(Predicate<LabeledText> filter) {
        return examples.stream().filter(filter).count();
    }

    private double rate(Predicate<LabeledText> filter) {
        int n = 0;
        int suppressed = 0;
        for (int i = 0; i < examples.size(); i++) {
            if (filter.test(examples.get(i))) {
                n++;
                suppressed += decisions.get(i).sensitive() ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : suppressed / (double) n;
    }

    /** A markdown summary. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("| category | support | precision | recall | F1 |\n|---|---:|---:|---:|---:|\n");
        for (CategoryScore s : perCategory()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n",
                    s.category(), s.support(), s.precision(), s.recall(), s.f1()));
        }
        md.append(String.format(Locale.ROOT, "| **macro** | | | | **%.3f** |%n%n", macroF1()));
        md.append("| slice | sensitive | any-sensitive recall | non-sensitive | suppressed |\n")
                .append("|---|---:|---:|---:|---:|\n");
        Map<String, Predicate<LabeledText>> slices = new TreeMap<>();
        slices.put("all", e -> true);
        slices.put("benign requests (CLINC150, Banking77)", LabeledText::benignRequest);
        for (String lang : examples.stream().map(LabeledText::lang).distinct().sorted().toList()) {
            slices.put("lang=" + lang, e -> e.lang().equals(lang));
        }
        slices.forEach((name, filter) -> md.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %s |%n",
                name,
                count(e -> e.sensitive() && filter.test(e)), pct(anySensitiveRecall(filter)),
                count(e -> !e.sensitive() && filter.test(e)), pct(falseSuppression(filter)))));
        return md.toString();
    }

    private static String pct(double rate) {
        return Double.isNaN(rate) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }
}
