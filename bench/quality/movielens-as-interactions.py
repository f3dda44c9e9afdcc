#!/usr/bin/env python3
"""Writes the MovieLens CSV that bench/quality/movielens extracts (dslabs layout) as a plain interaction log, the layout
any other data set can be given in (docs/recommendation-quality.md, "Other data sets"):

    bench/quality/movielens-as-interactions.py OUT_DIR [--implicit]

OUT_DIR/items.csv (item,title,year,genres) and OUT_DIR/interactions.csv (user,item,rating,timestamp; --implicit
leaves the rating out and keeps only the ratings of 4 and more, as a log of plays or purchases would hold only what
people chose). Then: bench/quality/movielens --data OUT_DIR
"""
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
out = Path(sys.argv[1])
implicit = "--implicit" in sys.argv
out.mkdir(parents=True, exist_ok=True)
items = {}
with open(ROOT / "bench/target/movielens/movielens.csv", newline="") as f, \
        open(out / "interactions.csv", "w", newline="") as log:
    writer = csv.writer(log)
    writer.writerow(["user", "item", "timestamp"] if implicit else ["user", "item", "rating", "timestamp"])
    for row in csv.DictReader(f):
        items.setdefault(row["movieId"], (row["title"], row["year"], row["genres"]))
        if implicit and float(row["rating"]) < 4:
            continue
        writer.writerow([row["userId"], row["movieId"], row["timestamp"]] if implicit
                        else [row["userId"], row["movieId"], row["rating"], row["timestamp"]])
with open(out / "items.csv", "w", newline="") as f:
    writer = csv.writer(f)
    writer.writerow(["item", "title", "year", "genres"])
    for item, (title, year, genres) in items.items():
        writer.writerow([item, title, year, genres])
