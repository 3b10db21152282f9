"""``newsclean batch`` never loses a user's data: each fault of issue #12, tried as a user would.

Records in = rows out (rows plus error rows), in order, for every fault, with one and two
workers; an input never shrinks or changes; a stopped batch leaves either the complete output
or none, with ``OUT.partial`` holding whole rows only. Inputs are synthetic, built in tmp_path.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean import Article
from newsclean.batch import run_batch
from newsclean.cli import main
from newsclean.errors import UsageError
from newsclean.readers import Fields

DATA = Path(__file__).parent / "data"
STORY = "JAKARTA, KOMPAS.com - Harga beras naik lagi pekan ini, kata pedagang di pasar induk.\nBaca juga: Harga Cabai"


def rows_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_bytes().decode("utf-8").splitlines()]


def write_lines(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return path


def record(rid: str, text: str = STORY, **more: Any) -> bytes:
    return json.dumps({"id": rid, "text": text, **more}).encode()


# --- the output is never the input ---------------------------------------------------------

OUTPUT_MODES = [("jsonl", "x.jsonl"), ("json", "x.json"), ("csv", "x.csv"), ("parquet", "x.parquet"),
                ("folder", "x/"), ("txt", "x/")]


@pytest.mark.parametrize("fmt", [m for m, _ in OUTPUT_MODES])
def test_an_output_equal_to_linked_to_or_inside_the_input_is_refused(tmp_path: Path, fmt: str) -> None:
    src = write_lines(tmp_path / "in.jsonl", [record("a"), record("b")])
    before = src.read_bytes()
    (tmp_path / "link.jsonl").symlink_to(src)
    os.link(src, tmp_path / "hard.jsonl")
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    page = (folder / "a.txt").read_bytes()
    cases = [(src, src), (src, tmp_path / "link.jsonl"), (src, tmp_path / "hard.jsonl"),
             (folder, folder / "out.txt"), (folder, folder / "sub" / "o.jsonl"), (folder / "a.txt", folder)]
    for source, output in cases:
        status = main(["batch", str(source), "-o", str(output), "--format", fmt, "-q"])
        assert status == 2, (source, output)
        assert src.read_bytes() == before and (folder / "a.txt").read_bytes() == page
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]


def test_an_existing_output_is_replaced_only_by_a_complete_one(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "in.jsonl", [record("a"), record("b")])
    out = tmp_path / "out.jsonl"
    out.write_text("my earlier results\n", encoding="utf-8")
    with pytest.raises(UsageError):
        run_batch(str(src), str(out), fields=Fields(text="nope"))
    assert out.read_text(encoding="utf-8") == "my earlier results\n"
    run_batch(str(src), str(out))
    assert [r["id"] for r in rows_of(out)] == ["a", "b"]
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_a_folder_that_is_not_a_batch_output_is_never_replaced(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "in.jsonl", [record("a")])
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    assert main(["batch", str(src), "-o", f"{mine}/", "-q"]) == 2
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep me"
    out = tmp_path / "out"
    assert main(["batch", str(src), "-o", f"{out}/", "-q"]) == 0
    assert main(["batch", str(src), "-o", f"{out}/", "--format", "txt", "-q"]) == 0, "its own output: replaced"
    assert sorted(p.name for p in out.iterdir()) == [".newsclean-batch", "a.txt"]


# --- fields and formats ------------------------------------------------------------------


def test_a_wrong_field_stops_before_cleaning_and_names_the_fields_there_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_lines(tmp_path / "in.jsonl", [record("a", url="u"), record("b")])
    for option in ("--field", "--id-field", "--url-field", "--site-field"):
        assert main(["batch", str(src), "-o", str(tmp_path / "o.jsonl"), option, "body"]) == 2
        err = capsys.readouterr().err
        assert f"{option} 'body'" in err and "they have: id, text, url" in err
    assert not (tmp_path / "o.jsonl").exists() and not (tmp_path / "o.jsonl.partial").exists()
    nothing = write_lines(tmp_path / "none.jsonl", [b'{"body": "x"}'])
    assert main(["batch", str(nothing), "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "--field" in capsys.readouterr().err


def test_the_output_format_comes_from_the_extension_or_format_and_never_falls_back(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "in.jsonl", [record("a"), record("b", "")])
    assert main(["batch", str(src), "-o", str(tmp_path / "out"), "-q"]) == 2
    assert main(["batch", str(src), "-o", str(tmp_path / "out.txt"), "-q"]) == 2
    assert not list(tmp_path.glob("out*"))

    assert main(["batch", str(src), "-o", str(tmp_path / "o.json"), "-q"]) == 0
    array = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in array] == ["a", "b"] and array[0]["text"] == newsclean.clean(STORY).text

    assert main(["batch", str(src), "-o", str(tmp_path / "o.csv"), "-q"]) == 0
    with (tmp_path / "o.csv").open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [r["id"] for r in table] == ["a", "b"] and table[0]["dateline"] == "JAKARTA"
    assert table[0]["text"] == newsclean.clean(STORY).text and json.loads(table[0]["paragraphs"])

    assert main(["batch", str(src), "-o", str(tmp_path / "o"), "--format", "txt", "-q"]) == 0
    assert (tmp_path / "o" / "a.txt").read_text(encoding="utf-8") == newsclean.clean(STORY).text + "\n"
    assert (tmp_path / "o" / "b.txt").read_text(encoding="utf-8") == "\n"

    assert main(["batch", str(src), "-o", str(tmp_path / "j") + "/", "-q"]) == 0
    assert json.loads((tmp_path / "j" / "a.json").read_text(encoding="utf-8"))["dateline"] == "JAKARTA"


def test_parquet_has_real_timestamp_columns(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    pa = pytest.importorskip("pyarrow")
    text = "Harga Beras Naik\nSelasa, 2 Januari 2024 10:30 WIB\n" + STORY
    src = write_lines(tmp_path / "in.jsonl", [record("a", text), record("b", "Tanpa tanggal sama sekali di sini.")])
    out = tmp_path / "o.parquet"
    run_batch(str(src), str(out))
    table = pq.read_table(out)
    assert table.schema.field("timestamp").type == pa.timestamp("us", tz="UTC")
    rows = table.to_pylist()
    expected = newsclean.clean(text).timestamp
    assert rows[0]["timestamp"] == expected and rows[0]["timestamp_text"] == expected.isoformat()
    assert rows[1]["timestamp"] is None and rows[0]["text"] == newsclean.clean(text).text


# --- inputs -----------------------------------------------------------------------------


def test_a_bom_never_costs_the_first_record_or_the_header(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "in.jsonl", [b"\xef\xbb\xbf" + record("a"), record("b")])
    run_batch(str(src), str(tmp_path / "o.jsonl"))
    assert [(r["id"], r["error"]) for r in rows_of(tmp_path / "o.jsonl")] == [("a", None), ("b", None)]
    table = tmp_path / "in.csv"
    table.write_bytes(b"\xef\xbb\xbfid,text\r\nx-1,Satu dua tiga empat lima.\r\n")
    run_batch(str(table), str(tmp_path / "c.jsonl"))
    assert [(r["id"], r["error"]) for r in rows_of(tmp_path / "c.jsonl")] == [("x-1", None)]


def test_invalid_utf8_is_an_error_row_never_replacement_characters(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "in.jsonl", [record("a"), b'{"id": "b", "text": "caf\xe9"}', record("c")])
    run_batch(str(src), str(tmp_path / "o.jsonl"))
    rows = rows_of(tmp_path / "o.jsonl")
    assert [r["id"] for r in rows] == ["a", "2", "c"]
    assert rows[1]["error"].startswith("not UTF-8") and rows[0]["error"] is None

    latin = tmp_path / "latin.csv"
    latin.write_bytes("id,text\nx,Caf\xe9 di Bandung buka lagi.\ny,Tanpa masalah.\n".encode("latin-1"))
    run_batch(str(latin), str(tmp_path / "l.jsonl"))
    rows = rows_of(tmp_path / "l.jsonl")
    assert rows[0]["error"].startswith("not utf-8") and "--encoding" in rows[0]["error"]
    assert rows[1]["error"] is None
    run_batch(str(latin), str(tmp_path / "l.jsonl"), encoding="latin-1")
    assert rows_of(tmp_path / "l.jsonl")[0]["paragraphs"] == ["Café di Bandung buka lagi."]


def test_a_csv_quote_left_open_is_reported_not_merged_silently(tmp_path: Path) -> None:
    table = tmp_path / "in.csv"
    table.write_text('id,text\n1,"Satu."\n2,"Dua tanpa tutup\n3,"Tiga."\n4,"Empat."\n', encoding="utf-8")
    run_batch(str(table), str(tmp_path / "o.jsonl"))
    rows = rows_of(tmp_path / "o.jsonl")
    assert rows[0]["id"] == "1" and rows[0]["error"] is None
    assert any(r["error"] and "malformed CSV" in r["error"] for r in rows)


def test_a_carriage_return_between_json_tokens_does_not_split_a_record(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "in.jsonl", [b'{"id": "a",\r "text": "Satu dua tiga."}', record("b")])
    run_batch(str(src), str(tmp_path / "o.jsonl"))
    assert [(r["id"], r["error"]) for r in rows_of(tmp_path / "o.jsonl")] == [("a", None), ("b", None)]


def test_a_folder_says_what_it_skipped_and_reads_more_when_asked(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b.md").write_text(STORY, encoding="utf-8")
    (folder / "sub" / "c.txt").write_text(STORY, encoding="utf-8")
    summary = run_batch(str(folder), str(tmp_path / "o.jsonl"))
    assert summary.documents == 1
    assert summary.skipped == {"files in subfolders (use --recursive)": 1, "files of other extensions (use --glob)": 1}
    assert "skipped 1 files in subfolders" in summary.format()
    summary = run_batch(str(folder), str(tmp_path / "o.jsonl"), recursive=True)
    assert [r["id"] for r in rows_of(tmp_path / "o.jsonl")] == ["a.txt", "sub/c.txt"]
    run_batch(str(folder), str(tmp_path / "o.jsonl"), pattern="*.md")
    assert [r["id"] for r in rows_of(tmp_path / "o.jsonl")] == ["b.md"]


def test_a_corrupt_parquet_file_is_an_error_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pyarrow")
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1 this is not parquet")
    assert main(["batch", str(bad), "-o", str(tmp_path / "o.jsonl")]) == 1
    err = capsys.readouterr().err
    assert "bad.parquet" in err and "Traceback" not in err


# --- one bad record never stops a batch ------------------------------------------------


@pytest.mark.parametrize("workers", [1, 2])
def test_every_bad_record_is_an_error_row_in_place(tmp_path: Path, workers: int) -> None:
    deep = b'{"id": "deep", "text": ' + b"[" * 1000 + b"]" * 1000 + b"}"
    lines = [
        record("a"),
        deep,
        b'{"id": "big", "text": "x", "n": ' + b"9" * 4400 + b"}",
        b'{"id": "\\ud800", "text": "Isi berita yang cukup panjang.", "url": "http://a/\\ud800", "site": "\\udc80"}',
        record("z"),
    ]
    src = write_lines(tmp_path / "in.jsonl", lines)
    summary = run_batch(str(src), str(tmp_path / "o.jsonl"), workers=workers, chunksize=1,
                        fields=Fields(url="url", site="site"))
    rows = rows_of(tmp_path / "o.jsonl")
    assert [r["position"] for r in rows] == list(range(5)) and summary.documents == 5
    assert rows[0]["error"] is None and rows[4]["error"] is None
    assert rows[1]["error"].startswith("not JSON") and rows[2]["error"].startswith("not JSON")
    assert rows[3]["id"] == "\ufffd" and rows[3]["error"] is None and rows[3]["url"] == "http://a/\ufffd"


def test_a_truncated_gzip_gives_its_records_and_an_error_row_for_the_cut(tmp_path: Path) -> None:
    whole = gzip.compress(b"".join(record(f"r{i}", STORY * 20) + b"\n" for i in range(200)))
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(whole[: len(whole) // 2])
    summary = run_batch(str(src), str(tmp_path / "o.jsonl"))
    rows = rows_of(tmp_path / "o.jsonl")
    assert rows[0]["id"] == "r0" and rows[-1]["error"].startswith("input ends early")
    assert summary.errors >= 1 and summary.documents == len(rows)


def test_a_file_name_that_is_not_utf8_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    Path(folder, name).write_text(STORY, encoding="utf-8")
    run_batch(str(folder), str(tmp_path / "o.jsonl"))
    [row] = rows_of(tmp_path / "o.jsonl")
    assert row["id"] == "caf\ufffd.txt" and row["error"] is None


def killing_clean(raw: str | bytes, **kwargs: Any) -> Article:
    """A stand-in pipeline: 'KILL' kills its process (as the OOM killer does), 'ONCE' does so
    the first time only (a marker file remembers), anything else is one paragraph."""
    text = raw.decode() if isinstance(raw, bytes) else raw
    marker = os.environ.get("NEWSCLEAN_TEST_MARKER", "")
    if text == "KILL" or (text == "ONCE" and marker and not os.path.exists(marker)):
        if text == "ONCE":
            Path(marker).touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return Article(paragraphs=[text])


def test_a_killed_worker_is_reported_and_its_records_are_retried_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(newsclean, "clean", killing_clean)
    monkeypatch.setenv("NEWSCLEAN_TEST_MARKER", str(tmp_path / "killed-once"))
    texts = [f"teks {i}" for i in range(40)]
    texts[7], texts[23] = "ONCE", "KILL"
    src = write_lines(tmp_path / "in.jsonl", [record(str(i), t) for i, t in enumerate(texts)])
    started = time.monotonic()
    summary = run_batch(str(src), str(tmp_path / "o.jsonl"), workers=2, chunksize=4)
    assert time.monotonic() - started < 60
    rows = rows_of(tmp_path / "o.jsonl")
    assert [r["id"] for r in rows] == [str(i) for i in range(40)]
    assert rows[7]["paragraphs"] == ["ONCE"], "retried once in a fresh worker"
    assert "worker process died twice" in rows[23]["error"]
    assert all(r["error"] is None for i, r in enumerate(rows) if i != 23)
    assert summary.errors == 1 and summary.incidents and "died" in summary.format()


def slow_clean(raw: str | bytes, **kwargs: Any) -> Article:
    text = raw.decode() if isinstance(raw, bytes) else raw
    if text == "SLOW":
        time.sleep(30)
    return Article(paragraphs=[text])


@pytest.mark.parametrize("workers", [1, 2])
def test_a_runaway_record_becomes_a_timeout_error_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    monkeypatch.setattr(newsclean, "clean", slow_clean)
    src = write_lines(tmp_path / "in.jsonl", [record("a", "cepat"), record("b", "SLOW"), record("c", "cepat")])
    started = time.monotonic()
    run_batch(str(src), str(tmp_path / "o.jsonl"), workers=workers, timeout=0.5, chunksize=1)
    assert time.monotonic() - started < 20
    rows = rows_of(tmp_path / "o.jsonl")
    assert rows[1]["error"].startswith("timeout") and rows[0]["error"] is None and rows[2]["error"] is None


# --- stopping: signals and a full disk ---------------------------------------------------

STOPPABLE = """
import sys, time, newsclean
from newsclean import Article
def slow(raw, **kw):
    time.sleep(0.002)
    return Article(paragraphs=[raw if isinstance(raw, str) else raw.decode()])
newsclean.clean = slow
from newsclean.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _big_input(tmp_path: Path, n: int = 4000) -> Path:
    return write_lines(tmp_path / "in.jsonl", [record(f"r{i}", f"Paragraf nomor {i}. " * 30) for i in range(n)])


def _assert_whole_rows(path: Path) -> int:
    data = path.read_bytes()
    assert data.endswith(b"\n")
    lines = data.decode("utf-8").splitlines()
    for i, line in enumerate(lines):
        assert json.loads(line)["position"] == i
    return len(lines)


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
@pytest.mark.parametrize("workers", [1, 2])
def test_a_signal_stops_cleanly_keeping_whole_rows_in_the_partial_output(
    tmp_path: Path, signum: int, status: int, workers: int
) -> None:
    src = _big_input(tmp_path)
    out = tmp_path / "out.jsonl"
    out.write_text("earlier\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-c", STOPPABLE, "batch", str(src), "-o", str(out), "--workers", str(workers),
         "--chunksize", "16"],
        stderr=subprocess.PIPE, start_new_session=True,
    )
    partial = tmp_path / "out.jsonl.partial"
    deadline = time.monotonic() + 30
    while (not partial.exists() or partial.stat().st_size < 70_000) and time.monotonic() < deadline:
        time.sleep(0.05)
    if signum == signal.SIGINT:
        os.killpg(proc.pid, signum)  # Ctrl-C reaches the whole process group
    else:
        proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == status, err
    text = err.decode()
    assert "Traceback" not in text and "out.jsonl.partial" in text and "records were cleaned" in text
    assert out.read_text(encoding="utf-8") == "earlier\n", "the old output is untouched"
    assert 0 < _assert_whole_rows(partial) < 4000


def test_a_full_disk_keeps_whole_rows_and_says_so(tmp_path: Path) -> None:
    src = _big_input(tmp_path, 2000)
    out = tmp_path / "out.jsonl"

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))

    done = subprocess.run(
        [sys.executable, "-m", "newsclean", "batch", str(src), "-o", str(out), "--no-removals"],
        capture_output=True, preexec_fn=small_files, timeout=120, check=False,
    )
    assert done.returncode == 1, done.stderr
    assert b"cannot write" in done.stderr and b"Traceback" not in done.stderr
    assert not out.exists()
    assert 0 < _assert_whole_rows(tmp_path / "out.jsonl.partial") < 2000


# --- the clean command ----------------------------------------------------------------


def test_clean_reads_stdin_by_default_and_writes_a_file_or_markdown(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "newsclean", "clean", "--format", "markdown"],
                          input=STORY.encode(), capture_output=True, timeout=60, check=False)
    assert done.returncode == 0 and done.stdout.decode().startswith("*JAKARTA*\n\nHarga beras naik")
    out = tmp_path / "a.json"
    assert main(["clean", str(DATA / "page.txt"), "--format", "json", "-o", str(out)]) == 0
    assert Article.model_validate_json(out.read_text(encoding="utf-8")) == newsclean.clean(
        (DATA / "page.txt").read_bytes()
    )


def test_clean_into_a_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    page = tmp_path / "long.txt"
    page.write_text("\n".join(f"Paragraf nomor {i} dari berita yang panjang ini." for i in range(20000)),
                    encoding="utf-8")
    done = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m newsclean clean "{page}" | head -1; echo "${{PIPESTATUS[0]}}" >&2'],
        capture_output=True, timeout=60, check=False,
    )
    assert done.stdout.decode().startswith("Paragraf nomor 0")
    assert done.stderr.decode().strip() == "0", done.stderr


def test_batch_and_clean_take_phrases_and_disable(tmp_path: Path) -> None:
    phrases = tmp_path / "mine.toml"
    phrases.write_text('[prompts]\nlines = [ { id = "poll", pattern = \'Ikuti polling kami.{0,40}\' } ]\n',
                       encoding="utf-8")
    text = STORY + "\nIkuti polling kami hari ini"
    src = write_lines(tmp_path / "in.jsonl", [record("a", text)])
    assert main(["batch", str(src), "-o", str(tmp_path / "o.jsonl"), "--phrases", str(phrases),
                 "--disable", "related_links", "-q"]) == 0
    [row] = rows_of(tmp_path / "o.jsonl")
    assert "Ikuti polling kami hari ini" not in row["paragraphs"]
    assert "Baca juga: Harga Cabai" in row["paragraphs"]
    assert main(["batch", str(src), "-o", str(tmp_path / "o.jsonl"), "--disable", "nope", "-q"]) == 2


def test_killing_the_batch_itself_leaves_no_orphan_worker(tmp_path: Path) -> None:
    src = _big_input(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-c", STOPPABLE, "batch", str(src), "-o", str(tmp_path / "o.jsonl"), "--workers", "2"],
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    children: list[int] = []
    while len(children) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        tasks = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
        children = [int(p) for p in tasks.read_text().split()] if tasks.exists() else []
    assert len(children) >= 2, "the workers started"
    proc.kill()
    proc.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{c}").exists() and "Z" not in _state(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [c for c in children if Path(f"/proc/{c}").exists() and "Z" not in _state(c)]


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return "Z"
