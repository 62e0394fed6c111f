"""PeerCircle benchmarks. Prints one line per figure: `bench: NAME VALUE UNIT`.

Quick scale by default; SCALE=large for the full one. Runs on a throw-away SQLite database
unless DATABASE_URL points elsewhere (use a scratch PostgreSQL database for that).
"""

import os
import sys
import tempfile
from pathlib import Path

SCALES = {
    # smoke: tiny, for tests/test_benchmarks.py, which keeps `make bench` runnable
    "smoke": {"activities": 30, "beneficiaries": 20, "repeats": 2,
              "routing_requests": 40, "routing_consultants": 20, "routing_repeats": 1},
    "quick": {"activities": 2_000, "beneficiaries": 500, "repeats": 15,
              "routing_requests": 2_000, "routing_consultants": 1_000, "routing_repeats": 3},
    "large": {"activities": 50_000, "beneficiaries": 10_000, "repeats": 40,
              "routing_requests": 10_000, "routing_consultants": 5_000, "routing_repeats": 3},
}


def setup_django(workdir: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    os.environ.setdefault("DEBUG", "true")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["PEERCIRCLE_HOME"] = str(workdir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "peercircle.settings"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def report(name: str, value: float, unit: str) -> None:
    print(f"bench: {name} {value:.3f} {unit}", flush=True)


def run_all(name: str, report=report) -> None:
    """Every benchmark at one scale, into the database Django is set up with."""
    from benchmarks import imports, ledger, reporting, routing

    scale = {**SCALES[name], "name": name}
    for part in (ledger, routing, reporting, imports):
        part.run(scale, report)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp))
        run_all(os.environ.get("SCALE", "quick"))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
