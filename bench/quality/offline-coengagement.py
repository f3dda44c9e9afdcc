#!/usr/bin/env python3
"""Offline yardstick for the job's co-engagement ranking on MovieLens (docs/recommendation-quality.md, sweep Q).

    bench/quality/offline-coengagement.py [--validation] [--blends | --long-term [--variants | --older]] [--ratings FILE]
        [--ties movie]

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

--blends (docs/recommendation-quality.md, sweep U) takes the job's settings plus its item affinity (pairs of likes
up to 32 apart, both ways, summed over the 16 latest likes, normalised like co-engagement) and asks what other
ingredients a stream could add: a popularity prior decayed in time as of each person's last training rating
(only earlier likes count, as live), pairs of engagements weighted by the time between them, reciprocal-rank
fusion instead of the weighted sum, and what the 50 people who liked the most alike liked (user-kNN).

--long-term [--variants] (docs/recommendation-quality.md, sweep Z) takes the job's ingredients with the published
affinity tables (256 strongest per item) and asks what a longer memory of likes adds: the same tables summed over the
latest 32 to all likes as a component of its own, or (--variants) affinity summed over more positive engagements,
or (--older, sweep AB) the affinity of the positive engagements before the job's latest 32, at a lower weight.
--ratings FILE reads another ratings file: a CSV with userId, movieId, rating, timestamp, or a GroupLens ratings.dat
(as bench/quality/synthetic-movielens.py writes).
"""
import collections
import csv
import math
import sys
from pathlib import Path

import numpy as np

from ties import tie_key

ROOT = Path(__file__).resolve().parents[2]
VALIDATION = "--validation" in sys.argv


def split(events, user):
    events = sorted(events, key=lambda e: (e[0], tie_key(user, e[1])))
    test_size = math.ceil(len(events) * 0.2) if len(events) >= 5 else 0
    return events[:len(events) - test_size], events[len(events) - test_size:]


BLENDS = "--blends" in sys.argv
LONG_TERM = "--long-term" in sys.argv
RATINGS = Path(sys.argv[sys.argv.index("--ratings") + 1]) if "--ratings" in sys.argv else None
by_user = collections.defaultdict(list)
movie_ids = set()
if RATINGS is not None and RATINGS.name.endswith(".dat"):
    with open(RATINGS, encoding="latin-1") as f:
        for line in f:
            user, movie, rating, stamp = line.strip().split("::")
            by_user[int(user)].append((int(stamp), int(movie), float(rating)))
            movie_ids.add(int(movie))
else:
    with open(RATINGS or ROOT / "bench/target/movielens/movielens.csv") as f:
        for row in csv.DictReader(f):
            by_user[int(row["userId"])].append((int(row["timestamp"]), int(row["movieId"]), float(row["rating"])))
            movie_ids.add(int(row["movieId"]))
movies = sorted(movie_ids)
index = {m: i for i, m in enumerate(movies)}
M = len(movies)
sequences, seen, positives, stamps, last_stamp = {}, {}, {}, {}, {}
likes_in_time = []
likes = np.zeros(M)
for user, events in by_user.items():
    train, test = split(events, user)
    if VALIDATION:
        train, test = split(train, user)
    sequences[user] = [(index[m], r) for _, m, r in train]
    stamps[user] = [t for t, _, _ in train]
    last_stamp[user] = max(stamps[user], default=0)
    likes_in_time += [(t, index[m]) for t, m, r in train if r >= 4]
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


def co_engagement(window, equal, backward=0.5, gap=None, far_weight=1.0):
    """Pairs within `window` positive engagements; with `gap` (seconds), pairs further apart in time count
    `far_weight`."""
    pairs = np.zeros((M, M), np.float32)
    popularity = np.zeros(M)
    for user, sequence in sequences.items():
        recent = []
        for (item, rating), stamp in zip(sequence, stamps[user]):
            weight = engagement_weight(rating, equal)
            if weight <= 0:
                continue
            popularity[item] += weight
            for earlier, earlier_weight, earlier_stamp in recent:
                if earlier != item:
                    apart = 1.0 if gap is None or stamp - earlier_stamp <= gap else far_weight
                    pairs[earlier, item] += apart * earlier_weight * weight
                    pairs[item, earlier] += apart * backward * earlier_weight * weight
            recent = [e for e in recent if e[0] != item][-(window - 1):] + [(item, weight, stamp)]
    popularity = np.maximum(popularity, 1)
    return pairs / (np.sqrt(popularity[:, None] * popularity[None, :]) + 5)


prior = np.log1p(likes) / np.log1p(likes).max()


def normalised(scores):
    top = scores.max()
    return scores / top if top > 0 else scores


def co_engaged(similarity, user, recent_likes=8, decay=0.8):
    """Co-engagement with the user's latest positive engagements, the n-th latest weighted decay^n."""
    context = [i for i, r in sequences[user] if r >= 3][-recent_likes:]
    weights = decay ** np.arange(len(context))[::-1]
    return (weights[:, None] * similarity[context]).sum(0) if context else np.zeros(M)


def ranking(similarity, popularity_weight, recent_likes=8, decay=0.8):
    def score(user):
        return normalised(co_engaged(similarity, user, recent_likes, decay)) + popularity_weight * prior
    return score


def affinity(window=32):
    """Pairs of likes up to `window` apart, both ways at full weight, normalised like co-engagement."""
    pairs = np.zeros((M, M), np.float32)
    count = np.zeros(M)
    for sequence in sequences.values():
        recent = []
        for item, rating in sequence:
            if rating < 4:
                continue
            count[item] += 1
            for earlier in recent:
                if earlier != item:
                    pairs[earlier, item] += 1
                    pairs[item, earlier] += 1
            recent = [i for i in recent if i != item][-(window - 1):] + [item]
    count = np.maximum(count, 1)
    return pairs / (np.sqrt(count[:, None] * count[None, :]) + 5)


def evidence(similarity, affinities, user, affinity_from=4, context=16):
    """The job's two engagement components for `user`: co-engagement and affinity, each normalised. Affinity sums
    over the latest `context` ratings of at least `affinity_from` (the job's own list of recent positive
    engagements holds views too: 3)."""
    liked = [i for i, r in sequences[user] if r >= affinity_from][-context:]
    return (normalised(co_engaged(similarity, user)),
            normalised(affinities[liked].sum(0) if liked else np.zeros(M)))


def decayed_prior(half_life_days):
    stamps_liked = np.array([t for t, _ in likes_in_time])
    items_liked = np.array([i for _, i in likes_in_time])

    def prior_for(user):
        age = (last_stamp[user] - stamps_liked) / 86400
        weight = np.where(age >= 0, np.exp(-np.abs(age) * math.log(2) / half_life_days), 0.0)
        return normalised(np.log1p(np.bincount(items_liked, weights=weight, minlength=M)))
    return prior_for


def ranks(scores):
    out = np.empty(M)
    out[np.argsort(-scores)] = np.arange(M)
    return out


def blends():
    affinities = affinity()
    similarity = co_engagement(8, False)
    users = list(sequences)
    liked = np.zeros((len(users), M), np.float32)
    for row, user in enumerate(users):
        for item, rating in sequences[user]:
            if rating >= 4:
                liked[row, item] = 1
    unit = liked / np.maximum(np.linalg.norm(liked, axis=1, keepdims=True), 1e-9)
    alike = unit @ unit.T
    np.fill_diagonal(alike, 0)
    row_of = {user: row for row, user in enumerate(users)}

    def blend(popularity_weight=1.0, prior_for=lambda user: prior, neighbours_weight=0.0, fusion=None,
              pairs=similarity, affinity_from=4):
        def score(user):
            co, aff = evidence(pairs, affinities, user, affinity_from)
            if fusion is not None:
                return 1 / (fusion + ranks(co)) + 1 / (fusion + ranks(aff)) + popularity_weight / (fusion + ranks(prior))
            total = co + aff + popularity_weight * prior_for(user)
            if neighbours_weight > 0:
                weights = alike[row_of[user]]
                nearest = np.argpartition(-weights, 50)[:50]
                total += neighbours_weight * normalised((weights[nearest, None] * liked[nearest]).sum(0))
            return total
        return score

    for half_life in (180, 365):
        print(f"popularity decayed, half-life {half_life} days, alone: {recall(decayed_prior(half_life)):.4f}",
              flush=True)
    print(f"job settings with affinity (popularity weight 1): {recall(blend()):.4f}", flush=True)
    print(f"  popularity weight 0: {recall(blend(0.0)):.4f}, 0.5: {recall(blend(0.5)):.4f}", flush=True)
    print(f"  affinity over the latest 16 positive engagements, views too, as the job: {recall(blend(affinity_from=3)):.4f}"
          f", popularity weight 0: {recall(blend(0.0, affinity_from=3)):.4f}", flush=True)
    for half_life in (90, 180, 365):
        row = ", ".join(f"weight {p}: {recall(blend(p, decayed_prior(half_life))):.4f}" for p in (0.5, 1.0))
        print(f"  popularity decayed, half-life {half_life} days, as of the person's last rating: {row}", flush=True)
    for window, gap, far in ((8, 3600, 0.5), (16, 3600, 0.25), (8, 86400, 0.5)):
        pairs = co_engagement(window, False, gap=gap, far_weight=far)
        print(f"  pairs within {window}, further apart than {gap} s weighted {far}: {recall(blend(pairs=pairs)):.4f}",
              flush=True)
    for k in (10, 60):
        print(f"  reciprocal-rank fusion, k {k}: {recall(blend(0.5, fusion=k)):.4f}", flush=True)
    for weight, popularity_weight in ((0.5, 1.0), (1.0, 1.0), (1.0, 0.5)):
        print(f"  + user-kNN (50 people) weight {weight}, popularity weight {popularity_weight}: "
              f"{recall(blend(popularity_weight, neighbours_weight=weight)):.4f}", flush=True)


def strongest(table, keep):
    """Each item's `keep` strongest entries only, as a published table holds them."""
    if keep >= M:
        return table
    out = np.zeros_like(table)
    top = np.argpartition(-table, keep, axis=1)[:, :keep]
    rows = np.arange(M)[:, None]
    out[rows, top] = table[rows, top]
    return out


def long_term():
    """The job's ingredients (co-engagement, affinity over the latest 16 positive engagements, popularity) plus
    a long-term component: the published affinity tables (256 strongest) summed over the person's latest
    `history` likes, normalised, with weight w."""
    affinities = affinity()
    published = strongest(affinities, 256)
    similarity = co_engagement(8, False)

    def blend(popularity_weight, history, weight, context=16, history_from=4):
        def score(user):
            co, aff = evidence(similarity, published, user, affinity_from=3, context=context)
            total = co + aff + popularity_weight * prior
            if weight > 0:
                liked = [i for i, r in sequences[user] if r >= history_from]
                liked = liked[-history:] if history else liked
                total = total + weight * normalised(published[liked].sum(0) if liked else np.zeros(M))
            return total
        return score

    if "--older" in sys.argv:
        # Sweep AB: the job's affinity context (latest 32 positive engagements) and, beside it, the positive
        # engagements before those: in the same sum at weight w, or as a component of its own.
        def older_blend(keep, weight, separate):
            def score(user):
                engaged = [i for i, r in sequences[user] if r >= 3]
                recent, older = engaged[-32:], engaged[:-32]
                older = older[-keep:] if keep else older
                co = normalised(co_engaged(similarity, user))
                recent_sum = published[recent].sum(0) if recent else np.zeros(M)
                older_sum = published[older].sum(0) if older else np.zeros(M)
                if separate:
                    return co + normalised(recent_sum) + weight * normalised(older_sum) + prior
                return co + normalised(recent_sum + weight * older_sum) + prior
            return score
        print(f"job ingredients, affinity over the latest 32 positive engagements: "
              f"{recall(blend(1.0, 0, 0, context=32)):.4f}", flush=True)
        for keep in (16, 32, 0):
            for separate in (False, True):
                row = ", ".join(f"weight {w}: {recall(older_blend(keep, w, separate)):.4f}" for w in (0.25, 0.5, 1.0))
                print(f"  + the {keep or 'all'} positive engagements before those, "
                      f"{'a component of its own' if separate else 'in the same sum'}: {row}", flush=True)
        return
    if "--variants" in sys.argv:
        print(f"job ingredients: {recall(blend(1.0, 0, 0)):.4f}", flush=True)
        for context in (24, 32, 64):
            print(f"  affinity over the latest {context} positive engagements: "
                  f"{recall(blend(1.0, 0, 0, context=context)):.4f}", flush=True)
        for history in (32, 64):
            row = ", ".join(f"weight {w}: {recall(blend(1.0, history, w, history_from=3)):.4f}" for w in (0.5, 1.0))
            print(f"  + long-term over the latest {history} positive engagements: {row}", flush=True)
        return
    for popularity_weight in (1.0, 0.5):
        print(f"popularity weight {popularity_weight}: job ingredients {recall(blend(popularity_weight, 0, 0)):.4f}",
              flush=True)
        for history in (32, 64, 128, 0):
            row = ", ".join(f"weight {w}: {recall(blend(popularity_weight, history, w)):.4f}" for w in (0.5, 1.0))
            print(f"  + long-term over the latest {history or 'all'} likes: {row}", flush=True)


print(f"{'validation' if VALIDATION else 'test'} split: {len(positives)} users with positives")
print(f"popularity: {recall(lambda u: likes):.4f}")
if LONG_TERM:
    long_term()
    sys.exit(0)
if BLENDS:
    blends()
    sys.exit(0)
for equal in (False, True):
    for window in (8, 16, 32):
        similarity = co_engagement(window, equal)
        row = ", ".join(f"popularity weight {p}: {recall(ranking(similarity, p)):.4f}" for p in (0.5, 1.0))
        print(f"{'equal' if equal else 'job'} weights, pair window {window}: {row}", flush=True)
