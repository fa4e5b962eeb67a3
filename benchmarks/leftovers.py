"""Line-level leftover removal on the project's labelled plain-text pages.

Usage: python benchmarks/leftovers.py [-v]

Reads tests/data/leftovers/*.txt with their .json labels and prints the precision and
recall of the lines that cleaning removes as leftovers (the headline line is scored
separately, as headline accuracy), then the speed of the whole clean() on plain text.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "leftovers"


@dataclass(frozen=True)
class LeftoverScores:
    pages: int
    precision: float
    recall: float
    headline_accuracy: float
    errors: tuple[str, ...]


def evaluate(data_dir: Path = DATA) -> LeftoverScores:
    from newsfuse.textclean import classify_lines

    tp = fp = fn = 0
    headlines_ok = 0
    errors: list[str] = []
    files = sorted(data_dir.glob("*.txt"))
    for path in files:
        labels = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        gold = set(labels["leftovers"])
        result = classify_lines(path.read_text(encoding="utf-8"))
        pred = {v.index + 1 for v in result.lines if v.role == "leftover"}
        head = None if result.headline_index is None else result.headline_index + 1
        headlines_ok += head == labels["headline"]
        if head != labels["headline"]:
            errors.append(f"{path.name}: headline line {head}, expected {labels['headline']}")
        for v in result.lines:
            n = v.index + 1
            if n in pred and n not in gold:
                errors.append(f"{path.name}:{n} removed ({v.reason}) but is article text: {v.text[:70]}")
            elif n in gold and n not in pred and n != head:
                errors.append(f"{path.name}:{n} kept as {v.role} but is a leftover: {v.text[:70]}")
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    return LeftoverScores(
        pages=len(files),
        precision=tp / (tp + fp) if tp + fp else 0.0,
        recall=tp / (tp + fn) if tp + fn else 0.0,
        headline_accuracy=headlines_ok / len(files) if files else 0.0,
        errors=tuple(errors),
    )


def aeb_body_flags() -> tuple[int, int] | None:
    """(lines flagged, lines) when the context-free line rules run over AEB's true article bodies.

    Real article text written by others: every flag is either a false positive or a credit /
    copyright line the AEB annotators kept in the body.  None when the data is absent.
    """
    from newsfuse.textclean import line_reason

    truth_path = REPO.parent / "shared" / "evaldata" / "aeb" / "ground-truth.json"
    if not truth_path.is_file():
        return None
    flagged = total = 0
    for page in json.loads(truth_path.read_text(encoding="utf-8")).values():
        for line in page.get("articleBody", "").splitlines():
            line = " ".join(line.split())
            if not line or not any(ch.isalnum() for ch in line):
                continue
            total += 1
            flagged += line_reason(line) is not None
    return flagged, total


def main() -> int:
    scores = evaluate()
    print(f"leftover lines on {scores.pages} labelled pages: precision {scores.precision:.3f}  recall {scores.recall:.3f}")
    print(f"headline accuracy {scores.headline_accuracy:.3f}")
    if "-v" in sys.argv:
        for e in scores.errors:
            print("  ", e)

    flags = aeb_body_flags()
    if flags:
        print(f"line rules flag {flags[0]} of {flags[1]} lines of AEB's true article bodies ({flags[0] / flags[1]:.1%}; -v lists them)")
        if "-v" in sys.argv:
            from newsfuse.textclean import line_reason

            truth = json.loads((REPO.parent / "shared" / "evaldata" / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
            for page in truth.values():
                for line in page.get("articleBody", "").splitlines():
                    reason = line_reason(" ".join(line.split())) if any(ch.isalnum() for ch in line) else None
                    if reason:
                        print(f"   AEB body line flagged ({reason}): {line.strip()[:90]}")

    from newsfuse.clean import clean
    from newsfuse.model import RawDocument

    docs = [
        RawDocument(source=p.name, kind="text", content=p.read_text(encoding="utf-8"))
        for p in sorted(DATA.glob("*.txt"))
    ]
    clean(docs[0])  # load the language model outside the timing
    rounds = 5
    start = time.perf_counter()
    for _ in range(rounds):
        for d in docs:
            clean(d)
    elapsed = time.perf_counter() - start
    print(f"speed {rounds * len(docs) / elapsed:.0f} plain-text pages/s through clean() on one process")
    return 0


if __name__ == "__main__":
    sys.exit(main())
