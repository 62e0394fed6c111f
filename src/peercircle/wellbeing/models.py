from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from peercircle.core.dates import shown
from peercircle.core.models import OrganisationOwned


class SelfCheck(OrganisationOwned):
    """A burnout self-check: the answers and scores are the volunteer's alone."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="self_checks", verbose_name=_("person"))
    taken_on = models.DateField(_("date"))
    answers = models.JSONField(_("answers"))
    personal = models.DecimalField(_("personal burnout"), max_digits=4, decimal_places=1)
    work = models.DecimalField(_("burnout related to volunteering"), max_digits=4,
                               decimal_places=1)
    client = models.DecimalField(_("burnout related to the people you support"), max_digits=4,
                                 decimal_places=1)

    class Meta:
        ordering = ["taken_on", "id"]
        verbose_name = _("self-check")
        verbose_name_plural = _("self-checks")

    def __str__(self) -> str:
        return str(_("Self-check of %(date)s") % {"date": shown(self.taken_on)})


class SupportRequest(OrganisationOwned):
    """The volunteer chose to tell the coordinator they need support. No scores are shared."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="support_requests", verbose_name=_("person"))
    wants_pause = models.BooleanField(_("would like a pause"), default=False)
    handled_on = models.DateField(_("handled on"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("request for support")
        verbose_name_plural = _("requests for support")

    def __str__(self) -> str:
        return str(_("Support for %(person)s") % {"person": self.person})
