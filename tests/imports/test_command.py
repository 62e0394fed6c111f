import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django_scopes import scopes_disabled

from peercircle.core.models import Activity
from peercircle.imports.models import ImportRun
from tests.imports.factories import consultation_csv, world

pytestmark = pytest.mark.django_db

PEERCIRCLE = Path(sys.executable).with_name("peercircle")


def _file(tmp_path, consultant, rows=None):
    path = tmp_path / "consultations.csv"
    path.write_bytes(consultation_csv(rows or [
        ["c-1", "05.03.2025", "45", "phone", consultant.email, "B-OK", "", ""],
        ["c-2", "05.03.2025", "0", "phone", consultant.email, "", "", ""],
    ]))
    return path


def test_dry_run_then_import_then_again(org, member, tmp_path, capsys):
    coordinator, consultant, *_ = world(org, member)
    path = _file(tmp_path, consultant)
    call_command("import", "consultations", str(path), "--org", org.slug, "--dry-run")
    out = capsys.readouterr().out
    assert "2 rows: 1 valid, 0 imported before, 1 rejected; 0 written (dry run" in out
    assert f"row 3 ({consultant.email} · 05.03.2025): Give a duration between 1 minute and 24 " \
        "hours." in out
    rejected = tmp_path / "consultations.csv.rejected.csv"
    assert rejected.exists() and "Give a duration" in rejected.read_text(encoding="utf-8-sig")
    with scopes_disabled():
        assert not Activity.objects.exists() and not ImportRun.objects.exists()
    call_command("import", "consultations", str(path), "--org", org.slug,
                 "--user", coordinator.email, "--language", "ru")
    assert "1 written" in capsys.readouterr().out
    call_command("import", "consultations", str(path), "--org", org.slug)
    assert "1 imported before" in capsys.readouterr().out
    with scopes_disabled():
        assert Activity.objects.get().external_id == "c-1"
        assert ImportRun.objects.filter(status="imported").count() == 2


def test_command_errors_are_clear(org, member, tmp_path):
    _coordinator, consultant, *_ = world(org, member)
    path = _file(tmp_path, consultant)
    with pytest.raises(CommandError, match="No organisation"):
        call_command("import", "consultations", str(path), "--org", "nowhere")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="empty"):
        call_command("import", "consultations", str(empty), "--org", org.slug)
    with pytest.raises(CommandError, match="Unknown field"):
        call_command("import", "consultations", str(path), "--org", org.slug, "--map", "nope=ID")


def _run(env, *args, **kwargs):
    return subprocess.run([str(PEERCIRCLE), *args], env=env, check=True, capture_output=True,
                          text=True, timeout=300, **kwargs)


SETUP = """
from django_scopes import scopes_disabled
from peercircle.accounts.models import User
from peercircle.organisations.models import Membership, Organisation
org = Organisation.objects.create(name="Kill", slug="kill")
user = User.objects.create_user("k@example.org", "kill-password-1", full_name="K")
Membership.objects.create(user=user, organisation=org, role="coordinator")
"""
COUNT = """
from django_scopes import scopes_disabled
from peercircle.core.models import Activity
from peercircle.imports.models import ImportRun
with scopes_disabled():
    print("counts", Activity.objects.count(), ImportRun.objects.count())
"""


def test_a_killed_import_leaves_nothing_half_written(tmp_path):
    env = {**os.environ, "DEBUG": "true", "PEERCIRCLE_HOME": str(tmp_path),
           "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "MEDIA_ROOT": str(tmp_path)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    _run(env, "migrate", "-v0")
    _run(env, "shell", "-c", SETUP)
    rows = [[f"k-{i}", "05.03.2025", "30", "phone", "k@example.org", "", "", ""] for i in range(60000)]
    path = tmp_path / "big.csv"
    path.write_bytes(consultation_csv(rows))
    process = subprocess.Popen([str(PEERCIRCLE), "import", "consultations", str(path), "--org", "kill",
                                "-v", "2"], env=env, stdout=subprocess.PIPE, text=True)
    try:
        for line in process.stdout:
            if line.startswith("written "):  # the first batch is in the database's transaction
                process.send_signal(signal.SIGKILL)
                break
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    assert "counts 0 0" in _run(env, "shell", "-c", COUNT).stdout
    # and the same file imports completely afterwards
    _run(env, "import", "consultations", str(path), "--org", "kill")
    assert "counts 60000 1" in _run(env, "shell", "-c", COUNT).stdout
