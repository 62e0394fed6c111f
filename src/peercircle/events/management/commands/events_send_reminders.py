from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from peercircle.events import services
from peercircle.organisations.models import Organisation


class Command(BaseCommand):
    help = ("Send reminders for events starting within N hours and feedback requests after "
            "events that ended in the last days. Safe to run again: each e-mail goes once. "
            "One e-mail that fails is logged and tried again next run; the others are still "
            "sent. Exits with an error when any e-mail failed.")

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24,
                            help="Remind of events starting within this many hours (24).")
        parser.add_argument("--feedback-days", type=int, default=7,
                            help="Ask for feedback after events that ended within this many days "
                                 "(7); 0 sends no feedback requests.")

    def handle(self, *args, hours, feedback_days, **options):
        reminders = feedback = 0
        failed: list[int] = []
        for organisation in Organisation.objects.all():
            with scope(organisation=organisation):
                reminders += services.reminders_send(organisation=organisation, hours=hours,
                                                     failed=failed)
                if feedback_days:
                    feedback += services.feedback_requests_send(
                        organisation=organisation, days=feedback_days, failed=failed)
        self.stdout.write(f"Reminders sent: {reminders}. Feedback requests sent: {feedback}. "
                          f"Failed: {len(failed)}.")
        if failed:
            raise CommandError(f"{len(failed)} e-mail(s) could not be sent; see the log. "
                               "They will be tried again on the next run.")
