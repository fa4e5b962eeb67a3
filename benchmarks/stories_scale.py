"""Story clustering at scale: throughput, peak memory and growth on a synthetic corpus.

The corpus is generated here from templates written for this benchmark: each event (a fire,
flood, strike, election, crash, ... in an invented place with invented people and figures)
gets a base report; its articles are copies, light edits (sentences dropped, reordered,
words deleted, numbers updated) and rewrites (other templates for the same facts), published
0-3 days after the event.  Events of the same kind recur in the same places, so topic words
alone cannot separate them.  Publication dates spread over a year.

Printed per size (each in a fresh subprocess, so peak RSS is that run's own):
articles/s of ``cluster_stories`` on the lexical path, peak RSS, BCubed F1 against the
generator's events, and the near-duplicate stage against datasketch's MinHashLSH on the same
corpus: time for signatures + index + queries, and recall of true near-copy pairs (5-gram
Jaccard >= 0.5) for both.

Usage: python benchmarks/stories_scale.py [--sizes 1000 10000 100000] [--skip-datasketch]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

from newsfuse.model import Article

KINDS = {
    "fire": (
        ["A fire broke out at {org} in {place} on {day}, {who} said.",
         "Firefighters fought a blaze at {org} in {place} on {day}, according to {who}.",
         "Flames engulfed part of {org} in {place} on {day}, {who} told reporters."],
        ["{n1} fire crews were sent to {street}.", "{n2} people were taken to hospital with burns.",
         "Residents near {street} were told to keep windows closed.",
         "The cause of the fire is under investigation, {person} said.",
         "Damage was estimated at {n3} thousand euros."],
    ),
    "flood": (
        ["Heavy rain flooded streets in {place} on {day}, {who} said.",
         "Rivers burst their banks around {place} on {day}, according to {who}.",
         "Floodwater cut off parts of {place} on {day}, {who} told reporters."],
        ["{n1} homes were evacuated along {street}.", "{n2} people were rescued by boat.",
         "{person} said the water level rose {n3} centimetres in an hour.",
         "Schools in {place} will stay closed until the water recedes.",
         "The weather service warned of more rain over the weekend."],
    ),
    "strike": (
        ["Workers at {org} in {place} walked out on {day}, {who} said.",
         "A strike halted production at {org} in {place} on {day}, according to {who}.",
         "Staff of {org} in {place} began an open-ended strike on {day}, {who} told reporters."],
        ["The union wants a pay rise of {n1} percent.", "{n2} workers joined the picket on {street}.",
         "{person} said talks had broken down after {n3} rounds.",
         "Management called the walkout illegal.", "Deliveries from the plant have stopped."],
    ),
    "crash": (
        ["A bus crashed on the road outside {place} on {day}, {who} said.",
         "A coach left the road near {place} on {day}, according to {who}.",
         "A bus overturned close to {place} on {day}, {who} told reporters."],
        ["{n1} passengers were injured and {n2} died.", "The road near {street} was closed for hours.",
         "{person} said the driver had lost control on a bend.",
         "The bus belonged to {org}.", "Investigators are checking the brakes, a police officer said."],
    ),
    "election": (
        ["{person} won the mayoral election in {place} on {day}, {who} said.",
         "Voters in {place} chose {person} as mayor on {day}, according to {who}.",
         "{person} was elected mayor of {place} on {day}, {who} announced."],
        ["Turnout was {n1} percent.", "{person} took {n2} percent of the vote.",
         "The runner-up conceded in a speech on {street}.",
         "{org} had backed the winner.", "The new mayor promised {n3} new homes."],
    ),
}
SYL = "ka lo mi ren tas vel dor ith an be cor da fen gal hu ir jo kes lun mar nor ost pel qui ras sol tur ul vin wes yar zen".split()
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYL) for _ in range(parts)).capitalize()


def _fill(template: str, f: dict[str, str]) -> str:
    return template.format(**f)


def generate(n_articles: int, seed: int = 1) -> tuple[list[Article], dict[str, str]]:
    """``n_articles`` articles in events of 1-12 articles; returns articles and id → event."""
    rng = random.Random(seed)
    places = [_name(rng, 3) for _ in range(max(20, n_articles // 200))]
    orgs = [f"the {_name(rng)} {rng.choice(['plant', 'company', 'hospital', 'market', 'school'])}"
            for _ in range(max(20, n_articles // 100))]
    base = datetime(2030, 1, 1, tzinfo=timezone.utc)
    articles: list[Article] = []
    gold: dict[str, str] = {}
    event = 0
    while len(articles) < n_articles:
        event += 1
        kind = rng.choice(sorted(KINDS))
        leads, facts = KINDS[kind]
        when = base + timedelta(days=rng.uniform(0, 365))
        f = {
            "place": rng.choice(places), "org": rng.choice(orgs),
            "who": rng.choice(["police", "officials", "the mayor's office", "local radio"]),
            "person": f"{_name(rng)} {_name(rng, 3)}", "street": f"{_name(rng)} Street",
            "n1": str(rng.randint(2, 90)), "n2": str(rng.randint(2, 400)), "n3": str(rng.randint(2, 70)),
            "day": DAYS[when.weekday()],
        }
        base_body = [_fill(t, f) for t in facts]
        for k in range(min(rng.randint(1, 12), n_articles - len(articles))):
            pub = when + timedelta(hours=rng.uniform(1, 72))
            style = rng.random()
            lead = _fill(rng.choice(leads), f)
            body = base_body[:]
            if style < 0.25 and k:  # a reprint: the first article's text, maybe with a footer
                text = articles[-k].text + ("\nShare this story." if rng.random() < 0.5 else "")
            else:  # an edit or a rewrite: sentences dropped, reordered, words removed
                rng.shuffle(body)
                body = body[: rng.randint(2, len(body))]
                words = " ".join([lead] + body).split()
                if style > 0.6:
                    words = [w for w in words if rng.random() > 0.1]
                text = " ".join(words)
                text = text + " " + _fill(rng.choice(facts), {**f, "n2": str(int(f["n2"]) + k)})
            aid = f"e{event}-{k}"
            title = f"{f['place']}: {kind} {rng.choice(['update', 'latest', 'report', ''])}".strip()
            articles.append(Article(id=aid, source=aid, text=text, title=title, published=pub))
            gold[aid] = f"e{event}"
    return articles, gold


def _shingles(text: str, k: int = 5) -> set[str]:
    import re

    w = re.findall(r"\w+", text.lower())
    return {" ".join(w[i : i + k]) for i in range(max(1, len(w) - k + 1))}


def near_duplicates(articles: list[Article], gold: dict[str, str]) -> dict[str, float]:
    """Our numpy MinHash/LSH against datasketch's, same shingles, 64 permutations, threshold 0.5."""
    import re

    from datasketch import MinHash, MinHashLSH

    from newsfuse.minhash import LSHIndex, MinHasher, jaccard

    # truth: pairs inside one generated event whose exact 5-gram Jaccard is >= 0.5
    by_event: dict[str, list[int]] = {}
    for i, a in enumerate(articles):
        by_event.setdefault(gold[a.id], []).append(i)
    sh = [_shingles(a.text) for a in articles]
    truth = set()
    for members in by_event.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if len(sh[i] & sh[j]) / len(sh[i] | sh[j]) >= 0.5:
                    truth.add((i, j))

    def recall(found: set[tuple[int, int]]) -> float:
        return len(found & truth) / len(truth) if truth else 1.0

    t0 = time.perf_counter()
    hasher, lsh, sigs, ours = MinHasher(), LSHIndex(), [], set()
    for i, a in enumerate(articles):
        sig = hasher.signature(re.findall(r"\w+", a.text.lower()))
        for j in lsh.query(sig):
            if jaccard(sig, sigs[j]) >= 0.5:
                ours.add((j, i))
        lsh.insert(i, sig)
        sigs.append(sig)
    t_ours = time.perf_counter() - t0

    t0 = time.perf_counter()
    ds, mhs, theirs = MinHashLSH(threshold=0.5, num_perm=64), [], set()
    for i, a in enumerate(articles):
        m = MinHash(num_perm=64)
        m.update_batch([s.encode("utf-8") for s in _shingles(a.text)])
        for j in ds.query(m):
            if m.jaccard(mhs[j]) >= 0.5:
                theirs.add((j, i))
        ds.insert(i, m)
        mhs.append(m)
    t_theirs = time.perf_counter() - t0
    return {"pairs": len(truth), "ours_s": t_ours, "ours_recall": recall(ours),
            "datasketch_s": t_theirs, "datasketch_recall": recall(theirs)}


def run_size(n: int, datasketch: bool) -> dict:
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
    from stories import bcubed

    from newsfuse.stories import cluster_stories

    articles, gold = generate(n)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0, c0 = time.perf_counter(), time.process_time()
    stories = cluster_stories(articles, {}, embedder=None)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    predicted = {aid: s.id for s in stories for aid in s.articles}
    p, r, f = bcubed(gold, predicted)
    out = {"articles": n, "events": len(set(gold.values())), "stories": len(stories),
           "seconds": elapsed, "per_s": n / elapsed, "cpu_s": cpu, "per_cpu_s": n / cpu, "rss_mb_before": rss0 / 1024,
           "rss_mb_peak": rss1 / 1024, "P": p, "R": r, "F1": f}
    if datasketch:
        out["near_dup"] = near_duplicates(articles, gold)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--skip-datasketch", action="store_true")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: one size, JSON out
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_size(args.one, not args.skip_datasketch and args.one <= 10000)))
        return 0
    print("machine: this sandbox, 2-core CPU shared with other jobs (CPU-time rate is the steadier "
          "figure); lexical path (no embedder); sentences not passed (lead = first 600 characters)")
    rows = []
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(n)] + (["--skip-datasketch"] if args.skip_datasketch else [])
        res = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if res.returncode:
            print(f"size {n} failed:\n{res.stderr}", file=sys.stderr)
            return 1
        row = json.loads(res.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(f"{row['articles']:>7} articles {row['events']:>6} events -> {row['stories']:>6} stories  "
              f"{row['per_s']:6.0f} articles/s wall ({row['per_cpu_s']:.0f}/s of CPU time)  {row['seconds']:6.1f} s  peak RSS {row['rss_mb_peak']:6.0f} MB "
              f"(corpus alone {row['rss_mb_before']:.0f} MB)  BCubed P {row['P']:.3f} R {row['R']:.3f} F1 {row['F1']:.3f}")
        nd = row.get("near_dup")
        if nd:
            print(f"        near-duplicate stage on {n} articles ({nd['pairs']} true pairs, J>=0.5): "
                  f"newsfuse.minhash {nd['ours_s']:.1f} s recall {nd['ours_recall']:.3f} | "
                  f"datasketch MinHashLSH {nd['datasketch_s']:.1f} s recall {nd['datasketch_recall']:.3f} | "
                  f"speed ratio {nd['datasketch_s'] / nd['ours_s']:.1f}x")
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        growth = (b["cpu_s"] / a["cpu_s"]) / (b["articles"] / a["articles"])
        mem = ((b["rss_mb_peak"] - b["rss_mb_before"]) / max(1e-9, a["rss_mb_peak"] - a["rss_mb_before"])) / (
            b["articles"] / a["articles"])
        print(f"time per article grows x{growth:.2f} from {a['articles']} to {b['articles']} articles "
              f"(CPU time; 1.00 = linear); clustering memory per article x{mem:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
