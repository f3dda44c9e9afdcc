package io.attune.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.bench.quality.MovieLensEvaluation.Movie;
import io.attune.bench.quality.MovieLensEvaluation.Rating;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same three ratings of three movies, written in each layout MovieLens is published in, read the same. */
class MovieLensDataTest {

    private static final List<Rating> RATINGS = List.of(
            new Rating(1, 1, 4.0, 964_982_703_000L),
            new Rating(1, 2, 2.5, 964_981_247_000L),
            new Rating(7, 3, 5.0, 1_260_759_144_000L));

    private static final List<Movie> MOVIES = List.of(
            new Movie(1, "Toy Story", "1995", "Adventure|Animation|Children|Comedy|Fantasy"),
            new Movie(2, "American President, The", "1995", "Comedy|Drama|Romance"),
            new Movie(3, "Señorita \"Extraviada\"", "2001", "Documentary"));

    @Test
    void dslabsCsvKeepsItsYearColumn(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("movielens.csv");
        Files.writeString(csv, """
                "movieId","title","year","genres","userId","rating","timestamp"
                1,"Toy Story",1995,"Adventure|Animation|Children|Comedy|Fantasy",1,4,964982703
                2,"American President, The",1995,"Comedy|Drama|Romance",1,2.5,964981247
                3,"Señorita ""Extraviada""\",2001,"Documentary",7,5,1260759144
                """);

        assertReadsTheSame(csv);
    }

    @Test
    void groupLensCsvReleaseAsDirectoryRatingsFileOrZip(@TempDir Path dir) throws Exception {
        Path release = Files.createDirectories(dir.resolve("ml-latest-small"));
        Files.writeString(release.resolve("movies.csv"), """
                movieId,title,genres
                1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy
                2,"American President, The (1995)",Comedy|Drama|Romance
                3,"Señorita ""Extraviada"" (2001)",Documentary
                """);
        Files.writeString(release.resolve("ratings.csv"), """
                userId,movieId,rating,timestamp
                1,1,4.0,964982703
                1,2,2.5,964981247
                7,3,5.0,1260759144
                """);

        assertReadsTheSame(release);
        assertReadsTheSame(release.resolve("ratings.csv"));
        assertReadsTheSame(zip(release, dir.resolve("ml-latest-small.zip")));
    }

    @Test
    void groupLensColonReleaseInLatin1(@TempDir Path dir) throws Exception {
        Path release = Files.createDirectories(dir.resolve("ml-1m"));
        Files.writeString(release.resolve("movies.dat"), """
                1::Toy Story (1995)::Adventure|Animation|Children|Comedy|Fantasy
                2::American President, The (1995)::Comedy|Drama|Romance
                3::Señorita "Extraviada" (2001)::Documentary
                """, StandardCharsets.ISO_8859_1);
        Files.writeString(release.resolve("ratings.dat"), """
                1::1::4::964982703
                1::2::2.5::964981247
                7::3::5::1260759144
                """, StandardCharsets.ISO_8859_1);

        assertReadsTheSame(release);
        assertReadsTheSame(zip(release, dir.resolve("ml-1m.zip")));
    }

    @Test
    void ml100kGenreFlags(@TempDir Path dir) throws Exception {
        Path release = Files.createDirectories(dir.resolve("ml-100k"));
        // id|title|release date|video release date|URL|unknown|Action|Adventure|Animation|Children's|Comedy|…
        Files.writeString(release.resolve("u.item"), """
                1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)|0|0|1|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0
                2|American President, The (1995)|01-Jan-1995||x|0|0|0|0|0|1|0|0|1|0|0|0|0|0|1|0|0|0|0
                3|Señorita "Extraviada" (2001)|01-Jan-2001||x|0|0|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0|0
                """, StandardCharsets.ISO_8859_1);
        Files.writeString(release.resolve("u.data"), "1\t1\t4\t964982703\n1\t2\t2.5\t964981247\n7\t3\t5\t1260759144\n");

        MovieLensData.Loaded loaded = MovieLensData.read(release);

        assertThat(loaded.ratings()).containsExactlyElementsOf(RATINGS);
        assertThat(loaded.movies().values()).containsExactly(
                new Movie(1, "Toy Story", "1995", "Adventure|Animation|Children's|Comedy"),
                new Movie(2, "American President, The", "1995", "Comedy|Drama|Romance"),
                new Movie(3, "Señorita \"Extraviada\"", "2001", "Documentary"));
    }

    @Test
    void anInteractionLogWithRatingsReadsAsTheReleaseItWasWrittenFrom(@TempDir Path dir) throws Exception {
        Path log = Files.createDirectories(dir.resolve("log"));
        Files.writeString(log.resolve("items.csv"), """
                item,title,year,genres
                1,Toy Story,1995,Adventure|Animation|Children|Comedy|Fantasy
                2,"American President, The",1995,Comedy|Drama|Romance
                3,"Señorita ""Extraviada""\",2001,Documentary
                """);
        Files.writeString(log.resolve("interactions.csv"), """
                \uFEFFTimestamp,User,Item,Rating
                964982703,1,1,4.0
                964981247000,1,2,2.5
                2009-12-14T02:52:24Z,7,3,5
                """);

        assertReadsTheSame(log);
        assertReadsTheSame(log.resolve("interactions.csv"));
    }

    @Test
    void anImplicitLogCountsEveryInteractionAsALikeAndNumbersItsIds(@TempDir Path dir) throws Exception {
        Path log = Files.createDirectories(dir.resolve("plays"));
        Files.writeString(log.resolve("items.tsv"), "item_id\tname\ttags\nb-7\tKind of Blue\tjazz|modal\n");
        Files.writeString(log.resolve("interactions.tsv"), """
                user_id\titem_id\ttime
                alice\tb-12\t2016-03-01
                bob\tb-7\t2016-03-01T10:00:00
                alice\tb-7\t1456826400
                """);

        MovieLensData.Loaded loaded = MovieLensData.read(log);

        assertThat(loaded.movies().values()).containsExactly(
                new Movie(1, "Kind of Blue", null, "jazz|modal"),
                new Movie(2, "item b-12", null, "(no genres listed)"));
        assertThat(loaded.movies().get(1).text()).isEqualTo("Kind of Blue. jazz, modal");
        assertThat(loaded.ratings()).containsExactly(
                new Rating(1, 2, MovieLensData.IMPLICIT_RATING, 1_456_790_400_000L),
                new Rating(2, 1, MovieLensData.IMPLICIT_RATING, 1_456_826_400_000L),
                new Rating(1, 1, MovieLensData.IMPLICIT_RATING, 1_456_826_400_000L));
    }

    @Test
    void anInteractionLogNamesWhatItLacks(@TempDir Path dir) throws Exception {
        Path noTime = Files.createDirectories(dir.resolve("a"));
        Files.writeString(noTime.resolve("interactions.csv"), "user,item\n1,2\n");
        assertThatThrownBy(() -> MovieLensData.read(noTime)).isInstanceOf(IOException.class)
                .hasMessageContaining("no column timestamp or time");

        Path badTime = Files.createDirectories(dir.resolve("b"));
        Files.writeString(badTime.resolve("interactions.csv"), "user,item,time\n1,2,1456826400\n1,3,yesterday\n");
        assertThatThrownBy(() -> MovieLensData.read(badTime)).isInstanceOf(IOException.class)
                .hasMessageContaining("line 3").hasMessageContaining("\"yesterday\"");

        Path shortRow = Files.createDirectories(dir.resolve("c"));
        Files.writeString(shortRow.resolve("interactions.csv"), "user,item,time\n1,2\n");
        assertThatThrownBy(() -> MovieLensData.read(shortRow)).isInstanceOf(IOException.class)
                .hasMessageContaining("line 2 has 2 fields");
    }

    @Test
    void titlesWithoutAYearOrWithASeriesSpan() {
        assertThat(MovieLensData.movie(9, "Cosmos", "Documentary"))
                .isEqualTo(new Movie(9, "Cosmos", null, "Documentary"));
        assertThat(MovieLensData.movie(9, "Cosmos", "Documentary").text()).isEqualTo("Cosmos. Documentary");
        assertThat(MovieLensData.movie(9, "Big Bang Theory, The (2007-)", "Comedy"))
                .isEqualTo(new Movie(9, "Big Bang Theory, The", "2007", "Comedy"));
        assertThat(MovieLensData.movie(9, "Fawlty Towers (1975–1979) ", "Comedy").text())
                .isEqualTo("Fawlty Towers (1975). Comedy");
        assertThat(MovieLensData.movie(9, "2001: A Space Odyssey (1968)", "Sci-Fi").title())
                .isEqualTo("2001: A Space Odyssey");
    }

    @Test
    void aRatingOfAnUnlistedMovieIsAnError(@TempDir Path dir) throws Exception {
        Path release = Files.createDirectories(dir.resolve("ml-broken"));
        Files.writeString(release.resolve("movies.csv"), "movieId,title,genres\n1,Toy Story (1995),Comedy\n");
        Files.writeString(release.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,2,4.0,964982703\n");

        assertThatThrownBy(() -> MovieLensData.read(release))
                .isInstanceOf(IOException.class).hasMessageContaining("movie 2 is rated");
    }

    @Test
    void aFileOfNoKnownLayoutIsAnError(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "user,item\n1,2\n");

        assertThatThrownBy(() -> MovieLensData.read(other))
                .isInstanceOf(IOException.class).hasMessageContaining("GroupLens release");
    }

    private static void assertReadsTheSame(Path path) throws Exception {
        MovieLensData.Loaded loaded = MovieLensData.read(path);
        assertThat(loaded.ratings()).as(path.toString()).containsExactlyElementsOf(RATINGS);
        assertThat(loaded.movies().values()).as(path.toString()).containsExactlyElementsOf(MOVIES);
        assertThat(loaded.movies().get(2).text())
                .isEqualTo("American President, The (1995). Comedy, Drama, Romance");
    }

    /** As GroupLens ships them: the release's files inside a directory named after it. */
    private static Path zip(Path release, Path target) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            try (var files = Files.list(release)) {
                for (Path p : files.sorted().toList()) {
                    zip.putNextEntry(new ZipEntry(release.getFileName() + "/" + p.getFileName()));
                    zip.write(Files.readAllBytes(p));
                    zip.closeEntry();
                }
            }
        }
        return target;
    }
}
