package io.attune.bench.quality;

import io.attune.bench.quality.MovieLensEvaluation.Movie;
import io.attune.bench.quality.MovieLensEvaluation.Rating;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads MovieLens ratings in the layouts they are published in, so the evaluation runs on any release, not only
 * the sample it was tuned on:
 *
 * <ul>
 *   <li>the dslabs R package's CSV ({@code movieId,title,year,genres,userId,rating,timestamp}, one row per
 *       rating; what {@code bench/quality/movielens} extracts by default);
 *   <li>a GroupLens CSV release ({@code ratings.csv} and {@code movies.csv}: ml-latest-small, ml-latest, ml-20m,
 *       ml-25m, ml-32m);
 *   <li>a GroupLens {@code ::} release ({@code ratings.dat} and {@code movies.dat}: ml-1m, ml-10m);
 *   <li>ml-100k ({@code u.data} and {@code u.item}, genres as 19 flags).
 * </ul>
 *
 * A GroupLens release may be given as its directory, as the zip file GroupLens distributes, or as its ratings
 * file. Titles there carry the year ("Toy Story (1995)"); it is split off so that a movie reads the same as in
 * the dslabs CSV, where the year is a column.
 *
 * <p>Any other interaction log (books, music, products) reads as {@link #readInteractions an interaction log}: a
 * directory with {@code interactions.csv} or {@code .tsv}, and optionally {@code items.csv} or {@code .tsv}, or the
 * interactions file itself. Its items are the "movies" of the evaluation.
 */
public final class MovieLensData {

    /** "Title (1995)", also a series' "(2006–2007)" or an unfinished "(2019– )"; trailing spaces occur. */
    private static final Pattern TITLE_YEAR = Pattern.compile("^(.*?)\\s*\\((\\d{4})(?:[–-][\\d ]*)?\\)\\s*$");

    /** ml-100k's u.genre, in the order of u.item's flags. */
    private static final List<String> ML100K_GENRES = List.of("unknown", "Action", "Adventure", "Animation",
            "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical",
            "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western");

    private static final List<String> INTERACTION_FILES = List.of("interactions.csv", "interactions.tsv");
    private static final List<String> ITEM_FILES = List.of("items.csv", "items.tsv");
    /** What an interaction of a log without ratings counts as: a like. */
    static final double IMPLICIT_RATING = 5.0;

    private MovieLensData() {}

    /** The movies (in file order) and ratings (timestamps in milliseconds) of one data set. */
    record Loaded(Map<Integer, Movie> movies, List<Rating> ratings) {}

    /** Reads {@code path}: a dslabs CSV, a GroupLens release directory or zip, or a release's ratings file. */
    static Loaded read(Path path) throws IOException {
        Optional<Path> interactions = interactionsFile(path);
        if (interactions.isPresent()) {
            return readInteractions(interactions.get());
        }
        if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".zip")) {
            try (FileSystem zip = FileSystems.newFileSystem(path)) {
                for (Path root : zip.getRootDirectories()) {
                    Optional<Path> release = findRelease(root);
                    if (release.isPresent()) {
                        return readRelease(release.get());
                    }
                }
            }
            throw new IOException(path + " holds no MovieLens ratings (ratings.csv, ratings.dat or u.data)");
        }
        if (Files.isDirectory(path)) {
            return readRelease(findRelease(path).orElseThrow(() -> new IOException(
                    path + " holds no MovieLens ratings (ratings.csv, ratings.dat or u.data)")));
        }
        String name = path.getFileName().toString();
        if (name.equals("ratings.csv") || name.equals("ratings.dat") || name.equals("u.data")) {
            return readRelease(path.toAbsolutePath().getParent());
        }
        return readDslabs(path);
    }

    /** {@code path} itself when it is an interactions file, or the one in the directory {@code path}. */
    private static Optional<Path> interactionsFile(Path path) {
        for (String name : INTERACTION_FILES) {
            if (Files.isDirectory(path) && Files.isRegularFile(path.resolve(name))) {
                return Optional.of(path.resolve(name));
            }
            if (Files.isRegularFile(path) && path.getFileName().toString().equals(name)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /**
     * An interaction log in a plain layout, for data sets that are not MovieLens. {@code interactions.csv}
     * (comma-separated, quoted as {@link #csvFields}) or {@code interactions.tsv} (tab-separated), with a header
     * naming its columns (any order, case ignored):
     * <ul>
     *   <li>{@code user} (or {@code userId}, {@code user_id}) and {@code item} (or {@code itemId}, {@code item_id});
     *   <li>{@code timestamp} (or {@code time}): Unix seconds, Unix milliseconds (from 10<sup>11</sup>, 1973), an ISO-8601
     *       instant ("2016-03-01T09:12:44Z"), date-time (UTC) or date (its midnight, UTC);
     *   <li>{@code rating} (optional, the same 1–5 scale as MovieLens: 4 and more is a like, 2 and less a hide);
     *       a log without ratings (plays, purchases, clicks) counts every interaction as a like.
     * </ul>
     * {@code items.csv} or {@code items.tsv} beside it (optional): {@code item} and {@code text} (or {@code title},
     * {@code name}), optionally {@code tags} (or {@code genres}, separated by {@code |}) and {@code year}: what the
     * catalog item's text is made of, as a movie's title, year and genres are. An item the log names but the file
     * does not list is "item ID". Numeric ids keep their numbers; otherwise users and items are numbered in the
     * order they first appear (items file first).
     */
    static Loaded readInteractions(Path interactionsFile) throws IOException {
        Path dir = interactionsFile.toAbsolutePath().getParent();
        Numbering items = new Numbering();
        Map<Integer, Movie> listed = new LinkedHashMap<>();
        for (String name : ITEM_FILES) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                Columns columns = Columns.read(file);
                int id = columns.column("item", "itemid", "item_id");
                int text = columns.column("text", "title", "name");
                int tags = columns.optionalColumn("tags", "genres");
                int year = columns.optionalColumn("year");
                columns.forEachRow(row -> {
                    int item = items.index(row.get(id).strip());
                    listed.put(item, new Movie(item, row.get(text).strip(),
                            year >= 0 && !row.get(year).isBlank() ? row.get(year).strip() : null,
                            tags >= 0 && !row.get(tags).isBlank() ? row.get(tags).strip() : "(no genres listed)"));
                });
                break;
            }
        }
        Columns log = Columns.read(interactionsFile);
        int user = log.column("user", "userid", "user_id");
        int item = log.column("item", "itemid", "item_id");
        int time = log.column("timestamp", "time");
        int rating = log.optionalColumn("rating");
        Numbering users = new Numbering();
        List<Rating> ratings = new ArrayList<>();
        log.forEachRow(row -> {
            String stamp = row.get(time).strip();
            long millis;
            try {
                millis = epochMillis(stamp);
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new UncheckedIOException(new IOException(interactionsFile + " line " + log.line() + ": a"
                        + " timestamp must be Unix seconds or milliseconds or ISO-8601, was \"" + stamp + "\"", e));
            }
            ratings.add(new Rating(users.index(row.get(user).strip()), items.index(row.get(item).strip()),
                    rating >= 0 ? Double.parseDouble(row.get(rating).strip()) : IMPLICIT_RATING, millis));
        });
        // Rows hold first-appearance indices until every id is known: numeric ids then get their own numbers.
        int[] userNumbers = users.numbers();
        int[] itemNumbers = items.numbers();
        ratings.replaceAll(r -> new Rating(userNumbers[r.user()], itemNumbers[r.movie()], r.rating(), r.timestamp()));
        Map<Integer, Movie> movies = new LinkedHashMap<>();
        for (int index = 1; index < itemNumbers.length; index++) {
            int number = itemNumbers[index];
            Movie known = listed.get(index);
            movies.put(number, known == null
                    ? new Movie(number, "item " + items.id(index), null, "(no genres listed)")
                    : new Movie(number, known.title(), known.year(), known.genres()));
        }
        return new Loaded(movies, ratings);
    }

    static long epochMillis(String value) {
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            // 10^11 seconds is the year 5138; 10^11 milliseconds, 1973.
            long number = Long.parseLong(value);
            return number >= 100_000_000_000L ? number : number * 1000;
        }
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException notAnInstant) {
            if (value.length() > 10) {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
    }

    /**
     * Ids in order of first appearance (indices from 1), and the numbers they end with: their own when every id is
     * a number, else those indices.
     */
    private static final class Numbering {
        private final Map<String, Integer> indices = new LinkedHashMap<>();
        private final List<String> ids = new ArrayList<>(List.of(""));

        int index(String id) {
            return indices.computeIfAbsent(id, i -> {
                ids.add(i);
                return ids.size() - 1;
            });
        }

        String id(int index) {
            return ids.get(index);
        }

        /** By index, the id's final number (index 0 unused). */
        int[] numbers() {
            boolean numeric = indices.keySet().stream().allMatch(i -> i.matches("\\d{1,9}"));
            int[] numbers = new int[ids.size()];
            for (int index = 1; index < numbers.length; index++) {
                numbers[index] = numeric ? Integer.parseInt(ids.get(index)) : index;
            }
            return numbers;
        }
    }

    /**
     * A delimited file with a header: columns found by name, rows streamed (a large log is never all held as text).
     */
    private static final class Columns {
        private final Path file;
        private final List<String> header;
        private int line;

        private Columns(Path file, List<String> header) {
            this.file = file;
            this.header = header;
        }

        static Columns read(Path file) throws IOException {
            String first;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                first = in.readLine();
            }
            if (first == null || first.isBlank()) {
                throw new IOException(file + " is empty: it needs a header naming its columns");
            }
            return new Columns(file, fields(file, first).stream()
                    .map(h -> h.replace("\uFEFF", "").strip().toLowerCase(java.util.Locale.ROOT)).toList());
        }

        private static List<String> fields(Path file, String line) {
            return file.getFileName().toString().endsWith(".tsv") ? List.of(line.split("\t", -1)) : csvFields(line);
        }

        /** The line number of the row being handled. */
        int line() {
            return line;
        }

        void forEachRow(Consumer<List<String>> row) throws IOException {
            line = 1;
            try {
                MovieLensData.forEachRow(file, StandardCharsets.UTF_8, true, l -> fields(file, l), fields -> {
                    line++;
                    if (fields.size() < header.size()) {
                        throw new UncheckedIOException(new IOException(file + " line " + line + " has "
                                + fields.size() + " fields, the header " + header.size()));
                    }
                    row.accept(fields);
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        int optionalColumn(String... names) {
            for (String name : names) {
                if (header.contains(name)) {
                    return header.indexOf(name);
                }
            }
            return -1;
        }

        int column(String... names) throws IOException {
            int index = optionalColumn(names);
            if (index < 0) {
                throw new IOException(file + " has no column " + String.join(" or ", names) + "; its header: "
                        + header);
            }
            return index;
        }
    }

    /** The directory under {@code root} (itself included) that holds a release's ratings file. */
    private static Optional<Path> findRelease(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root, 3)) {
            return files.filter(p -> {
                String name = String.valueOf(p.getFileName());
                return name.equals("ratings.csv") || name.equals("ratings.dat") || name.equals("u.data");
            }).map(Path::getParent).sorted().findFirst();
        }
    }

    private static Loaded readRelease(Path dir) throws IOException {
        if (Files.exists(dir.resolve("ratings.csv"))) {
            return readCsvRelease(dir);
        }
        if (Files.exists(dir.resolve("ratings.dat"))) {
            return readColonRelease(dir);
        }
        return read100k(dir);
    }

    /** The dslabs package's CSV as R's write.csv writes it; years are a column ("NA" when unknown). */
    static Loaded readDslabs(Path csv) throws IOException {
        Map<Integer, Movie> movies = new LinkedHashMap<>();
        List<Rating> ratings = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.startsWith("\"movieId\",\"title\"")) {
                throw new IOException("expected the dslabs movielens CSV header (\"movieId\",\"title\",…) or a "
                        + "GroupLens release (ratings.csv, ratings.dat, u.data), got " + header + " in " + csv);
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                List<String> f = csvFields(line);
                int movie = Integer.parseInt(f.get(0));
                movies.putIfAbsent(movie, new Movie(movie, f.get(1), f.get(2), f.get(3)));
                ratings.add(new Rating(Integer.parseInt(f.get(4)), movie, Double.parseDouble(f.get(5)),
                        Long.parseLong(f.get(6)) * 1000));
            }
        }
        return new Loaded(movies, ratings);
    }

    /** ratings.csv (userId,movieId,rating,timestamp) and movies.csv (movieId,title,genres), UTF-8. */
    private static Loaded readCsvRelease(Path dir) throws IOException {
        Map<Integer, Movie> movies = new LinkedHashMap<>();
        forEachRow(dir.resolve("movies.csv"), StandardCharsets.UTF_8, true, MovieLensData::csvFields,
                f -> movies.put(Integer.parseInt(f.get(0)), movie(Integer.parseInt(f.get(0)), f.get(1), f.get(2))));
        List<Rating> ratings = new ArrayList<>();
        forEachRow(dir.resolve("ratings.csv"), StandardCharsets.UTF_8, true, MovieLensData::csvFields,
                f -> ratings.add(rating(f.get(0), f.get(1), f.get(2), f.get(3))));
        return known(movies, ratings, dir);
    }

    /** ratings.dat (UserID::MovieID::Rating::Timestamp) and movies.dat (MovieID::Title::Genres). */
    private static Loaded readColonRelease(Path dir) throws IOException {
        // ml-1m is Latin-1; ml-10m's files are UTF-8 (their titles are ASCII apart from a few).
        Charset charset = utf8(dir.resolve("movies.dat")) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        Map<Integer, Movie> movies = new LinkedHashMap<>();
        forEachRow(dir.resolve("movies.dat"), charset, false, l -> List.of(l.split("::", -1)),
                f -> movies.put(Integer.parseInt(f.get(0)), movie(Integer.parseInt(f.get(0)), f.get(1), f.get(2))));
        List<Rating> ratings = new ArrayList<>();
        forEachRow(dir.resolve("ratings.dat"), charset, false, l -> List.of(l.split("::", -1)),
                f -> ratings.add(rating(f.get(0), f.get(1), f.get(2), f.get(3))));
        return known(movies, ratings, dir);
    }

    /** u.data (user item rating timestamp, tab-separated) and u.item (id|title|date|video date|URL|19 flags). */
    private static Loaded read100k(Path dir) throws IOException {
        Map<Integer, Movie> movies = new LinkedHashMap<>();
        forEachRow(dir.resolve("u.item"), StandardCharsets.ISO_8859_1, false, l -> List.of(l.split("\\|", -1)), f -> {
            List<String> genres = new ArrayList<>();
            for (int g = 0; g < ML100K_GENRES.size() && 5 + g < f.size(); g++) {
                if (f.get(5 + g).equals("1")) {
                    genres.add(ML100K_GENRES.get(g));
                }
            }
            int id = Integer.parseInt(f.get(0));
            movies.put(id, movie(id, f.get(1), genres.isEmpty() ? "(no genres listed)" : String.join("|", genres)));
        });
        List<Rating> ratings = new ArrayList<>();
        forEachRow(dir.resolve("u.data"), StandardCharsets.ISO_8859_1, false, l -> List.of(l.split("\t", -1)),
                f -> ratings.add(rating(f.get(0), f.get(1), f.get(2), f.get(3))));
        return known(movies, ratings, dir);
    }

    /** Every rated movie must be listed: a rating of an unknown movie has no catalog item to be recommended. */
    private static Loaded known(Map<Integer, Movie> movies, List<Rating> ratings, Path dir) throws IOException {
        for (Rating r : ratings) {
            if (!movies.containsKey(r.movie())) {
                throw new IOException("movie " + r.movie() + " is rated in " + dir + " but not listed there");
            }
        }
        return new Loaded(movies, ratings);
    }

    static Movie movie(int id, String titleWithYear, String genres) {
        Matcher m = TITLE_YEAR.matcher(titleWithYear);
        if (m.matches()) {
            return new Movie(id, m.group(1), m.group(2), genres);
        }
        return new Movie(id, titleWithYear.strip(), null, genres);
    }

    private static Rating rating(String user, String movie, String rating, String seconds) {
        return new Rating(Integer.parseInt(user.strip()), Integer.parseInt(movie.strip()),
                Double.parseDouble(rating.strip()), Long.parseLong(seconds.strip()) * 1000);
    }

    private interface Fields {
        List<String> of(String line);
    }

    /** Hands each non-blank line's fields to {@code row}: a large release's ratings are never all held as text. */
    private static void forEachRow(Path file, Charset charset, boolean header, Fields fields,
            Consumer<List<String>> row) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, charset)) {
            String line = in.readLine();
            if (header) {
                line = in.readLine();
            }
            for (; line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    row.accept(fields.of(line));
                }
            }
        }
    }

    private static boolean utf8(Path file) throws IOException {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** One CSV record (quoted strings, doubled quotes inside), as R's write.csv and GroupLens write them. */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
