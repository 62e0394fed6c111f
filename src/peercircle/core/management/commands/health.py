"""`peercircle health`: the same report as /health/, for a monitoring tool or a person on the
server; exits 1 when something is not healthy."""

import json

from django.core.management.base import BaseCommand

from peercircle.core.health import health_report


class Command(BaseCommand):
    help = "Report the database, the cache, the background worker and the queue; exit 1 if unhealthy."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")

    def handle(self, *args, json_output=False, **options):
        report = health_report()
        if options["json"]:
            self.stdout.write(json.dumps(report, indent=2))
        else:
            for name in ("database", "cache", "worker", "queue"):
                check = report[name]
                details = ", ".join(f"{k}={v}" for k, v in check.items() if k != "ok")
                self.stdout.write(f"{name}: {'ok' if check['ok'] else 'FAILING'}"
                                  + (f" ({details})" if details else ""))
            self.stdout.write("healthy" if report["ok"] else "NOT HEALTHY")
        if not report["ok"]:
            raise SystemExit(1)
