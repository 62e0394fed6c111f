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


def test_core_imports_no_other_app_anywhere():
    """Issue 13 item 1: not even inside a function (core asks through registry.provided)."""
    import ast

    core = ROOT / "src" / "peercircle" / "core"
    upward = []
    for path in core.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([node.module or ""] if isinstance(node, ast.ImportFrom)
                     else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            upward += [f"{path.name}: {n}" for n in names
                       if n.startswith("peercircle.") and not n.startswith("peercircle.core")]
    assert upward == []


def test_the_contract_ignores_no_import():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for contract in config["tool"]["importlinter"]["contracts"]:
        assert not contract.get("ignore_imports")
