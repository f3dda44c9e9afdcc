#!/usr/bin/env python3
"""Offline yardstick for the job's co-engagement ranking on MovieLens (docs/recommendation-quality.md, sweep Q).

    bench/quality/offline-coengagement.py [--validation]

Needs numpy and the CSV that bench/quality/movielens writes (bench/target/movielens/movielens.csv). Splits
each user's ratings exactly as MovieLensEvaluation does (last 20% by time, at least 5 ratings; --validation
splits the training part again), then ranks every unrated movie by what the job's refresh blends, computed
with exact counts instead of the job's bounded tables and without interest similarity:

  co-engagement: for each positive engagement (rating >= 3), a pair with each of the user's `window` previous
  positive engagements, weighted by the product of their engagement weights; the earlier item learns the later
  one at full weight, the later item the earlier one at `backward` (0.5, as items.pair-backward-weight);
  a candidate's score is the sum over the user's last 8 positive engagements (the n-th latest weighted 0.8^n)
  of pairs / (sqrt(popularity of both) + 5), normalised by its maximum;
  popularity prior: log(1 + likes) normalised by its maximum, times `popularity weight`.

"job weights" are the job's (like 1, view 0.25); "equal weights" count every positive engagement as 1.
Prints Recall@10 per setting next to the popularity baseline.
"""
import collections
import csv
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
VALIDATION = "--validation" in sys.argv


def split(events):
    events = sorted(events)
    test_size = math.ceil(len(events) * 0.2) if len(events) >= 5 else 0
    return events[:len(events) - test_size], events[len(events) - test_size:]


by_user = collections.defaultdict(list)
movie_ids = set()
with open(ROOT / "bench/target/movielens/movielens.csv") as f:
    for row in csv.DictReader(f):
        by_user[int(row["userId"])].append((int(row["timestamp"]), int(row["movieId"]), float(row["rating"])))
        movie_ids.add(int(row["movieId"]))
movies = sorted(movie_ids)
index = {m: i for i, m in enumerate(movies)}
M = len(movies)
sequences, seen, positives = {}, {}, {}
likes = np.zeros(M)
for user, events in by_user.items():
    train, test = split(events)
    if VALIDATION:
        train, test = split(train)
    sequences[user] = [(index[m], r) for _, m, r in train]
    seen[user] = [index[m] for _, m, _ in train]
    wanted = {index[m] for _, m, r in test if r >= 4} - set(seen[user])
    if wanted:
        positives[user] = wanted
    for _, m, r in train:
        if r >= 4:
            likes[index[m]] += 1


def recall(score):
    total = 0.0
    for user, wanted in positives.items():
        s = score(user).astype(float)
        s[seen[user]] = -np.inf
        top = np.argpartition(-s, 10)[:10]
        total += len(wanted.intersection(top.tolist())) / len(wanted)
    return total / len(positives)


def engagement_weight(rating, equal):
    if rating >= 4:
        return 1.0
    return (1.0 if equal else 0.25) if rating >= 3 else 0.0


def co_engagement(window, equal, backward=0.5):
    pairs = np.zeros((M, M), np.float32)
    popularity = np.zeros(M)
    for sequence in sequences.values():
        recent = []
        for item, rating in sequence:
            weight = engagement_weight(rating, equal)
            if weight <= 0:
                continue
            popularity[item] += weight
            for earlier, earlier_weight in recent:
                if earlier != item:
                    pairs[earlier, item] += earlier_weight * weight
                    pairs[item, earlier] += backward * earlier_weight * weight
            recent = [(i, w) for i, w in recent if i != item][-(window - 1):] + [(item, weight)]
    popularity = np.maximum(popularity, 1)
    return pairs / (np.sqrt(popularity[:, None] * popularity[None, :]) + 5)


prior = np.log1p(likes) / np.log1p(likes).max()


def ranking(similarity, popularity_weight, recent_likes=8, decay=0.8):
    def score(user):
        context = [i for i, r in sequences[user] if r >= 3][-recent_likes:]
        weights = decay ** np.arange(len(context))[::-1]
        co = (weights[:, None] * similarity[context]).sum(0) if context else np.zeros(M)
        top = co.max()
        return (co / top if top > 0 else co) + popularity_weight * prior
    return score


print(f"{'validation' if VALIDATION else 'test'} split: {len(positives)} users with positives")
print(f"popularity: {recall(lambda u: likes):.4f}")
for equal in (False, True):
    for window in (8, 16, 32):
        similarity = co_engagement(window, equal)
        row = ", ".join(f"popularity weight {p}: {recall(ranking(similarity, p)):.4f}" for p in (0.5, 1.0))
        print(f"{'equal' if equal else 'job'} weights, pair window {window}: {row}", flush=True)
