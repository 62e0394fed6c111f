import os
import subprocess
import sys
from pathlib import Path

import pytest

import peercircle


def _production_env(**values) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    # The subprocess imports the code under test, not another installed copy.
    source = str(Path(peercircle.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [source, env.get("PYTHONPATH")]))
    return {**env, **values}


def test_deploy_check_is_clean_with_production_settings(tmp_path):
    env = _production_env(**{
        "DJANGO_SETTINGS_MODULE": "peercircle.settings",
        "DEBUG": "false",
        "SECURE": "true",
        "SECRET_KEY": "x" * 20 + "production-like-secret-key-for-the-check-0123456789",
        "ALLOWED_HOSTS": "peercircle.example.org",
        "PEERCIRCLE_HOME": str(tmp_path),
        "CACHE_URL": "dbcache://peercircle_cache",
        "MFA_ENCRYPTION_KEY": "q0PTYlGBMyiQMn41pMqgSGqtMtdlNSj4n21oGW3rtIs=",
    })
    result = subprocess.run(
        [sys.executable, "-m", "peercircle", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_finding_6_deploy_check_refuses_a_cache_local_to_one_process(tmp_path):
    env = _production_env(**{
        "DJANGO_SETTINGS_MODULE": "peercircle.settings", "DEBUG": "false", "SECURE": "true",
        "SECRET_KEY": "x" * 20 + "production-like-secret-key-for-the-check-0123456789",
        "ALLOWED_HOSTS": "peercircle.example.org", "PEERCIRCLE_HOME": str(tmp_path),
        "CACHE_URL": "locmemcache://peercircle",
    })
    result = subprocess.run(
        [sys.executable, "-m", "peercircle", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, check=False,
    )
    assert result.returncode != 0
    assert "peercircle.E001" in result.stdout + result.stderr


def test_finding_15_deploy_check_refuses_a_missing_or_weak_csp(settings):
    from peercircle.core.checks import content_security_policy

    assert content_security_policy(None) == []
    settings.CONTENT_SECURITY_POLICY = settings.CONTENT_SECURITY_POLICY.replace(
        "style-src 'self'", "style-src 'self' 'unsafe-inline'")
    assert [e.id for e in content_security_policy(None)] == ["peercircle.E002"]
    settings.CONTENT_SECURITY_POLICY = ""
    assert [e.id for e in content_security_policy(None)] == ["peercircle.E002"]


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = _production_env(DJANGO_SETTINGS_MODULE="peercircle.settings", DEBUG="false",
                          SECRET_KEY="", PEERCIRCLE_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "peercircle", "check"], env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_dashboard_queries_do_not_grow_with_data(client_for, coordinator, org,
                                                 django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from tests import factories

    client = client_for(coordinator)
    home = reverse("core:dashboard", kwargs={"org": org.slug})
    counts = []
    for _round in range(2):
        for _ in range(30):
            factories.BeneficiaryFactory(organisation=org)
            factories.ActivityFactory(organisation=org)
        client.get(home)  # warm the per-request caches alike for both rounds
        with CaptureQueriesContext(connection) as queries:
            assert client.get(home).status_code == 200
        counts.append(len(queries))
    # The home page gathers reminders from every programme; its queries are a constant.
    assert counts[0] == counts[1] and counts[0] <= 35, counts
    for name in ("people:beneficiary_list", "core:activity_list", "core:audit_list",
                 "organisations:members"):
        with django_assert_max_num_queries(20):
            assert client.get(reverse(name, kwargs={"org": org.slug})).status_code == 200
