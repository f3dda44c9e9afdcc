#!/usr/bin/env python3
"""Writes a synthetic rating log in the GroupLens ml-1m layout (ratings.dat, movies.dat) at any scale.

For measuring what `bench/quality/movielens --data DIR` costs (time, memory) at the size of a public release
that is not on this machine: the shape follows ml-1m (6,040 users with at least 20 ratings each, 3,706
movies, 1,000,209 ratings over three years, one to five stars, people rating in sittings). It is not data to
judge quality on: tastes are drawn from a few latent topics, so a Recall@10 on it says how well a method
finds those topics, nothing about people.

    bench/quality/synthetic-movielens.py OUT_DIR [--users 6040] [--movies 3706] [--ratings 1000209] [--seed 1]
"""
import argparse
import os
import random

GENRES = ["Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama",
          "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War",
          "Western"]
TOPICS = 30
WORDS = ["Night", "River", "Star", "Heart", "City", "Shadow", "Dream", "Storm", "Garden", "Road", "Secret",
         "Summer", "Winter", "Island", "Fire", "Ghost", "King", "Stranger", "Mountain", "Ocean", "Letter",
         "Machine", "Dance", "Wolf", "Bridge", "Mirror", "Train", "Angel", "Desert", "Clock"]
START = 956_703_932   # 2000-04-25, ml-1m's first rating
SPAN = 90_000_000     # about three years


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--users", type=int, default=6040)
    parser.add_argument("--movies", type=int, default=3706)
    parser.add_argument("--ratings", type=int, default=1_000_209)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)

    topic_genres = [rng.sample(GENRES, rng.choice([1, 2, 3])) for _ in range(TOPICS)]
    topic_words = [rng.sample(WORDS, 3) for _ in range(TOPICS)]
    movie_topic, by_topic = [], [[] for _ in range(TOPICS)]
    with open(os.path.join(args.out, "movies.dat"), "w", encoding="latin-1") as movies:
        for m in range(1, args.movies + 1):
            topic = rng.randrange(TOPICS)
            movie_topic.append(topic)
            by_topic[topic].append(m)
            title = f"The {rng.choice(topic_words[topic])} of {rng.choice(WORDS)} {m}"
            movies.write(f"{m}::{title} ({rng.randint(1919, 2000)})::{'|'.join(topic_genres[topic])}\n")
    # Popularity is Zipf-like over a random order of the movies, within each topic as well as overall.
    weight = {m: 1.0 / (rank + 10) for rank, m in enumerate(rng.sample(range(1, args.movies + 1), args.movies))}
    everything = list(weight)
    all_weights = [weight[m] for m in everything]
    topic_weights = [[weight[m] for m in ms] for ms in by_topic]

    # Ratings per person: at least 20, long-tailed, scaled to the total asked for.
    raw = [20 + rng.paretovariate(1.2) * 20 for _ in range(args.users)]
    scale = (args.ratings - 20 * args.users) / max(1.0, sum(r - 20 for r in raw))
    cap = max(20, args.movies * 6 // 10)
    counts = [min(cap, 20 + int((r - 20) * scale)) for r in raw]
    while sum(counts) < args.ratings and any(c < cap for c in counts):
        # What the cap cut off goes to everyone else, in proportion to what they have.
        short = args.ratings - sum(counts)
        room = sum(c for c in counts if c < cap)
        counts = [c if c >= cap else min(cap, c + max(1, c * short // room)) for c in counts]
    written = 0
    with open(os.path.join(args.out, "ratings.dat"), "w", encoding="latin-1") as ratings:
        for user in range(1, args.users + 1):
            liked = rng.sample(range(TOPICS), rng.choice([1, 2, 3]))
            seen = set()
            t = START + rng.randrange(SPAN)
            left = counts[user - 1]
            while left > 0:
                sitting = min(left, rng.randint(3, 40))
                for _ in range(sitting):
                    for _attempt in range(50):
                        if rng.random() < 0.7:
                            topic = rng.choice(liked)
                            movie = rng.choices(by_topic[topic], topic_weights[topic])[0]
                        else:
                            movie = rng.choices(everything, all_weights)[0]
                        if movie not in seen:
                            break
                    while movie in seen:
                        # A person who has seen most of what they like takes anything not yet seen.
                        movie = rng.randint(1, args.movies)
                    seen.add(movie)
                    fond = movie_topic[movie - 1] in liked
                    stars = rng.choices([1, 2, 3, 4, 5], [2, 4, 14, 40, 40] if fond else [10, 20, 35, 25, 10])[0]
                    ratings.write(f"{user}::{movie}::{stars}::{t}\n")
                    written += 1
                    t += rng.randint(0, 120)
                left -= sitting
                t += rng.randint(3_600, 30 * 86_400)
    print(f"wrote {args.out}: {args.users} users, {args.movies} movies, {written} ratings")


if __name__ == "__main__":
    main()
