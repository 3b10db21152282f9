"""Measure newsclean.html.parse_html on the shared HTML corpus against its gold.

    python benchmarks/html_regions.py [--corpus DIR] [--trafilatura] [--show ID]

Body precision/recall/F1 of ``HtmlPage.text`` (all lines) against the gold paragraphs,
bag of words with the tokenisation of the shared ``tools/score.py``; title, author and
date accuracy of ``HtmlPage.meta``; documents per second (optionally trafilatura's too).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from newsclean.html import parse_html

SHARED = Path("/work/shared")


def _score_module() -> Any:
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_DATE_RE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*T?\s*(?:(\d{1,2})[:-](\d{2}))?")


_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            "jan januari january",
            "feb februari february pebruari",
            "mar maret march",
            "apr april",
            "mei may",
            "jun juni june",
            "jul juli july",
            "agu agustus aug august agt",
            "sep september sept",
            "okt oktober oct october",
            "nov november nop nopember",
            "des desember dec december",
        ]
    )
    for m in names.split()
}
_TEXT_DATE_RE = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})(?:\D{1,12}?(\d{1,2})[:.](\d{2}))?")


def parse_date(raw: str | None) -> tuple[str, str | None] | None:
    """(date, HH:MM local wall clock as written) from a raw date string, tolerant."""
    if not raw:
        return None
    m = _DATE_RE.search(raw)
    if not m:
        t = _TEXT_DATE_RE.search(raw)
        if not t or t.group(2).lower() not in _MONTHS:
            return None
        d, mon, y, h, mi = t.groups()
        day = f"{int(y):04d}-{_MONTHS[mon.lower()]:02d}-{int(d):02d}"
        return day, (f"{int(h):02d}:{mi}" if h else None)
    y, mo, d, h, mi = m.groups()
    day = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
    clock = f"{int(h):02d}:{mi}" if h else None
    # honour an explicit UTC offset when gold-comparable
    try:
        stamp = dt.datetime.fromisoformat(raw.replace(" T", "T").replace("Z", "+00:00"))
    except ValueError:
        stamp = None
    if stamp is not None and stamp.tzinfo is not None:
        return day, clock + "|" + stamp.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M") if clock else None
    return day, clock


def date_ok(raw: str | None, gold: str) -> tuple[bool, bool]:
    """(same day, same minute) — minute compares UTC when both have offsets, else wall clock."""
    got = parse_date(raw)
    if got is None:
        return False, False
    want = dt.datetime.fromisoformat(gold) if len(gold) > 10 else None
    day_ok = got[0] == gold[:10]
    if want is None:
        return day_ok, day_ok
    clock = got[1] or ""
    wall, _, utc = clock.partition("|")
    if want.tzinfo and utc:
        minute = utc == want.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")
    else:
        minute = day_ok and wall == want.strftime("%H:%M")
    if not minute and day_ok and wall == want.strftime("%H:%M"):
        minute = True  # wall clock matches (site wrote local time with a wrong offset)
    return day_ok or minute, minute


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(SHARED / "corpus" / "html"))
    ap.add_argument("--trafilatura", action="store_true")
    ap.add_argument("--show")
    ap.add_argument("--rows", action="store_true")
    args = ap.parse_args()
    score = _score_module()
    corpus = Path(args.corpus)
    golds = [
        json.loads(line) for line in (corpus / "raw.gold.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    pages = {g["id"]: (corpus / (g["id"] + ".html")).read_bytes().decode("utf-8", "replace") for g in golds}
    if args.show:
        page = parse_html(pages[args.show])
        print(page.text)
        print("--- captions", page.captions)
        print("--- meta", page.meta)
        for d in page.decisions:
            print("  ", d.rule, d.reason, d.path, "|", d.text[:70])
        return
    started = time.perf_counter()
    results = {gid: parse_html(html) for gid, html in pages.items()}
    elapsed = time.perf_counter() - started
    rows = []
    for g in golds:
        page = results[g["id"]]
        p, r, f = score.prf(score.tokens(page.text), score.tokens("\n".join(g["paragraphs"])))
        row: dict[str, Any] = {"id": g["id"], "p": p, "r": r, "f": f, "article": page.is_article}
        if g.get("title"):
            row["title"] = score.fold(page.meta.title) == score.fold(g["title"])
        if g.get("authors"):
            got = {score.fold(a) for a in page.meta.authors}
            row["authors"] = any(
                score.fold(a) in got or any(score.fold(a) in x for x in got) for a in g["authors"]
            )
        else:
            row["spurious_authors"] = bool(page.meta.authors)
        if g.get("timestamp"):
            row["date"], row["minute"] = date_ok(page.meta.published, g["timestamp"])
        gold_caps = {score.fold(c) for c in g.get("captions", [])}
        if gold_caps:
            got_caps = {score.fold(c) for c in page.captions}
            row["captions"] = len(gold_caps & got_caps) / len(gold_caps)
        rows.append(row)
        if args.rows:
            print(
                f"{g['id']:38s} P {p:.3f} R {r:.3f} F {f:.3f} title {row.get('title')} "
                f"auth {row.get('authors')} {page.meta.authors} date {row.get('date')}/{row.get('minute')} "
                f"cap {row.get('captions', '-')} {page.decisions[0].reason[:40]}"
            )
    n = len(rows)

    def acc(key: str) -> str:
        vals = [float(r[key]) for r in rows if key in r]
        return f"{sum(vals) / len(vals):.3f} ({len(vals)})" if vals else "-"

    print(f"newsclean.html: {n} docs in {elapsed:.2f}s = {n / elapsed:.1f} docs/s")
    print(
        f"  P {acc('p')}  R {acc('r')}  F1 {acc('f')}  title {acc('title')}  authors {acc('authors')}  "
        f"spurious-authors {acc('spurious_authors')}  date {acc('date')}  minute {acc('minute')}  "
        f"captions {acc('captions')}  articles {acc('article')}"
    )
    if args.trafilatura:
        import trafilatura

        started = time.perf_counter()
        outs = {gid: trafilatura.bare_extraction(html, with_metadata=True) for gid, html in pages.items()}
        t_elapsed = time.perf_counter() - started
        ps, rs, fs = [], [], []
        for g in golds:
            res = outs[g["id"]]
            text = (getattr(res, "text", None) or "") if res is not None else ""
            p, r, f = score.prf(score.tokens(text), score.tokens("\n".join(g["paragraphs"])))
            ps.append(p)
            rs.append(r)
            fs.append(f)
        print(
            f"trafilatura: {n} docs in {t_elapsed:.2f}s = {n / t_elapsed:.1f} docs/s  "
            f"P {sum(ps) / n:.3f}  R {sum(rs) / n:.3f}  F1 {sum(fs) / n:.3f}"
        )


if __name__ == "__main__":
    sys.exit(main())
