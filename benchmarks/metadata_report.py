"""Per document of a corpus: gold title/authors/timestamp/dateline against newsclean's, and
which rule removed the line holding the gold title (``Article.removals``).

    python benchmarks/metadata_report.py CORPUS.jsonl GOLD.jsonl [--only-wrong] [--id SUBSTR]

A diagnostic for finding failure families, not a score (``score.py`` is the score).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json

from newsclean import clean


def _fold(text: object) -> str:
    return " ".join(str(text).split()).casefold() if text else ""


def _same_time(got: object, want: str) -> bool:
    if got is None:
        return False
    if len(want) == 10:
        day = got.date() if isinstance(got, dt.datetime) else got
        return isinstance(day, dt.date) and day.isoformat() == want
    if not isinstance(got, dt.datetime):
        return False
    w = dt.datetime.fromisoformat(want)
    if w.tzinfo and got.tzinfo:
        return abs((w - got).total_seconds()) < 60
    return w.replace(tzinfo=None) == got.replace(tzinfo=None, second=0, microsecond=0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("gold")
    ap.add_argument("--only-wrong", action="store_true")
    ap.add_argument("--id", default="")
    args = ap.parse_args()
    with open(args.corpus, encoding="utf-8") as f:
        docs = {d["id"]: d for d in map(json.loads, f)}
    with open(args.gold, encoding="utf-8") as f:
        golds = [json.loads(line) for line in f]
    for gold in golds:
        if args.id not in gold["id"]:
            continue
        art = clean(docs[gold["id"]]["raw"])
        checks = {
            "title": (gold.get("title"), art.title, _fold(gold.get("title")) == _fold(art.title)),
            "authors": (gold.get("authors"), art.authors,
                        not gold.get("authors") or any(_fold(a) in _fold(" | ".join(art.authors))
                                                       for a in gold["authors"])),
            "time": (gold.get("timestamp"), art.timestamp,
                     not gold.get("timestamp") or _same_time(art.timestamp, gold["timestamp"])),
            "dateline": (gold.get("dateline"), art.dateline, _fold(gold.get("dateline")) == _fold(art.dateline)),
        }
        wrong = [k for k, (_, _, ok) in checks.items() if not ok]
        if args.only_wrong and not wrong:
            continue
        print(f"== {gold['id']}  wrong: {', '.join(wrong) or '-'}  empty_reason={art.empty_reason}")
        for name, (want, got, ok) in checks.items():
            print(f"   {'  ' if ok else '!!'} {name:8} gold={want!r}  got={got!r}")
        if gold.get("title") and not checks["title"][2]:
            t = _fold(gold["title"])
            hits = [r for r in art.removals if t and t in _fold(r.text)]
            for r in hits[:3]:
                print(f"      title line removed by {r.rule}:{r.reason} (line {r.line})")
            if not hits:
                kept = any(t in _fold(p) for p in art.paragraphs)
                print(f"      title line {'kept in body' if kept else 'not found whole'}")
        if gold.get("dateline") and not checks["dateline"][2] and gold.get("paragraphs"):
            print(f"      gold first paragraph: {gold['paragraphs'][0][:90]!r}")
            print(f"      our first paragraph:  {(art.paragraphs or [''])[0][:90]!r}")


if __name__ == "__main__":
    main()
