"""Throughput of values.extract_values, in sentences per second (target: >= 500/s on 2 cores).

Runs over the seed articles' sentences when ../shared/seeds exists, and always over a set of
sentences written here that exercise every value type.  Prints one line per corpus.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from newsfuse.model import Article, Sentence
from newsfuse.segment import split_sentences
from newsfuse.values import extract_values

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
GVC = SHARED / "evaldata" / "events" / "gvc-val.jsonl"
PUB = datetime(2026, 1, 27, tzinfo=timezone.utc)
WRITTEN = [
    "Rescuers pulled at least 14 people from the rubble on Tuesday, the fire brigade said.",
    "The storm, packing winds of up to 180 km/h (112 mph), made landfall off the coast of Luzon.",
    "According to state media, several hundred soldiers crossed the river northeast of Kherson.",
    'Prime Minister Ana Costa called the deal "a turning point" in a speech at 3:15 p.m. (1415 GMT).',
    "The central bank raised rates by 25 basis points to 4.5% last month, citing inflation.",
    "A magnitude 6.2 earthquake struck about 80 km south of the capital early Thursday.",
    "The company said it would cut 1,200 jobs and spend $2.5 billion on new plants in 2027.",
    "Dozens of protesters gathered near the parliament in December 2025, police said.",
    "Maria Lopez, a professor at the University of Leeds, said the findings were preliminary.",
    "It was the second such incident this year, and nobody was hurt.",
]


def measure(articles_sentences: list[tuple[Article, Sentence]], repeat: int) -> float:
    extract_values(*articles_sentences[0])  # warm the lemma tables
    t = time.perf_counter()
    n = 0
    for _ in range(repeat):
        for art, sent in articles_sentences:
            extract_values(art, sent)
            n += 1
    return n / (time.perf_counter() - t)


def main() -> None:
    written = []
    for i, text in enumerate(WRITTEN):
        art = Article(id=f"w{i}", source="bench", text=text, published=PUB)
        written.append((art, Sentence(art.id, 0, text, 0, len(text))))
    print(f"written sentences: {measure(written, 100):.0f} sentences/s ({len(written) * 100} calls)")
    if SEEDS.is_dir():
        seeds = []
        for path in sorted(SEEDS.glob("*.txt")):
            art = Article(id=path.stem, source=str(path), text=path.read_text(encoding="utf-8"), published=PUB)
            seeds.extend((art, s) for s in split_sentences(art))
        print(f"seed sentences:    {measure(seeds, 10):.0f} sentences/s ({len(seeds) * 10} calls)")
    else:
        print(f"seed sentences:    skipped ({SEEDS} absent)")
    if GVC.is_file():
        # Real news of another topic (US shootings, Gun Violence Corpus): speed, and how many
        # values of each type come out, as a check that nothing crashes on unseen text.
        real = []
        for line in GVC.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            published = None
            if row.get("published"):
                try:
                    published = datetime.fromisoformat(row["published"].replace("Z", "+00:00"))
                except ValueError:
                    published = None
                if published is not None and published.tzinfo is None:
                    published = published.replace(tzinfo=timezone.utc)
            art = Article(id=str(row["id"]), source="gvc", text=row.get("text") or "", published=published)
            real.extend((art, s) for s in split_sentences(art))
        types: Counter[str] = Counter()
        for art, sent in real:
            types.update(v.type for v in extract_values(art, sent))
        print(f"GVC real sentences: {measure(real, 3):.0f} sentences/s ({len(real) * 3} calls); "
              f"values: {dict(sorted(types.items()))}")
    else:
        print(f"GVC real sentences: skipped ({GVC} absent)")


if __name__ == "__main__":
    main()
