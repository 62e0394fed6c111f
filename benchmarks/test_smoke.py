"""`make bench` stays runnable: every benchmark at a tiny scale, into the test database, and
every figure the issues name is printed (the figures themselves are measured, not asserted)."""

import re

import pytest

from benchmarks import run

pytestmark = pytest.mark.django_db

NAMED = {"ledger.service_vs_raw_sql", "home.p95_ms", "routing.bulk_seconds",
         "routing.score_vs_optimum", "routing.time_vs_solver", "report.vs_sql_ratio",
         "dashboard.p95_ms", "import.rows_per_second", "import.vs_django_import_export"}


def test_every_benchmark_runs_and_prints_its_figures(capsys, settings):
    settings.REPORTING_CACHE_SECONDS = 600  # as deployed: the dashboard keeps its figures
    run.run_all("smoke")
    lines = capsys.readouterr().out.splitlines()
    figures = {}
    for line in lines:
        match = re.fullmatch(r"bench: (\S+) (-?[0-9.]+) (\S+)", line)
        if match:
            figures[match[1]] = float(match[2])
    assert NAMED <= set(figures), NAMED - set(figures)
    assert figures["routing.score_vs_optimum"] == pytest.approx(1.0)
