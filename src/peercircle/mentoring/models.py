"""Mentoring of families in crisis ("One plus one"): the programme and its cadences, mentors,
families under the programme, mentor–family pairs, four-party agreements, curation and
monitoring records, Mentor Club meetings and the outcome taxonomy with recorded outcomes.

The pair and its agreements belong to the organisation that runs the programme (the institution);
each agreement names the partner NGO (another organisation on the platform) as a party, and the
NGO's coordinators read the agreements they are party to under their own address."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from peercircle.core.dates import shown
from peercircle.core.models import OrganisationOwned


class MentoringProgramme(OrganisationOwned):
    """The organisation's mentoring programme; its cadences and limits are data."""

    name = models.CharField(_("name"), max_length=200)
    programme = models.OneToOneField("core.Programme", on_delete=models.PROTECT,
                                     related_name="mentoring", verbose_name=_("ledger programme"))
    ngo = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, null=True,
                            blank=True, related_name="mentoring_partnerships",
                            verbose_name=_("partner NGO"),
                            help_text=_("The NGO that is a party to the four-party agreements."))
    school = models.ForeignKey("training.Course", on_delete=models.SET_NULL, null=True,
                               blank=True, related_name="+", verbose_name=_("Mentor School"),
                               help_text=_("The course a mentor completes before admission; "
                                           "its minimum hours apply."))
    max_families_per_mentor = models.PositiveSmallIntegerField(
        _("families per mentor at most"), default=3)
    agreement_term_months = models.PositiveSmallIntegerField(_("agreement term, months"),
                                                             default=12)
    expiry_warning_days = models.PositiveSmallIntegerField(
        _("warn before an agreement expires, days"), default=30)
    home_visit_days = models.PositiveSmallIntegerField(_("curator's home visit every, days"),
                                                       default=31)
    curator_meeting_days = models.PositiveSmallIntegerField(
        _("curator–mentor meeting every, days"), default=31)
    monitoring_days = models.PositiveSmallIntegerField(_("relationship monitoring every, days"),
                                                       default=183)
    council_days = models.PositiveSmallIntegerField(_("case council every, days"), default=183)
    party_read_grace_days = models.PositiveSmallIntegerField(
        _("the NGO party reads a pair after its agreement ends, days"), default=30,
        help_text=_("After that, the partner NGO no longer sees the pair."))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation"],
                                               name="mentoring_one_programme")]
        verbose_name = _("mentoring programme")
        verbose_name_plural = _("mentoring programmes")

    def __str__(self) -> str:
        return self.name


class Mentor(OrganisationOwned):
    """A volunteer recruited as a mentor: source, origin, diagnostic screening, admission."""

    class Source(models.TextChoices):
        WEB_PAGE = "web_page", _("Web page of the institution or NGO")
        MEDIA = "media", _("Local media")
        NGO = "ngo", _("Through the NGO")
        REHAB_CENTRE = "rehab_centre", _("Through the rehabilitation centre")
        OTHER = "other", _("Other")

    class Origin(models.TextChoices):
        NGO_REPRESENTATIVE = "ngo_representative", _("NGO representative")
        ACTIVE_CITIZEN = "active_citizen", _("Active citizen")

    class Diagnostic(models.TextChoices):
        SUITABLE = "suitable", _("Suitable")
        NOT_SUITABLE = "not_suitable", _("Not suitable")

    volunteer = models.OneToOneField("volunteers.Volunteer", on_delete=models.PROTECT,
                                     related_name="mentor", verbose_name=_("volunteer"))
    source = models.CharField(_("how they heard of us"), max_length=20, choices=Source.choices)
    origin = models.CharField(_("origin"), max_length=20, choices=Origin.choices,
                              default=Origin.ACTIVE_CITIZEN)
    is_peer_mentor = models.BooleanField(
        _("peer mentor"), default=False,
        help_text=_("A former beneficiary who overcame a similar situation."))
    referred_by = models.ForeignKey("organisations.Partner", on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="+", verbose_name=_("referred by"))
    experience = models.TextField(_("experience (raising children, overcoming a crisis)"),
                                  blank=True)
    diagnostic_on = models.DateField(_("diagnostic interview"), null=True, blank=True)
    diagnostic_result = models.CharField(_("diagnostic result"), max_length=20, blank=True,
                                         choices=Diagnostic.choices)
    diagnostic_notes = models.TextField(_("diagnostic notes"), blank=True)
    admitted_on = models.DateField(_("admitted on"), null=True, blank=True)

    class Meta:
        ordering = ["volunteer__full_name"]
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")

    def __str__(self) -> str:
        return self.volunteer.full_name


class MenteeFamily(OrganisationOwned):
    """A (pseudonymous) family supported by the programme, with its curator."""

    class Reason(models.TextChoices):
        DIFFICULT_SITUATION = "difficult_situation", _("Difficult life situation")
        SOCIAL_RISK = "social_risk", _("Family at social risk")

    family = models.OneToOneField("people.Family", on_delete=models.PROTECT,
                                  related_name="mentoring", verbose_name=_("family"))
    reason = models.CharField(_("reason for support"), max_length=30, choices=Reason.choices)
    curator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                related_name="curated_families", verbose_name=_("family curator"))
    referred_on = models.DateField(_("taken into the programme"))

    class Meta:
        ordering = ["family__code"]
        verbose_name = _("mentee family")
        verbose_name_plural = _("mentee families")

    def __str__(self) -> str:
        return self.family.code


class Pair(OrganisationOwned):
    """One mentor with one family, from matching to closure; a closed pair stays in reports."""

    class Status(models.TextChoices):
        MATCHED = "matched", _("Matched, agreement pending")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed (situation stable)")
        ENDED_EARLY = "ended_early", _("Ended early")

    OPEN = (Status.MATCHED, Status.ACTIVE)

    mentor = models.ForeignKey(Mentor, on_delete=models.PROTECT, related_name="pairs",
                               verbose_name=_("mentor"))
    family = models.ForeignKey(MenteeFamily, on_delete=models.PROTECT, related_name="pairs",
                               verbose_name=_("family"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.MATCHED)
    matched_on = models.DateField(_("matched on"))
    match_notes = models.TextField(_("why this match"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closure_reason = models.TextField(_("reason for closure"), blank=True)

    class Meta:
        ordering = ["-matched_on", "-id"]
        indexes = [models.Index(fields=["organisation", "status"])]
        verbose_name = _("mentoring pair")
        verbose_name_plural = _("mentoring pairs")

    def __str__(self) -> str:
        return f"{self.mentor} · {self.family}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN


class AgreementTemplate(OrganisationOwned):
    """A version of the agreement's text: programme rules, confidentiality, meeting frequency."""

    version = models.PositiveSmallIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    programme_rules = models.TextField(_("rules and principles of the programme"))
    confidentiality = models.TextField(_("confidentiality"))
    valid_from = models.DateField(_("in use from"))

    class Meta:
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["organisation", "version"],
                                               name="agreement_template_unique_version")]
        verbose_name = _("agreement template")
        verbose_name_plural = _("agreement templates")

    def __str__(self) -> str:
        return _("%(title)s, version %(version)s") % {"title": self.title,
                                                       "version": self.version}


def agreement_upload_to(instance: "Agreement", filename: str) -> str:
    return f"mentoring/agreements/{instance.organisation_id}/{instance.pair_id}/{filename}"


class Agreement(OrganisationOwned):
    """The four-party agreement: mentor, legal representative, NGO and institution (owner)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("In force")
        RENEWED = "renewed", _("Renewed")
        CLOSED = "closed", _("Closed")

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("Weekly")
        FORTNIGHTLY = "fortnightly", _("Every two weeks")
        MONTHLY = "monthly", _("Monthly")

    pair = models.ForeignKey(Pair, on_delete=models.PROTECT, related_name="agreements",
                             verbose_name=_("pair"))
    template = models.ForeignKey(AgreementTemplate, on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("agreement text"))
    legal_representative = models.ForeignKey(
        "people.Beneficiary", on_delete=models.PROTECT, related_name="+",
        verbose_name=_("legal representative"))
    ngo = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                            related_name="mentoring_agreements", verbose_name=_("NGO"))
    shared_with = models.ManyToManyField(
        "organisations.Partner", blank=True, related_name="+",
        verbose_name=_("partners that see the pair's summary"),
        help_text=_("Each needs the legal representative's consent to sharing."))
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    meeting_frequency = models.CharField(_("meetings"), max_length=20,
                                         choices=Frequency.choices, default=Frequency.WEEKLY)
    signed_copy = models.FileField(_("signed copy"), upload_to=agreement_upload_to, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.ACTIVE)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("recorded by"))

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("four-party agreement")
        verbose_name_plural = _("four-party agreements")

    def __str__(self) -> str:
        return _("Agreement %(pair)s from %(date)s") % {"pair": self.pair,
                                                         "date": shown(self.starts_on)}


class PairEvent(OrganisationOwned):
    """A dated piece of work on a pair, mirrored in the activity ledger."""

    class Kind(models.TextChoices):
        MENTOR_MEETING = "mentor_meeting", _("Mentor's meeting with the family")
        HOME_VISIT = "home_visit", _("Curator's home visit")
        CURATOR_MEETING = "curator_meeting", _("Curator's meeting with the mentor")
        CASE_COUNCIL = "case_council", _("Case council")

    pair = models.ForeignKey(Pair, on_delete=models.PROTECT, related_name="events",
                             verbose_name=_("pair"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("date"))
    notes = models.TextField(_("notes (no names)"), blank=True)
    mentor_invited = models.BooleanField(_("mentor invited"), default=False)
    activity = models.OneToOneField("core.Activity", on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("ledger entry"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("recorded by"))

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["pair", "kind", "date"])]
        verbose_name = _("pair event")
        verbose_name_plural = _("pair events")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {shown(self.date)}"


class Monitoring(OrganisationOwned):
    """The six-monthly relationship monitoring with the mentor and the family."""

    class Scale(models.IntegerChoices):
        POOR = 1, _("Poor")
        FAIR = 2, _("Fair")
        GOOD = 3, _("Good")
        VERY_GOOD = 4, _("Very good")

    class Regularity(models.TextChoices):
        AS_AGREED = "as_agreed", _("As agreed")
        IRREGULAR = "irregular", _("Irregular")
        RARE = "rare", _("Rare or none")

    pair = models.ForeignKey(Pair, on_delete=models.PROTECT, related_name="monitorings",
                             verbose_name=_("pair"))
    date = models.DateField(_("date"))
    meetings = models.CharField(_("meetings took place"), max_length=20,
                                choices=Regularity.choices)
    mentor_rating = models.PositiveSmallIntegerField(_("relationship, as the mentor sees it"),
                                                     choices=Scale.choices)
    family_rating = models.PositiveSmallIntegerField(_("relationship, as the family sees it"),
                                                     choices=Scale.choices)
    mentor_view = models.TextField(_("the mentor's view"), blank=True)
    family_view = models.TextField(_("the family's view"), blank=True)
    goals_progress = models.TextField(_("progress towards the family's goals"), blank=True)
    continue_pair = models.BooleanField(_("the pair continues"), default=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("recorded by"))

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("relationship monitoring")
        verbose_name_plural = _("relationship monitorings")

    def __str__(self) -> str:
        return f"{self.pair} · {shown(self.date)}"


class ClubMeeting(OrganisationOwned):
    """A Mentor Club meeting (run with the NGO) and who attended."""

    programme = models.ForeignKey(MentoringProgramme, on_delete=models.PROTECT,
                                  related_name="club_meetings", verbose_name=_("programme"))
    date = models.DateField(_("date"))
    topic = models.CharField(_("topic"), max_length=200)
    attendees = models.ManyToManyField(Mentor, related_name="club_meetings",
                                       verbose_name=_("mentors present"))
    activity = models.OneToOneField("core.Activity", on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("ledger entry"))

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("Mentor Club meeting")
        verbose_name_plural = _("Mentor Club meetings")

    def __str__(self) -> str:
        return f"{self.topic} {shown(self.date)}"


class OutcomeType(OrganisationOwned):
    """One kind of outcome a programme records, positive or negative; the taxonomy is data."""

    class Direction(models.TextChoices):
        POSITIVE = "positive", _("Positive")
        NEGATIVE = "negative", _("Negative")

    class Unit(models.TextChoices):
        FAMILIES = "families", _("families")
        PEOPLE = "people", _("people")

    programme = models.ForeignKey(MentoringProgramme, on_delete=models.CASCADE,
                                  related_name="outcome_types", verbose_name=_("programme"))
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    unit = models.CharField(_("counted in"), max_length=10, choices=Unit.choices,
                            default=Unit.FAMILIES)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["direction", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["programme", "code"],
                                               name="outcome_type_unique_code")]
        verbose_name = _("outcome type")
        verbose_name_plural = _("outcome types")

    def __str__(self) -> str:
        return self.name


class Outcome(OrganisationOwned):
    """An outcome observed in a mentored family, with the people it concerns and who confirmed."""

    type = models.ForeignKey(OutcomeType, on_delete=models.PROTECT, related_name="outcomes",
                             verbose_name=_("outcome"))
    pair = models.ForeignKey(Pair, on_delete=models.PROTECT, related_name="outcomes",
                             verbose_name=_("pair"))
    family = models.ForeignKey("people.Family", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("family"))
    beneficiaries = models.ManyToManyField("people.Beneficiary", blank=True, related_name="+",
                                           verbose_name=_("people it concerns"))
    date = models.DateField(_("date"))
    notes = models.TextField(_("notes (no names)"), blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("confirmed by"))

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["organisation", "date"])]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self) -> str:
        return f"{self.type} · {self.family} · {shown(self.date)}"
