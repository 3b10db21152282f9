"""Every input of issue #16 gives a correct Article or a NewscleanError (see tests/_edge_cases.py;
``benchmarks/edge_cases.py`` times them at the issue's sizes)."""

from __future__ import annotations

import pytest

from _edge_cases import CASES, Case


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_edge_case_meets_its_contract(case: Case) -> None:
    assert case.check(case.run(1)), case.what
