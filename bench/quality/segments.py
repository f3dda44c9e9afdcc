#!/usr/bin/env python3
"""Recall@10 of a replay's latest refreshes and of the two baselines, per quarter of the people by how many
likes they have in training: where Attune's margin over popularity and item-kNN comes from.

Same split, positives, popularity and item-kNN as MovieLensEvaluation (its Java is the reference; this
re-implements them to cut the people into groups):

    bench/quality/movielens                      # writes the data and a replay's refreshes
    bench/quality/segments.py bench/target/movielens/movielens.csv bench/target/movielens/run/refreshes.jsonl [--ties movie]
"""
import collections
import csv
import json
import math
import sys

from ties import tie_key

K = 10
TEST_SHARE = 0.2
MIN_RATINGS = 5


def split(path):
    by_user = collections.defaultdict(list)
    with open(path, encoding='utf-8') as f:
        for row in csv.DictReader(f):
            by_user[int(row['userId'])].append(
                (int(float(row['timestamp'])), int(row['movieId']), float(row['rating'])))
    train, positives, seen = [], {}, {}
    for user, own in by_user.items():
        own.sort(key=lambda r: (r[0], tie_key(user, r[1])))
        test_size = math.ceil(len(own) * TEST_SHARE) if len(own) >= MIN_RATINGS else 0
        cut = len(own) - test_size
        seen[user] = {movie for _, movie, _ in own[:cut]}
        train += [(user, movie, rating) for _, movie, rating in own[:cut]]
        liked_later = {movie for _, movie, rating in own[cut:] if rating >= 4 and movie not in seen[user]}
        if liked_later:
            positives[user] = liked_later
    return train, positives, seen


def latest_refreshes(path):
    versions, items = {}, {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            refresh = json.loads(line)
            account = refresh.get('accountId', '')
            if refresh.get('surface') != 'MOVIES' or not account.startswith('u'):
                continue
            user = int(account[1:])
            if refresh['profileVersion'] >= versions.get(user, -1):
                versions[user] = refresh['profileVersion']
                items[user] = [int(item['itemId'][1:]) for item in refresh['items']]
    return items


def main(ratings_path, refreshes_path):
    train, positives, seen = split(ratings_path)
    likes = collections.Counter(movie for _, movie, rating in train if rating >= 4)
    liked = collections.defaultdict(set)
    for user, movie, rating in train:
        if rating >= 4:
            liked[user].add(movie)
    by_popularity = sorted(likes, key=lambda m: (-likes[m], m))
    attune = latest_refreshes(refreshes_path)

    def popular(user):
        return [m for m in by_popularity if m not in seen[user]][:K]

    def item_knn(user):
        mine = liked.get(user, set())
        scores = collections.defaultdict(float)
        for other, theirs in liked.items():
            if other == user:
                continue
            overlap = sum(1 / math.sqrt(likes[j]) for j in mine if j in theirs)
            if overlap:
                for i in theirs:
                    if i not in seen[user]:
                        scores[i] += overlap / math.sqrt(likes[i])
        return [m for m, _ in sorted(scores.items(), key=lambda s: (-s[1], s[0]))[:K]]

    def recall(items, wanted):
        return len(set(items[:K]) & wanted) / len(wanted)

    people = sorted(positives, key=lambda u: (len(liked.get(u, ())), u))
    rows = [(len(liked.get(u, ())), recall(attune.get(u, []), positives[u]), recall(popular(u), positives[u]),
             recall(item_knn(u), positives[u])) for u in people]
    print('| training likes | people | Attune | popularity | item-kNN | Attune / popularity | Attune / item-kNN |')
    print('|---|---:|---:|---:|---:|---:|---:|')
    quarters = [rows[q * len(rows) // 4:(q + 1) * len(rows) // 4] for q in range(4)] + [rows]
    for group in quarters:
        a, p, k = (sum(r[i] for r in group) / len(group) for i in (1, 2, 3))
        label = 'all' if group is rows else f'{group[0][0]}–{group[-1][0]}'
        print(f'| {label} | {len(group)} | {a:.4f} | {p:.4f} | {k:.4f} | {a / p:.2f} | {a / k:.2f} |')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
