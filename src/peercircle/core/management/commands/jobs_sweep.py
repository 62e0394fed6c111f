"""`peercircle jobs_sweep`: jobs whose worker stopped beating are retried or failed truthfully
(core/jobs.py, jobs_sweep). Runs on every worker start; run it with the scheduled jobs too."""

from django.core.management.base import BaseCommand

from peercircle.core.jobs import jobs_sweep


class Command(BaseCommand):
    help = "Retry or fail the background jobs whose worker stopped (no heartbeat)."

    def handle(self, *args, **options):
        retried, failed = jobs_sweep()
        self.stdout.write(f"{len(retried)} job(s) retried, {len(failed)} failed")
