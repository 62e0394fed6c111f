"""The layers contract (pyproject.toml [tool.importlinter]): core imports no other app, and each
app imports only the apps below it. `make lint` runs the same check; this keeps it in the suite."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_apps_import_only_the_layers_below_them():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "1 kept, 0 broken" in result.stdout


def test_core_declares_no_other_app_in_its_access_rules_or_home_page():
    core = ROOT / "src" / "peercircle" / "core"
    for module in ("access.py", "dashboard.py", "registry.py", "roles.py"):
        text = (core / module).read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.startswith(("from peercircle.", "import peercircle.")):
                assert line.startswith(("from peercircle.core", "import peercircle.core")), line
