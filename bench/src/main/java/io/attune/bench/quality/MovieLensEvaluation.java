package io.attune.bench.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Recommendation quality on MovieLens (by default the 100,004-rating "latest-small" sample shipped in the dslabs R
 * package; any GroupLens release in the layouts {@link MovieLensData} reads, or any other interaction log in its
 * plain layout, whose items then stand for the movies), with a per-user time-ordered
 * split: each user's last 20% of ratings (by time) is the test set, the rest is replayed through the job as
 * engagement (rating ≥ 4 LIKE, ≤ 2 HIDE, else VIEW) against a catalog of every movie (text: title, year,
 * genres; tags: genres).
 *
 * <pre>
 * prepare DATA DIR            writes DIR/catalog.jsonl and DIR/engagement.jsonl (the training part)
 * evaluate DATA DIR [FILES]   reads DIR/refreshes.jsonl (or the comma-separated FILES, several replays averaged
 *                             per person) and prints Recall@10 of each person's latest refresh next to a
 *                             popularity and an item-kNN baseline
 * compare DATA A B            Recall@10 of two refresh files (two replays' outputs; or of two comma-separated
 *                             lists of them, averaged per person) on the same split, and the per-person
 *                             difference with a 95% interval ({@link UserBootstrap})
 * … --validation              the same on the training part split again (each user's last 20% of
 *                             training as validation), for choosing settings without the test part
 * </pre>
 *
 * Recall@10 for a user is the share of their test positives (rated ≥ 4) found in the 10 recommendations,
 * averaged over users with at least one test positive. Every method excludes nothing it was not told of:
 * the baselines skip items the user rated in training, Attune skips what its profile remembers as engaged.
 */
public final class MovieLensEvaluation {

    static final String APP = "FACEBOOK";
    static final String SURFACE = "MOVIES";
    private static final double TEST_SHARE = 0.2;
    private static final int MIN_RATINGS = 5;
    private static final int K = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EASE_MIN_RATINGS = 5;
    private static final double EASE_LAMBDA = 200;
    /** Above this many items the dense inverse (n² doubles, n³ steps) is out of reach of a laptop: skipped. */
    private static final int EASE_MAX_ITEMS = 10_000;

    private MovieLensEvaluation() {}

    record Rating(int user, int movie, double rating, long timestamp) {}

    /** A movie; {@code year} is null when the title carries none. */
    record Movie(int id, String title, String year, String genres) {

        /** The catalog item's text, embedded by the job: title, year and genres. */
        String text() {
            return (year == null ? title : title + " (" + year + ")") + ". " + genres.replace("|", ", ");
        }
    }

    record Split(List<Rating> train, Map<Integer, Set<Integer>> testPositives, Map<Integer, Set<Integer>> seen) {}

    /**
     * The order of ratings that share an instant, for the split and for the replay. Ratings carry no order within
     * their second (a third of MovieLens's share one with another of the same person's), or within their day in a
     * log stamped by the day. Ordered by item id, a split puts a person's highest ids of their last instant in
     * the test part and the replay teaches co-engagement that lower ids come before higher ones: a pattern that
     * sequence-aware ranking learns and no real order holds. On a day-stamped copy of the sample that tie order
     * took Attune from level with item-kNN to 2.7× popularity (docs/recommendation-quality.md, session 38).
     */
    enum TieOrder {
        /** By a fixed hash of person and item: an order unrelated to the ids (the default since session 38). */
        HASHED,
        /** By item id, as every evaluation before session 38 did; {@code --ties movie} reproduces those. */
        MOVIE;

        long key(Rating r) {
            if (this == MOVIE) {
                return r.movie();
            }
            long h = r.user() * 0x9E3779B97F4A7C15L + r.movie();
            h ^= h >>> 33;
            h *= 0xFF51AFD7ED558CCDL;
            h ^= h >>> 33;
            return h;
        }

        static TieOrder parse(String name) {
            return switch (name) {
                case "hash" -> HASHED;
                case "movie" -> MOVIE;
                default -> throw new IllegalArgumentException("--ties hash|movie, was " + name);
            };
        }
    }

    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>(List.of(args));
        boolean validation = positional.remove("--validation");
        TieOrder ties = TieOrder.HASHED;
        int tiesAt = positional.indexOf("--ties");
        if (tiesAt >= 0) {
            if (tiesAt + 1 >= positional.size()) {
                throw new IllegalArgumentException("--ties needs hash or movie");
            }
            ties = TieOrder.parse(positional.remove(tiesAt + 1));
            positional.remove(tiesAt);
        }
        if (positional.size() < 3 || positional.get(0).equals("compare") && positional.size() < 4) {
            throw new IllegalArgumentException("prepare|evaluate DATA DIR [FILES] [--validation] [--ties hash|movie]"
                    + " | compare DATA REFRESHES_A REFRESHES_B [--validation] [--ties hash|movie]");
        }
        MovieLensData.Loaded loaded = MovieLensData.read(Path.of(positional.get(1)));
        Map<Integer, Movie> movies = loaded.movies();
        Split split = split(loaded.ratings(), ties);
        if (validation) {
            // Tuning never looks at the test part: split the training part again, the same way.
            split = split(split.train(), ties);
        }
        Path dir = Path.of(positional.get(2));
        switch (positional.get(0)) {
            case "prepare" -> prepare(movies, split, dir);
            case "evaluate" -> evaluate(movies, split, positional.size() > 3
                    ? paths(positional.get(3)) : List.of(dir.resolve("refreshes.jsonl")));
            case "compare" -> compare(split, paths(positional.get(2)), paths(positional.get(3)));
            default -> throw new IllegalArgumentException("prepare|evaluate|compare, was " + positional.get(0));
        }
    }

    /** Comma-separated paths. */
    private static List<Path> paths(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(p -> !p.isEmpty()).map(Path::of).toList();
    }

    /** Per user, by time: the last 20% is test; users with fewer than 5 ratings stay wholly in training. */
    static Split split(List<Rating> ratings) {
        return split(ratings, TieOrder.HASHED);
    }

    /** As {@link #split(List)}, ratings of one instant in the given order. */
    static Split split(List<Rating> ratings, TieOrder ties) {
        Map<Integer, List<Rating>> byUser = new HashMap<>();
        for (Rating r : ratings) {
            byUser.computeIfAbsent(r.user(), u -> new ArrayList<>()).add(r);
        }
        List<Rating> train = new ArrayList<>();
        Map<Integer, Set<Integer>> positives = new HashMap<>();
        Map<Integer, Set<Integer>> seen = new HashMap<>();
        for (Map.Entry<Integer, List<Rating>> user : byUser.entrySet()) {
            List<Rating> own = new ArrayList<>(user.getValue());
            own.sort(Comparator.comparingLong(Rating::timestamp).thenComparingLong(ties::key));
            int testSize = own.size() >= MIN_RATINGS ? (int) Math.ceil(own.size() * TEST_SHARE) : 0;
            int cut = own.size() - testSize;
            Set<Integer> trainMovies = new HashSet<>();
            for (int i = 0; i < cut; i++) {
                train.add(own.get(i));
                trainMovies.add(own.get(i).movie());
            }
            seen.put(user.getKey(), trainMovies);
            for (int i = cut; i < own.size(); i++) {
                if (own.get(i).rating() >= 4 && !trainMovies.contains(own.get(i).movie())) {
                    positives.computeIfAbsent(user.getKey(), u -> new HashSet<>()).add(own.get(i).movie());
                }
            }
        }
        train.sort(Comparator.comparingLong(Rating::timestamp).thenComparingInt(Rating::user)
                .thenComparingLong(ties::key));
        return new Split(train, positives, seen);
    }

    static void prepare(Map<Integer, Movie> movies, Split split, Path dir) throws IOException {
        Files.createDirectories(dir);
        long catalogTime = split.train().get(0).timestamp();
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("catalog.jsonl"))) {
            for (Movie m : movies.values()) {
                ObjectNode item = JSON.createObjectNode()
                        .put("itemId", "m" + m.id()).put("app", APP).put("surface", SURFACE)
                        .put("text", m.text())
                        .put("timestamp", Instant.ofEpochMilli(catalogTime).toString());
                ArrayNode tags = item.putArray("tags");
                for (String genre : m.genres().split("\\|")) {
                    if (!genre.startsWith("(")) {
                        tags.add(genre);
                    }
                }
                out.write(JSON.writeValueAsString(item));
                out.newLine();
            }
        }
        int n = 0;
        // A third of the ratings share their second with another of the same user's. A batch replay orders
        // each key's events by timestamp and breaks ties as its sort happens to, so runs differed by up to
        // 0.005 Recall@10. Spreading the ratings of one instant over the milliseconds after it, in the split's
        // order (time, user, then the tie order; at most 87 share a second in MovieLens), gives every replay the
        // same order; a log stamped by the day has a day's milliseconds to spread over.
        long second = Long.MIN_VALUE;
        int withinSecond = 0;
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("engagement.jsonl"))) {
            for (Rating r : split.train()) {
                String kind = r.rating() >= 4 ? "LIKE" : r.rating() <= 2 ? "HIDE" : "VIEW";
                if (r.timestamp() != second && second != Long.MIN_VALUE && withinSecond >= r.timestamp() - second) {
                    throw new IllegalStateException((withinSecond + 1) + " ratings share the instant "
                            + Instant.ofEpochMilli(second) + ", more than the milliseconds to the next one: their"
                            + " order cannot be fixed by spreading them");
                }
                withinSecond = r.timestamp() == second ? withinSecond + 1 : 0;
                second = r.timestamp();
                out.write(JSON.writeValueAsString(JSON.createObjectNode()
                        .put("eventId", "r" + n++).put("app", APP).put("accountId", "u" + r.user())
                        .put("timestamp", Instant.ofEpochMilli(r.timestamp() + withinSecond).toString())
                        .put("kind", kind).put("itemId", "m" + r.movie())));
                out.newLine();
            }
        }
        System.out.printf("%,d movies, %,d training ratings, %,d users with test positives → %s%n",
                movies.size(), split.train().size(), split.testPositives().size(), dir);
    }

    /**
     * Prints Recall@10 of each method with its interval; Attune's is each person's latest refresh in
     * {@code refreshes}, averaged per person when there are several replays (other rounding salts).
     */
    static void evaluate(Map<Integer, Movie> movies, Split split, List<Path> refreshes) throws IOException {
        Map<Integer, List<Integer>> attune = latestRefreshes(refreshes.get(0));
        Map<Integer, Integer> likes = new HashMap<>();
        Map<Integer, Set<Integer>> liked = new HashMap<>();
        for (Rating r : split.train()) {
            if (r.rating() >= 4) {
                likes.merge(r.movie(), 1, Integer::sum);
                liked.computeIfAbsent(r.user(), u -> new HashSet<>()).add(r.movie());
            }
        }
        List<Integer> byPopularity = new ArrayList<>(likes.keySet());
        byPopularity.sort(Comparator.comparingInt((Integer m) -> -likes.get(m)).thenComparingInt(m -> m));

        Ease ease = Ease.train(split.train(), EASE_MIN_RATINGS, EASE_LAMBDA, EASE_MAX_ITEMS);
        Map<Integer, Set<Integer>> seenByTestUser = new HashMap<>();
        for (Integer u : split.testPositives().keySet()) {
            seenByTestUser.put(u, split.seen().getOrDefault(u, Set.of()));
        }
        Map<Integer, List<Integer>> itemKnn = ItemKnn.top(liked, likes, seenByTestUser, K);

        int users = split.testPositives().size();
        double[] attuneRecall = refreshes.size() == 1
                ? recalls(split, attune)
                : averageRecalls(split, refreshes, attune, "Attune");
        double[] popularityRecall = new double[users];
        double[] knnRecall = new double[users];
        double[] easeRecall = new double[users];
        int withRefresh = 0;
        int at = 0;
        for (Map.Entry<Integer, Set<Integer>> user : byUser(split.testPositives())) {
            int u = user.getKey();
            Set<Integer> positives = user.getValue();
            Set<Integer> seen = split.seen().getOrDefault(u, Set.of());
            withRefresh += attune.getOrDefault(u, List.of()).isEmpty() ? 0 : 1;
            popularityRecall[at] = recall(topUnseen(byPopularity, seen), positives);
            knnRecall[at] = recall(itemKnn.get(u), positives);
            easeRecall[at] = ease == null ? 0 : recall(ease.top(seen, K), positives);
            at++;
        }
        UserBootstrap bootstrap = new UserBootstrap();
        System.out.printf("%n%,d users with test positives (%,d with a refresh)%n%n", users, withRefresh);
        System.out.println("| method | Recall@10 | 95% interval, people resampled |");
        System.out.println("|---|---:|---:|");
        row("popularity (most liked in training, unseen)", bootstrap.mean(popularityRecall));
        row("item-kNN (cosine over training likes, offline)", bootstrap.mean(knnRecall));
        if (ease == null) {
            System.out.printf("| EASE (offline reference) | skipped: over %,d items with ≥ %d ratings | |%n",
                    EASE_MAX_ITEMS, EASE_MIN_RATINGS);
        } else {
            row(String.format("EASE (offline reference, λ=%.0f, %,d items with ≥ %d ratings)", EASE_LAMBDA,
                    ease.items().length, EASE_MIN_RATINGS), bootstrap.mean(easeRecall));
        }
        row(refreshes.size() == 1 ? "Attune (latest refresh from the replay)"
                : "Attune (latest refresh, each person's recall averaged over " + refreshes.size() + " replays)",
                bootstrap.mean(attuneRecall));
        System.out.println();
        UserBootstrap.Interval overPopularity = bootstrap.ratio(popularityRecall, attuneRecall);
        UserBootstrap.Interval overKnn = bootstrap.difference(knnRecall, attuneRecall);
        System.out.printf("Attune / popularity: %.2f× (95%%: %.2f–%.2f); Attune − item-kNN: %+.4f (95%%: %+.4f to "
                + "%+.4f); the same people resampled in pairs%n", overPopularity.estimate(), overPopularity.low(),
                overPopularity.high(), overKnn.estimate(), overKnn.low(), overKnn.high());
    }

    /**
     * Recall@10 of two sets of replays on the same split, and how far apart they are: the mean of the per-person
     * difference (b − a) with a 95% interval from resampling the people in pairs. A side may be several replays of
     * the same settings (say, with other {@code profile.rounding-salt}s): each person's recall is then averaged over
     * them, so that the difference is the settings', not one rounding's. For telling a setting's gain from which
     * people the split holds and how its near-ties happened to round.
     */
    static void compare(Split split, List<Path> a, List<Path> b) throws IOException {
        double[] recallA = averageRecalls(split, a, latestRefreshes(a.get(0)), "a");
        double[] recallB = averageRecalls(split, b, latestRefreshes(b.get(0)), "b");
        int users = recallA.length;
        int differ = 0;
        for (int at = 0; at < users; at++) {
            differ += recallA[at] == recallB[at] ? 0 : 1;
        }
        UserBootstrap.Interval gain = new UserBootstrap().difference(recallA, recallB);
        double meanA = Arrays.stream(recallA).average().orElse(0);
        System.out.printf("%,d users with test positives, %,d of them scored differently%n", users, differ);
        System.out.printf("b − a: %+.4f (%+.1f%%), 95%% interval %+.4f to %+.4f, people resampled in pairs%s%n",
                gain.estimate(), 100 * gain.estimate() / meanA, gain.low(), gain.high(),
                gain.above(0) ? ": b is better" : gain.high() < 0 ? ": a is better" : ": no difference shown");
    }

    /**
     * Each person's recall averaged over {@code replays}, the first of them already read as {@code first}; prints
     * each replay's and the average's mean.
     */
    private static double[] averageRecalls(Split split, List<Path> replays, Map<Integer, List<Integer>> first,
            String side) throws IOException {
        double[] sum = null;
        for (Path replay : replays) {
            double[] recalls = recalls(split, sum == null ? first : latestRefreshes(replay));
            System.out.printf("%s: %.4f  %s%n", side, Arrays.stream(recalls).average().orElse(0), replay);
            if (sum == null) {
                sum = recalls;
            } else {
                for (int at = 0; at < sum.length; at++) {
                    sum[at] += recalls[at];
                }
            }
        }
        for (int at = 0; at < sum.length; at++) {
            sum[at] /= replays.size();
        }
        if (replays.size() > 1) {
            System.out.printf("%s: %.4f  average of %d replays%n", side, Arrays.stream(sum).average().orElse(0),
                    replays.size());
        }
        return sum;
    }

    /** Each person's Recall@10 of their {@code recommended} items, in {@link #byUser} order. */
    private static double[] recalls(Split split, Map<Integer, List<Integer>> recommended) {
        List<Map.Entry<Integer, Set<Integer>>> users = byUser(split.testPositives());
        double[] out = new double[users.size()];
        for (int at = 0; at < out.length; at++) {
            out[at] = recall(recommended.getOrDefault(users.get(at).getKey(), List.of()), users.get(at).getValue());
        }
        return out;
    }

    /** Users in id order, so that resampling draws the same people whatever the map's order. */
    private static List<Map.Entry<Integer, Set<Integer>>> byUser(Map<Integer, Set<Integer>> positives) {
        List<Map.Entry<Integer, Set<Integer>>> out = new ArrayList<>(positives.entrySet());
        out.sort(Map.Entry.comparingByKey());
        return out;
    }

    private static void row(String method, UserBootstrap.Interval recall) {
        System.out.printf("| %s | %.4f | %.4f–%.4f |%n", method, recall.estimate(), recall.low(), recall.high());
    }

    private static double recall(List<Integer> recommended, Set<Integer> positives) {
        long hits = recommended.stream().limit(K).filter(positives::contains).count();
        return hits / (double) positives.size();
    }

    private static List<Integer> topUnseen(List<Integer> ranked, Set<Integer> seen) {
        List<Integer> out = new ArrayList<>(K);
        for (Integer m : ranked) {
            if (!seen.contains(m)) {
                out.add(m);
                if (out.size() == K) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019), a strong offline
     * collaborative-filtering reference: B = I − P·diag(1/diag(P)) with P = (XᵀX + λI)⁻¹ over the binary
     * user × item matrix of training ratings, a user's scores are their row of X times B. Only items with at
     * least {@code minRatings} training ratings take part, which keeps the inverse small (rare items do not
     * reach anyone's top 10 anyway). Not something the stream could compute; it shows what a good offline
     * model reaches on the same split.
     */
    record Ease(int[] items, Map<Integer, Integer> index, double[][] weights) {

        /** Null when more than {@code maxItems} items have {@code minRatings}. */
        static Ease train(List<Rating> train, int minRatings, double lambda, int maxItems) {
            Map<Integer, Set<Integer>> byUser = new HashMap<>();
            Map<Integer, Integer> ratings = new HashMap<>();
            for (Rating r : train) {
                if (byUser.computeIfAbsent(r.user(), u -> new HashSet<>()).add(r.movie())) {
                    ratings.merge(r.movie(), 1, Integer::sum);
                }
            }
            int[] items = ratings.entrySet().stream().filter(e -> e.getValue() >= minRatings)
                    .mapToInt(Map.Entry::getKey).sorted().toArray();
            if (items.length > maxItems) {
                return null;
            }
            Map<Integer, Integer> index = new HashMap<>();
            for (int i = 0; i < items.length; i++) {
                index.put(items[i], i);
            }
            int n = items.length;
            double[][] g = new double[n][n];
            for (Set<Integer> rated : byUser.values()) {
                int[] own = rated.stream().filter(index::containsKey).mapToInt(index::get).toArray();
                for (int a : own) {
                    for (int b : own) {
                        g[a][b] += 1;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                g[i][i] += lambda;
            }
            invertInPlace(g);
            double[][] b = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    b[i][j] = i == j ? 0 : -g[i][j] / g[j][j];
                }
            }
            return new Ease(items, index, b);
        }

        List<Integer> top(Set<Integer> seen, int k) {
            double[] scores = new double[items.length];
            for (Integer movie : seen) {
                Integer row = index.get(movie);
                if (row != null) {
                    double[] w = weights[row];
                    for (int j = 0; j < scores.length; j++) {
                        scores[j] += w[j];
                    }
                }
            }
            List<Integer> order = new ArrayList<>();
            for (int j = 0; j < items.length; j++) {
                if (!seen.contains(items[j])) {
                    order.add(j);
                }
            }
            order.sort(Comparator.comparingDouble((Integer j) -> -scores[j]).thenComparingInt(j -> items[j]));
            return order.stream().limit(k).map(j -> items[j]).toList();
        }

        /** Gauss–Jordan without pivoting: fine for a symmetric positive definite matrix such as XᵀX + λI. */
        private static void invertInPlace(double[][] a) {
            int n = a.length;
            for (int k = 0; k < n; k++) {
                double[] pivotRow = a[k];
                double pivot = pivotRow[k];
                pivotRow[k] = 1;
                for (int j = 0; j < n; j++) {
                    pivotRow[j] /= pivot;
                }
                int column = k;
                IntStream.range(0, n).parallel().filter(i -> i != column).forEach(i -> {
                    double[] row = a[i];
                    double factor = row[column];
                    if (factor != 0) {
                        row[column] = 0;
                        for (int j = 0; j < n; j++) {
                            row[j] -= factor * pivotRow[j];
                        }
                    }
                });
            }
        }
    }

    /** Each person's refresh with the highest profileVersion: what the app shows at the end of training. */
    private static Map<Integer, List<Integer>> latestRefreshes(Path file) throws IOException {
        Map<Integer, Long> versions = new HashMap<>();
        Map<Integer, List<Integer>> items = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode refresh = JSON.readTree(line);
                String account = refresh.path("accountId").asText();
                if (!refresh.path("surface").asText().equals(SURFACE) || !account.startsWith("u")) {
                    continue;
                }
                int user = Integer.parseInt(account.substring(1));
                long version = refresh.path("profileVersion").asLong();
                if (version >= versions.getOrDefault(user, Long.MIN_VALUE)) {
                    versions.put(user, version);
                    List<Integer> ids = new ArrayList<>();
                    for (JsonNode item : refresh.path("items")) {
                        ids.add(Integer.parseInt(item.path("itemId").asText().substring(1)));
                    }
                    items.put(user, ids);
                }
            }
        }
        return items;
    }
}
