"""`make faults`: the faults an operator meets, tried for real, with a verdict for each.

On a throw-away PostgreSQL cluster with production settings (DEBUG off), against a real
gunicorn and real background workers:

- `worker-killed-during-import-check`, `…-import-commit`, `…-export`: `kill -9` of the worker
  while the job runs; a new worker starts; the job must end truthfully (done, exactly once).
- `web-workers-killed-while-posting`: consultations are posted (each resent until answered, as
  the form's offline queue does) while gunicorn's workers are killed; every one must be recorded
  exactly once.
- `database-stopped-10s`: PostgreSQL stopped for 10 s under load; pages must answer a localised
  503 with Retry-After, the worker must stay alive and take work when the database is back.
- `full-volume`: private media on a small volume that is full; an upload must be refused with
  the localised 507 page, with no record and no file left.

Prints one line per scenario — `fault: NAME survived|lost N|stuck` — and `faults: N/M survived`;
exits 1 unless all survived. Needs root (PostgreSQL runs as its user; the small volume is a
tmpfs mount). Takes a few minutes.
"""

import base64
import contextlib
import hashlib
import hmac
import http.client
import http.cookiejar
import os
import random
import re
import secrets
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
PASSWORD = "peercircle-demo"
WAIT = 120  # every job must end truthfully within two minutes

work = Path(tempfile.mkdtemp(prefix="peercircle-faults-"))
os.chmod(work, 0o755)


def log(text: str) -> None:
    print(text, flush=True)


# -- the database ---------------------------------------------------------------------------------

class Cluster:
    def __init__(self):
        self.bin = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: p.parent.name)[-1]
        self.dir = work / "pg"
        self.dir.mkdir()
        shutil.chown(self.dir, "postgres")
        self._as_postgres(f"{self.bin}/initdb -D {self.dir}/data -A trust -U postgres")
        self.start()
        self._as_postgres(f"{self.bin}/createdb -h {self.dir} -U postgres peercircle")

    def _as_postgres(self, command: str) -> None:
        subprocess.run(["su", "postgres", "-c", command], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def start(self) -> None:
        self._as_postgres(f"{self.bin}/pg_ctl -D {self.dir}/data -l {self.dir}/log -w start "
                          f"-o '-k {self.dir} -c listen_addresses= -c fsync=off'")

    def stop(self) -> None:
        self._as_postgres(f"{self.bin}/pg_ctl -D {self.dir}/data -m fast -w stop")

    @property
    def url(self) -> str:
        return f"postgres://postgres@{urllib.parse.quote(str(self.dir), safe='')}/peercircle"


# -- processes ------------------------------------------------------------------------------------

def environment(cluster: Cluster, media: Path) -> dict:
    from cryptography.fernet import Fernet

    return {**os.environ, "DEBUG": "false", "SECRET_KEY": secrets.token_urlsafe(40),
            "MFA_ENCRYPTION_KEY": Fernet.generate_key().decode(),
            "DATABASE_URL": cluster.url, "CACHE_URL": "dbcache://peercircle_cache",
            "ALLOWED_HOSTS": "127.0.0.1", "PEERCIRCLE_HOME": str(work), "MEDIA_ROOT": str(media),
            "TMPDIR": str(work / "tmp"), "FREE_SPACE_MARGIN_BYTES": "0",
            "JOB_STALE_SECONDS": "4", "JOB_HEARTBEAT_SECONDS": "1",
            "JOB_RETRY_BACKOFF_SECONDS": "1,2,3", "SITE_URL": "http://127.0.0.1"}


def peercircle(env, *args) -> str:
    return subprocess.run([str(BIN / "peercircle"), *args], env=env, check=True,
                          capture_output=True, text=True).stdout


class Worker:
    def __init__(self, env):
        self.process = subprocess.Popen(
            [str(BIN / "peercircle"), "db_worker", "--no-reload", "--interval", "0.2",
             "--no-startup-delay"], env=env, stdout=open(work / "worker.log", "a"),
            stderr=subprocess.STDOUT)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()


class Web:
    def __init__(self, env):
        self.port = _free_port()
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "peercircle.wsgi", "--workers", "3", "--bind",
             f"127.0.0.1:{self.port}", "--timeout", "30", "--graceful-timeout", "5"],
            env=env, stdout=open(work / "web.log", "a"), stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def kill_a_worker(self) -> None:
        children = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True,
                                  text=True).stdout.split()
        if children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(random.choice(children)), signal.SIGKILL)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(30)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- a browser's part -----------------------------------------------------------------------------

class Browser:
    def __init__(self, base: str, language: str = "ru"):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.language = language

    def _cookie(self, name):
        return next((c.value for c in self.jar if c.name == name), "")

    def request(self, path, data=None, files=None, timeout=15):
        headers = {"Accept-Language": self.language, "Referer": self.base + path}
        body = None
        if files:
            boundary = uuid.uuid4().hex
            parts = []
            for name, value in (data or {}).items():
                parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
                             f'\r\n\r\n{value}\r\n'.encode())
            for name, (filename, content) in files.items():
                parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                             f'filename="{filename}"\r\nContent-Type: text/csv\r\n\r\n'.encode()
                             + content + b"\r\n")
            body = b"".join(parts) + f"--{boundary}--\r\n".encode()
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        elif data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=timeout) as answer:
                return answer.status, dict(answer.headers), answer.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode("utf-8", "replace")

    def csrf(self, path) -> str:
        self.request(path)
        return self._cookie("csrftoken")

    def sign_in(self, email, totp_secret=None) -> None:
        token = self.csrf("/accounts/login/")
        self.request("/accounts/login/", {"csrfmiddlewaretoken": token, "login": email,
                                          "password": PASSWORD})
        if totp_secret:
            token = self._cookie("csrftoken")
            self.request("/accounts/2fa/authenticate/", {"csrfmiddlewaretoken": token,
                                                         "code": totp_now(totp_secret)})


def totp_now(secret: str) -> str:
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


# -- the application, read and driven from here ---------------------------------------------------

def django_setup(env) -> None:
    """This process reads and drives the same installation: the same settings as its servers."""
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "peercircle.settings"
    tempfile.tempdir = env["TMPDIR"]
    import django

    django.setup()


def db():
    from django.db import connections

    connections.close_all()


def wait_until(check, seconds=WAIT, every=0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        db()
        with contextlib.suppress(Exception):
            value = check()
            if value:
                return value
        time.sleep(every)
    return None


def orphan_files(media: Path) -> list[Path]:
    """Files in media no record names, and partial writes (nothing may be left by a fault)."""
    from peercircle.core.cleanup import referenced_files

    db()
    kept = referenced_files()
    return [p for p in media.rglob("*") if p.is_file() and p.name != "ballast"
            and p.relative_to(media).as_posix() not in kept]


def world():
    """The demo's people: a coordinator (with an authenticator we know), a consultant."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from peercircle.accounts.models import User
    from peercircle.organisations.models import Organisation

    organisation = Organisation.objects.get(slug="teply-dom")
    coordinator = User.objects.get(email="coordinator@demo.peercircle.org")
    Authenticator.objects.filter(user=coordinator).delete()
    secret = generate_totp_secret()
    TOTP.activate(coordinator, secret)
    consultant = User.objects.get(email="volunteer@demo.peercircle.org")
    return organisation, coordinator, secret, consultant


def consultations_csv(consultant, rows: int, tag: str) -> bytes:
    lines = ["ID;Дата;Длительность;Формат;Консультант"]
    lines += [f"{tag}-{i};05.03.2025;45;телефон;{consultant.email}" for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def import_started(organisation, coordinator, content: bytes, name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django_scopes import scope

    from peercircle.imports import services

    with scope(organisation=organisation):
        run = services.import_upload(actor=coordinator, organisation=organisation,
                                     kind="consultations", file=SimpleUploadedFile(name, content))
        return services.import_map(actor=coordinator, run=run, mapping=run.mapping)


def _run(pk):
    from django_scopes import scopes_disabled

    from peercircle.imports.models import ImportRun

    with scopes_disabled():
        return ImportRun.objects.select_related("check_job", "commit_job").get(pk=pk)


def _job(pk):
    from django_scopes import scopes_disabled

    from peercircle.core.models import Job

    with scopes_disabled():
        return Job.objects.get(pk=pk)


# -- scenarios ------------------------------------------------------------------------------------

def kill_worker_while(env, job_pk, worker) -> tuple[Worker, bool]:
    """Kill the worker as soon as the job runs (and, where it reports, has moved); a new worker
    starts either way. Says whether the kill landed while the job ran."""
    def running():
        job = _job(job_pk())
        return job.status == "running" and (job.done > 0 or job.total == 0)

    caught = bool(wait_until(running, seconds=60, every=0.01))
    if caught:
        worker.kill()
        caught = _job(job_pk()).status == "running"
    else:
        worker.stop()
    return Worker(env), caught


def scenario_import(env, state, *, commit: bool) -> str:
    organisation, coordinator, _secret, consultant = state["world"]
    rows = 8000
    tag = "commit" if commit else "check"
    run = import_started(organisation, coordinator, consultations_csv(consultant, rows, tag),
                         f"{tag}.csv")
    if commit:
        if not wait_until(lambda: _run(run.pk).status == "checked"):
            return "stuck"
        from django_scopes import scope

        from peercircle.imports import services
        with scope(organisation=organisation):
            services.import_commit(actor=coordinator, run=_run(run.pk))
        state["worker"], caught = kill_worker_while(env, lambda: _run(run.pk).commit_job_id,
                                                    state["worker"])
        ended = wait_until(lambda: _run(run.pk).status in ("imported", "failed"))
    else:
        state["worker"], caught = kill_worker_while(env, lambda: _run(run.pk).check_job_id,
                                                    state["worker"])
        ended = wait_until(lambda: _run(run.pk).status in ("checked", "failed")
                           and _run(run.pk).check_job.status in ("done", "failed"))
    if not ended:
        return "stuck"
    if not caught:
        return "lost 1 (the kill did not land while the job ran)"
    final = _run(run.pk)
    if commit:
        from django_scopes import scopes_disabled

        from peercircle.core.models import Activity
        with scopes_disabled():
            written = Activity.objects.filter(external_id__startswith=f"{tag}-").count()
        if final.status != "imported" or written != rows:
            return f"lost {abs(rows - written) or 1}"
    elif final.status != "checked" or final.summary.get("valid") != rows:
        return f"lost {rows - (final.summary or {}).get('valid', 0)}"
    left = orphan_files(state["media"]) + list(Path(env["TMPDIR"]).glob("peercircle-*"))
    return f"lost {len(left)}" if left else "survived"


def scenario_export(env, state) -> str:
    """An export is quick: the worker is frozen while the job is queued, thawed, and killed the
    moment it claims the job (tried again until the kill lands mid-run)."""
    from django_scopes import scope

    from peercircle.core.jobs import job_start
    from peercircle.reporting.models import Project

    organisation, coordinator, _secret, _consultant = state["world"]
    for _try in range(5):
        state["worker"].process.send_signal(signal.SIGSTOP)
        with scope(organisation=organisation):
            project = Project.objects.filter(organisation=organisation).first()
            job = job_start(actor=coordinator, organisation=organisation, kind="report_xlsx",
                            permission="reporting.export",
                            task="peercircle.reporting.exports.build_xlsx",
                            project_pk=project.pk, title="faults")
        state["worker"].process.send_signal(signal.SIGCONT)
        pk = job.pk
        state["worker"], caught = kill_worker_while(env, lambda pk=pk: pk, state["worker"])
        if not wait_until(lambda pk=pk: _job(pk).status in ("done", "failed")):
            return "stuck"
        if caught:
            break
    else:
        return "lost 1 (the kill never landed while the export ran)"
    done = _job(job.pk)
    if done.status != "done" or not done.result or done.result.size == 0 or done.attempts < 2:
        return "lost 1"
    left = orphan_files(state["media"])
    return f"lost {len(left)}" if left else "survived"


def scenario_web(env, state) -> str:
    from django_scopes import scopes_disabled

    from peercircle.core.models import Activity

    web, organisation = state["web"], state["world"][0]
    browser = Browser(web.url, "ru")
    browser.sign_in("volunteer@demo.peercircle.org")
    path = f"/o/{organisation.slug}/consultations/new/"
    keys = [str(uuid.uuid4()) for _ in range(60)]
    problems = []
    stop = threading.Event()

    def killer():
        while not stop.wait(1.0):
            web.kill_a_worker()

    threading.Thread(target=killer, daemon=True).start()
    try:
        for key in keys:
            for _attempt in range(40):  # resent until answered, as the offline queue does
                try:
                    token = browser.csrf(path)
                    status, _h, _b = browser.request(path, {
                        "csrfmiddlewaretoken": token, "date": time.strftime("%Y-%m-%d"),
                        "duration_minutes": "30", "format": "phone", "mode": "individual",
                        "client_key": key, "save": "1"})
                    if status == 200 and "invalid-feedback" not in _b:
                        break  # saved: the redirect to "My consultations" was followed
                    if status == 200:  # the form again, with what the server refused
                        problems.append(re.findall(r'invalid-feedback[^>]*>([^<]*)', _b)[:3])
                        break
                except (OSError, http.client.HTTPException):
                    pass
                time.sleep(0.1)
    finally:
        stop.set()
    db()
    with scopes_disabled():
        recorded = list(Activity.objects.filter(client_key__in=keys)
                        .values_list("client_key", flat=True))
    missing = len(set(keys) - {str(k) for k in recorded})
    doubled = len(recorded) - len(set(recorded))
    if not missing and not doubled:
        return "survived"
    return f"lost {missing + doubled} (refused: {problems[:1]})"


def scenario_database(env, state) -> str:
    web, cluster = state["web"], state["cluster"]
    browser = Browser(web.url, "ru")
    pages, stop = [], threading.Event()

    def load():
        while not stop.is_set():
            with contextlib.suppress(Exception):
                pages.append(browser.request("/apply/teply-dom/", timeout=10))
            time.sleep(0.1)

    threading.Thread(target=load, daemon=True).start()
    time.sleep(1)
    cluster.stop()
    time.sleep(10)
    during = list(pages)
    cluster.start()
    back = wait_until(lambda: browser.request("/apply/teply-dom/")[0] == 200, seconds=60)
    stop.set()
    outage = [p for p in during if p[0] != 200]
    readable = [p for p in outage if p[0] == 503 and p[1].get("Retry-After")
                and "Сервис ненадолго недоступен" in p[2]]
    if not back or not state["worker"].alive():
        return "stuck"
    # the worker that lived through it takes new work
    if scenario_export_plain(state) != "done":
        return "stuck"
    return "survived" if outage and len(readable) == len(outage) else \
        f"lost {len(outage) - len(readable) or 1}"


def scenario_export_plain(state) -> str:
    from django_scopes import scope

    from peercircle.core.jobs import job_start
    from peercircle.reporting.models import Project

    db()
    organisation, coordinator, _s, _c = state["world"]
    with scope(organisation=organisation):
        project = Project.objects.filter(organisation=organisation).first()
        job = job_start(actor=coordinator, organisation=organisation, kind="report_xlsx",
                        permission="reporting.export",
                        task="peercircle.reporting.exports.build_xlsx", project_pk=project.pk)
    ended = wait_until(lambda: _job(job.pk).status in ("done", "failed"), seconds=60)
    return _job(job.pk).status if ended else "stuck"


def scenario_full_volume(env, state) -> str:
    from django_scopes import scopes_disabled

    from peercircle.imports.models import ImportRun

    media, web = state["media"], state["web"]
    organisation, coordinator, secret, consultant = state["world"]
    free = shutil.disk_usage(media).free
    with open(media / "ballast", "wb") as ballast:  # the volume fills up
        ballast.write(b"\0" * max(0, free - 64 * 1024))
    db()
    with scopes_disabled():
        before = ImportRun.objects.count()
    browser = Browser(web.url, "ru")
    browser.sign_in(coordinator.email, secret)
    path = f"/o/{organisation.slug}/imports/"
    token = browser.csrf(path)
    upload = consultations_csv(consultant, 8000, "full")
    status, _h, body = browser.request(
        path, {"csrfmiddlewaretoken": token, "kind": "consultations"},
        files={"file": ("big.csv", upload)})
    (media / "ballast").unlink()
    db()
    with scopes_disabled():
        after = ImportRun.objects.count()
    left = orphan_files(media)
    ok = status == 507 and "Нет места для сохранения файлов" in body and after == before and not left
    if ok:
        return "survived"
    return (f"lost {len(left) + (after - before) + (status != 507)} "
            f"(answer {status}, {after - before} record(s), {len(left)} file(s) left)")


def main() -> int:
    if os.geteuid() != 0:
        log("make faults needs root (PostgreSQL runs as its own user; the small volume is mounted)")
        return 2
    (work / "tmp").mkdir()
    media = work / "media"
    media.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(media)], check=True)
    cluster = Cluster()
    env = environment(cluster, media)
    state = {"cluster": cluster, "media": media}
    results = {}
    try:
        peercircle(env, "migrate", "--no-input")
        peercircle(env, "createcachetable")
        peercircle(env, "collectstatic", "--no-input")
        peercircle(env, "demo_load")
        django_setup(env)
        state["world"] = world()
        state["worker"] = Worker(env)
        state["web"] = Web(env)
        scenarios = [
            ("worker-killed-during-import-check", lambda: scenario_import(env, state, commit=False)),
            ("worker-killed-during-import-commit", lambda: scenario_import(env, state, commit=True)),
            ("worker-killed-during-export", lambda: scenario_export(env, state)),
            ("web-workers-killed-while-posting", lambda: scenario_web(env, state)),
            ("database-stopped-10s", lambda: scenario_database(env, state)),
            ("full-volume", lambda: scenario_full_volume(env, state)),
        ]
        for name, scenario in scenarios:
            try:
                verdict = scenario()
            except Exception as error:  # noqa: BLE001 - a scenario that breaks is not survived
                verdict = f"lost 1 ({error.__class__.__name__}: {str(error)[:120]})"
            results[name] = verdict
            log(f"fault: {name} {verdict}")
    finally:
        for process in ("web", "worker"):
            with contextlib.suppress(Exception):
                state[process].stop()
        with contextlib.suppress(Exception):
            cluster.stop()
        subprocess.run(["umount", str(media)], check=False)
        shutil.rmtree(work, ignore_errors=True)
    survived = sum(1 for v in results.values() if v.startswith("survived"))
    log(f"faults: {survived}/{len(results)} survived")
    return 0 if survived == len(results) == 6 else 1


if __name__ == "__main__":
    sys.exit(main())
