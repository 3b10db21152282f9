"""``newsclean.dask`` on a real local cluster (two worker processes) gives the in-process output.

Skipped when dask is not installed (``pip install '.[dask]'``). Fixtures are the
synthetic records of tests/data (see tests/data/README.md) plus generated ones.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsclean

db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")
distributed = pytest.importorskip("distributed")

from newsclean.dask import clean_bag, clean_dataframe  # noqa: E402

DATA = Path(__file__).parent / "data"


def records() -> list[dict[str, Any]]:
    lines = (DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    base = [json.loads(line) for line in lines]
    more = [{"id": f"gen-{i}", "text": f"Judul {i}\nIsi berita ke-{i}.\n\nPenutup {i}."} for i in range(20)]
    return base + more


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def test_bag_on_the_cluster_equals_in_process(client: Any) -> None:
    recs = records()
    expected = [newsclean.clean(r["text"]).model_dump() for r in recs]
    bag = db.from_sequence(recs, npartitions=4)
    assert clean_bag(bag).compute() == expected
    assert clean_bag(bag, field="text").compute() == expected
    texts = db.from_sequence([r["text"] for r in recs], npartitions=3)
    assert clean_bag(texts).compute() == expected
    worker_pids = set(db.from_sequence(range(8), npartitions=8).map(lambda _: os.getpid()).compute())
    assert os.getpid() not in worker_pids, "the work ran in the cluster's worker processes"


def test_dataframe_on_the_cluster_equals_in_process(client: Any) -> None:
    recs = records()
    frame = pd.DataFrame({"id": [r["id"] for r in recs], "body": [r["text"] for r in recs]})
    ddf = dd.from_pandas(frame, npartitions=3)
    result = clean_dataframe(ddf, column="body")
    assert list(result.columns) == list(newsclean.Article.model_fields)
    computed = result.compute()
    assert list(computed.index) == list(frame.index)
    expected = [newsclean.clean(r["text"]).model_dump() for r in recs]
    assert computed.to_dict("records") == expected
    assert [newsclean.Article.model_validate(row) for row in computed.to_dict("records")] == [
        newsclean.clean(r["text"]) for r in recs
    ]


def test_dataframe_rejects_an_unknown_column() -> None:
    ddf = dd.from_pandas(pd.DataFrame({"text": ["a"]}), npartitions=1)
    with pytest.raises(KeyError, match="no column 'raw'"):
        clean_dataframe(ddf, column="raw")


def test_importing_newsclean_does_not_import_dask() -> None:
    code = "import sys, newsclean, newsclean.cli, newsclean.batch; print('dask' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "False"


def test_missing_dask_names_the_extra() -> None:
    code = (
        "import sys\n"
        "sys.modules['dask'] = None\n"
        "try:\n"
        "    import newsclean.dask\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert "pip install '.[dask]'" in done.stdout
