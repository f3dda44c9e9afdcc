package io.attune.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.bench.quality.MovieLensEvaluation.Movie;
import io.attune.bench.quality.MovieLensEvaluation.Rating;
import io.attune.bench.quality.MovieLensEvaluation.TieOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay input the evaluation writes: what makes two replays of the same split see the same order. */
class MovieLensEvaluationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SECOND = 1_260_759_144_000L;

    @Test
    void ratingsSharingASecondAreSpreadOverItsMillisecondsByUserThenMovieWithTiesByMovie(@TempDir Path dir)
            throws Exception {
        List<Rating> ratings = new ArrayList<>(List.of(
                new Rating(2, 5, 4.0, SECOND),
                new Rating(1, 9, 3.0, SECOND),
                new Rating(1, 3, 5.0, SECOND),
                new Rating(1, 4, 1.0, SECOND + 1_000),
                new Rating(2, 7, 4.0, SECOND + 1_000)));

        assertThat(engagement(ratings, dir.resolve("a"), TieOrder.MOVIE)).containsExactly(
                "u1 m3 LIKE +0", "u1 m9 VIEW +1", "u2 m5 LIKE +2", "u1 m4 HIDE +1000", "u2 m7 LIKE +1001");

        Collections.shuffle(ratings, new Random(7));
        assertThat(Files.readString(write(ratings, dir.resolve("b"), TieOrder.MOVIE)))
                .as("the order the ratings came in does not matter")
                .isEqualTo(Files.readString(dir.resolve("a").resolve("engagement.jsonl")));
    }

    @Test
    void byDefaultOnePersonsRatingsOfOneInstantAreOrderedByAHashNotByTheirIds(@TempDir Path dir) throws Exception {
        List<Rating> ratings = new ArrayList<>();
        for (int movie = 1; movie <= 10; movie++) {
            ratings.add(new Rating(1, movie, 4.0, SECOND));
        }
        MovieLensEvaluation.Split split = MovieLensEvaluation.split(ratings);

        List<Integer> order = split.train().stream().map(Rating::movie).toList();
        assertThat(order).hasSize(8).isNotEqualTo(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        assertThat(split.testPositives().get(1)).as("the test part is the last two in the same order")
                .hasSize(2).doesNotContainAnyElementsOf(order);
        Collections.shuffle(ratings, new Random(3));
        assertThat(MovieLensEvaluation.split(ratings).train()).as("whatever order the ratings came in")
                .containsExactlyElementsOf(split.train());
        assertThat(MovieLensEvaluation.split(ratings, TieOrder.MOVIE).train().stream().map(Rating::movie).toList())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void aLogStampedByTheDaySpreadsItsTiesOverTheDay(@TempDir Path dir) throws Exception {
        List<Rating> ratings = new ArrayList<>();
        for (int user = 1; user <= 1_200; user++) {
            ratings.add(new Rating(user, 3, 4.0, SECOND));
        }
        ratings.add(new Rating(1, 5, 4.0, SECOND + 86_400_000L));

        List<String> written = engagement(ratings, dir.resolve("day"));
        assertThat(written).hasSize(1_201).contains("u1200 m3 LIKE +1199").endsWith("u1 m5 LIKE +86400000");

        ratings.set(ratings.size() - 1, new Rating(1, 5, 4.0, SECOND + 1_000));
        assertThatThrownBy(() -> write(ratings, dir.resolve("second")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1200 ratings share the instant");
    }

    private static List<String> engagement(List<Rating> ratings, Path dir) throws Exception {
        return engagement(ratings, dir, TieOrder.HASHED);
    }

    private static List<String> engagement(List<Rating> ratings, Path dir, TieOrder ties) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(write(ratings, dir, ties))) {
            JsonNode event = JSON.readTree(line);
            long offset = Instant.parse(event.get("timestamp").asText()).toEpochMilli() - SECOND;
            out.add(event.get("accountId").asText() + " " + event.get("itemId").asText() + " "
                    + event.get("kind").asText() + " +" + offset);
        }
        return out;
    }

    private static Path write(List<Rating> ratings, Path dir) throws Exception {
        return write(ratings, dir, TieOrder.HASHED);
    }

    private static Path write(List<Rating> ratings, Path dir, TieOrder ties) throws Exception {
        Map<Integer, Movie> movies = Map.of(3, movie(3), 4, movie(4), 5, movie(5), 7, movie(7), 9, movie(9));
        MovieLensEvaluation.prepare(movies, MovieLensEvaluation.split(ratings, ties), dir);
        return dir.resolve("engagement.jsonl");
    }

    private static Movie movie(int id) {
        return new Movie(id, "Movie " + id, "1995", "Drama");
    }
}
