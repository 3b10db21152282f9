"""``newsclean batch``: formats in and out, order, bad records, summary, bounded read-ahead.

Fixtures in tests/data are synthetic (see tests/data/README.md); bigger inputs are
generated in tmp_path.
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean import Article, Removal
from newsclean.batch import run_batch
from newsclean.cli import main
from newsclean.errors import InputError
from newsclean.pool import WINDOW_CHUNKS_PER_WORKER, ordered_chunks
from newsclean.progress import Progress
from newsclean.readers import Fields

DATA = Path(__file__).parent / "data"
ROW_KEYS = {"id", "position", "error", "text"}
ERROR_ROW_KEYS = {"id", "position", "error"}


def read_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def article_of(row: dict[str, Any]) -> Article:
    return Article.model_validate({k: v for k, v in row.items() if k not in ROW_KEYS})


def source_texts(path: Path) -> dict[str, str]:
    return {r["id"]: r["text"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def fake_clean(raw: str | bytes, **kwargs: Any) -> Article:
    """A stand-in pipeline with known removals: drops lines starting with 'Baca juga' or 'ADV'."""
    text = raw.decode() if isinstance(raw, bytes) else raw
    if "BOOM" in text:
        raise RuntimeError("pipeline blew up")
    kept, removed = [], []
    for i, line in enumerate(text.splitlines()):
        if line.startswith("Baca juga"):
            removed.append(
                Removal(text=line, rule="related_links", reason="baca juga", start=0, end=1, line=i)
            )
        elif line.startswith("ADV"):
            removed.append(Removal(text=line, rule="ads", reason="advertisement", start=0, end=1, line=i))
        elif line.strip():
            kept.append(line)
    return Article(paragraphs=kept, removals=removed)


def test_jsonl_to_jsonl_keeps_ids_positions_and_articles(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    summary = run_batch(str(DATA / "articles.jsonl"), str(out))
    rows = read_rows(out)
    texts = source_texts(DATA / "articles.jsonl")
    assert [r["id"] for r in rows] == list(texts)
    assert [r["position"] for r in rows] == list(range(len(texts)))
    for row in rows:
        assert row["error"] is None
        assert article_of(row) == newsclean.clean(texts[row["id"]])
    assert (summary.documents, summary.errors) == (len(texts), 0)


def test_default_field_falls_back_to_raw_and_id_to_line_number(tmp_path: Path) -> None:
    src = write_jsonl(
        tmp_path / "in.jsonl", [{"raw": "Satu\nDua"}, {"content": "Tiga"}, {"html": "<p>E</p>"}]
    )
    out = tmp_path / "out.jsonl"
    run_batch(str(src), str(out))
    rows = read_rows(out)
    assert [r["id"] for r in rows] == ["1", "2", "3"]
    assert rows[0]["paragraphs"] == newsclean.clean("Satu\nDua").paragraphs
    assert rows[1]["paragraphs"] == newsclean.clean("Tiga").paragraphs
    assert rows[2]["error"] is None


def test_field_and_id_field_options(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", [{"key": 7, "body": "Isi", "text": "bukan ini"}])
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--field", "body", "--id-field", "key"]) == 0
    [row] = read_rows(out)
    assert row["id"] == "7"
    assert row["paragraphs"] == newsclean.clean("Isi").paragraphs


def test_url_and_site_fields_are_passed_to_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[dict[str, Any]] = []

    def spy(raw: str | bytes, **kwargs: Any) -> Article:
        seen.append(kwargs)
        return Article(paragraphs=["x"])

    monkeypatch.setattr(newsclean, "clean", spy)
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": "a", "link": "https://x.id/1", "outlet": "kompas"}])
    run_batch(str(src), str(tmp_path / "o.jsonl"), fields=Fields(url="link", site="outlet"))
    run_batch(str(src), str(tmp_path / "o.jsonl"))
    assert seen == [{"url": "https://x.id/1", "site": "kompas"}, {"url": None, "site": None}]


def test_csv_with_multiline_and_huge_fields(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run_batch(str(DATA / "articles.csv"), str(out))
    rows = read_rows(out)
    texts = source_texts(DATA / "articles.jsonl")
    assert [r["id"] for r in rows] == ["a-1", "a-2", "a-3"]
    for row in rows:
        assert article_of(row) == newsclean.clean(texts[row["id"]])

    huge = "Paragraf panjang sekali. " * 10_000  # over csv's default 128 KiB field limit
    src = tmp_path / "huge.csv"
    with src.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text"])
        writer.writerow([huge])
        writer.writerow(["Kedua"])
    run_batch(str(src), str(out))
    rows = read_rows(out)
    assert [r["id"] for r in rows] == ["2", "3"], "fallback id: the line the row starts on"
    assert rows[0]["error"] is None and rows[0]["paragraphs"] == newsclean.clean(huge).paragraphs


def test_folder_of_files_sorted_by_name(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    summary = run_batch(str(DATA / "pages"), str(out))
    rows = read_rows(out)
    assert [r["id"] for r in rows] == ["a-first.html", "b-second.txt", "c-third.txt"]
    assert summary.documents == 3
    page = (DATA / "pages" / "b-second.txt").read_bytes()
    assert article_of(rows[1]) == newsclean.clean(page)


@pytest.mark.parametrize("workers", [1, 2])
def test_bad_records_become_error_rows_in_place(tmp_path: Path, workers: int) -> None:
    out = tmp_path / "out.jsonl"
    summary = run_batch(str(DATA / "bad.jsonl"), str(out), workers=workers)
    rows = read_rows(out)
    assert [r["id"] for r in rows] == ["a-1", "2", "no-text", "a-2", "5", "a-3"]
    assert [r["position"] for r in rows] == list(range(6))
    errors = [r["error"] for r in rows]
    assert errors[0] is None and errors[3] is None and errors[5] is None
    assert errors[1].startswith("not JSON")
    assert errors[2] == "missing text field: text or raw or content or html"
    assert errors[4] == "not a JSON object: list"
    assert set(rows[1]) == ERROR_ROW_KEYS, "an error row carries no article fields"
    assert (summary.documents, summary.errors) == (6, 3)
    assert [e["id"] for e in summary.first_errors] == ["2", "no-text", "5"]


def test_clean_raising_is_an_error_row_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(newsclean, "clean", fake_clean)
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": "Satu"}, {"text": "BOOM"}, {"text": "Tiga"}])
    out = tmp_path / "out.jsonl"
    summary = run_batch(str(src), str(out))
    rows = read_rows(out)
    assert [r["error"] for r in rows] == [None, "RuntimeError: pipeline blew up", None]
    assert rows[2]["paragraphs"] == ["Tiga"]
    assert summary.errors == 1


def test_order_is_preserved_with_two_workers(tmp_path: Path) -> None:
    records = [
        {"id": f"doc-{i}", "text": f"Berita nomor {i}\n" + "Isi berita. " * (i % 7 * 40)} for i in range(400)
    ]
    src = write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    summary = run_batch(str(src), str(out), workers=2, chunksize=8)
    rows = read_rows(out)
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    assert [r["position"] for r in rows] == list(range(400))
    assert all(r["paragraphs"][0] == f"Berita nomor {i}" for i, r in enumerate(rows))
    assert summary.workers == 2 and summary.documents == 400


def test_summary_counts_removals_per_rule_and_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(newsclean, "clean", fake_clean)
    records = [
        {"text": "Isi\nBaca juga: A\nADV 1\nBaca juga: B"},
        {"text": "BOOM"},
        {"text": "Isi\nADV 2"},
        {"nothing": 1},
    ]
    src = write_jsonl(tmp_path / "in.jsonl", records)
    out, summary_path = tmp_path / "out.jsonl", tmp_path / "summary.json"
    assert main(["batch", str(src), "-o", str(out), "--summary", str(summary_path)]) == 0
    summary = json.loads(summary_path.read_text())
    assert summary["documents"] == 4 and summary["errors"] == 2
    assert summary["removals"] == {"related_links": 2, "ads": 2}
    assert summary["docs_per_second"] > 0 and summary["workers"] == 1
    err = capsys.readouterr().err
    assert "4 documents, 2 errors" in err and "related_links" in err
    assert "\r" not in err, "no progress line when stderr is not a terminal"


def test_limit_and_no_removals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(newsclean, "clean", fake_clean)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(DATA / "articles.jsonl"), "-o", str(out), "--limit", "2", "--no-removals"]) == 0
    rows = read_rows(out)
    assert [r["id"] for r in rows] == ["a-1", "a-2"]
    assert all("removals" not in r for r in rows)
    assert "Baca juga: Cuaca Ekstrem Diprediksi Sepekan" not in rows[0]["paragraphs"]


def test_progress_on_a_terminal_is_a_bar_with_total_rate_and_eta() -> None:
    stream = io.StringIO()
    meter = Progress(stream, tty=True, total=200, interval=0.0)
    meter.update(50, 2)
    meter.finish(200, 2)
    first, last = stream.getvalue().split("\r")[1:]
    assert first.startswith(" 25% |") and "50/200 docs" in first and "docs/s" in first and "ETA" in first
    assert "2 errors" in first
    assert last.startswith("100% |") and "200/200 docs" in last and last.endswith("\n")


def test_progress_without_a_total_reads_the_share_of_input_read() -> None:
    stream = io.StringIO()
    Progress(stream, tty=True, fraction=lambda: 0.5, interval=0.0).update(10, 0)
    assert " 50% |" in stream.getvalue() and "10 docs" in stream.getvalue()


def test_progress_off_a_terminal_is_plain_periodic_lines(tmp_path: Path) -> None:
    stream = io.StringIO()
    meter = Progress(stream, tty=False, total=10, interval=0.0)
    meter.update(5, 0)
    meter.finish(10, 0)
    assert stream.getvalue() == stream.getvalue().lstrip("\r") and stream.getvalue().count("\n") == 1
    assert stream.getvalue().startswith("50% 5/10 docs")


def test_batch_progress_is_drawn_for_a_terminal(tmp_path: Path) -> None:
    stream = io.StringIO()
    run_batch(str(DATA / "articles.jsonl"), str(tmp_path / "o.jsonl"), progress=stream, progress_tty=True)
    assert stream.getvalue().startswith("\r") and "5 docs" in stream.getvalue() and "docs/s" in stream.getvalue()
    assert stream.getvalue().endswith("\n")


def test_stdin_to_stdout_through_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsclean", "batch", "-", "-o", "-", "--workers", "2"],
        input=(DATA / "articles.jsonl").read_bytes(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.decode().splitlines()]
    texts = source_texts(DATA / "articles.jsonl")
    assert [r["id"] for r in rows] == list(texts)
    assert [article_of(r) for r in rows] == [newsclean.clean(t) for t in texts.values()]
    assert b"5 documents, 0 errors" in done.stderr


def test_missing_input_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        run_batch(str(tmp_path / "absent.jsonl"), str(tmp_path / "o.jsonl"))
    assert main(["batch", str(tmp_path / "absent.jsonl"), "-o", str(tmp_path / "o.jsonl")]) == 1


def test_parquet_round_trip(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    run_batch(str(DATA / "bad.jsonl"), str(out))
    table = pq.read_table(out)
    assert table.column("id").to_pylist() == ["a-1", "2", "no-text", "a-2", "5", "a-3"]
    rows = table.to_pylist()
    assert rows[0]["paragraphs"] == newsclean.clean(source_texts(DATA / "articles.jsonl")["a-1"]).paragraphs
    assert rows[1]["error"].startswith("not JSON")

    back = tmp_path / "back.jsonl"
    summary = run_batch(str(out), str(back), fields=Fields(text="dateline"))  # a null text column
    assert summary.documents == 6 and [r["id"] for r in read_rows(back)][:2] == ["a-1", "2"]


def squares(chunk: list[int]) -> list[int]:
    return [n * n for n in chunk]


def no_rows(chunk: list[int], reason: str) -> list[int]:
    raise AssertionError(reason)


def test_ordered_chunks_reads_a_bounded_window_ahead() -> None:
    pulled = 0

    def numbers() -> Iterator[int]:
        nonlocal pulled
        for n in range(100_000):
            pulled += 1
            yield n

    results = ordered_chunks(squares, numbers(), workers=2, chunksize=4, on_lost=no_rows)
    first = list(itertools.islice(results, 10))
    assert first == [n * n for n in range(10)]
    window = 4 * 2 * WINDOW_CHUNKS_PER_WORKER
    assert pulled <= window + 10 + 4, f"read {pulled} items ahead, window is {window}"
    assert list(results)[-1] == 99_999**2
    results.close()


def test_gzipped_jsonl_in_and_out(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(gzip.compress((DATA / "articles.jsonl").read_bytes()))
    out = tmp_path / "out.jsonl.gz"
    run_batch(str(src), str(out))
    rows = [json.loads(line) for line in gzip.decompress(out.read_bytes()).decode().splitlines()]
    assert [r["id"] for r in rows] == list(source_texts(DATA / "articles.jsonl"))


@pytest.mark.parametrize("workers", [1, 2])
def test_a_jsonl_row_is_the_record_head_and_the_articles_own_json(tmp_path: Path, workers: int) -> None:
    """A JSONL row is written as the UTF-8 bytes pydantic serialises the Article to, between the
    record's ``id``/``position`` and ``error``: byte for byte ``model_dump_json``'s text."""
    out = tmp_path / "o.jsonl"
    run_batch(str(DATA / "articles.jsonl"), str(out), workers=workers)
    texts = source_texts(DATA / "articles.jsonl")
    lines = out.read_bytes().decode("utf-8").splitlines()
    assert len(lines) == len(texts)
    for position, (line, (rid, text)) in enumerate(zip(lines, texts.items(), strict=True)):
        head = json.dumps({"id": rid, "position": position}, ensure_ascii=False, separators=(",", ":"))
        body = newsclean.clean(text).model_dump_json()
        text_json = json.dumps(newsclean.clean(text).text, ensure_ascii=False, separators=(",", ":"))
        assert line == f'{head[:-1]},{body[1:-1]},"text":{text_json},"error":null}}'


def test_rows_to_a_stdout_with_no_byte_buffer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``-o -`` writes to ``sys.stdout``'s byte stream; a stdout replaced by a text-only stream
    (a notebook's, a test's ``StringIO``) gets the same rows as text."""
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    run_batch(str(DATA / "articles.jsonl"), "-")
    rows = [json.loads(line) for line in stream.getvalue().splitlines()]
    texts = source_texts(DATA / "articles.jsonl")
    assert [article_of(r) for r in rows] == [newsclean.clean(t) for t in texts.values()]
