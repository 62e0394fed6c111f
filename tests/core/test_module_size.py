"""Issue 13 item 6: one module convention. A module over 600 lines becomes a package along its
sections; a function over 50 lines is split. Demo data builders may be longer."""

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "src" / "peercircle"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 50
# demo data reads as one story per programme
ALLOWED_LONG_FUNCTIONS = {("mentoring/demo.py", "_mentors")}


def _modules():
    for path in sorted(SOURCE.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path.relative_to(SOURCE).as_posix(), path.read_text(encoding="utf-8")


def test_no_module_is_over_600_lines():
    long = {name: text.count("\n") for name, text in _modules()
            if text.count("\n") > MAX_MODULE_LINES}
    assert long == {}


def test_no_function_is_over_50_lines():
    long = set()
    for name, text in _modules():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                if node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES:
                    long.add((name, node.name))
    assert long - ALLOWED_LONG_FUNCTIONS == set()
