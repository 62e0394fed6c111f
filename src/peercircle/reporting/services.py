"""Writes of the reporting app: projects and their indicators (validated, atomic, audited)."""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peercircle.core import disclosure, metrics
from peercircle.core.audit import audited_delete, audited_save
from peercircle.core.models import Activity, Region
from peercircle.organisations.selectors import network_members
from peercircle.reporting.models import Indicator, Project

PROJECT_FIELDS = ("title", "funder", "contest", "application_number", "starts_on", "ends_on",
                  "partners", "goal", "tasks", "target_groups", "geography", "programme")
INDICATOR_FIELDS = ("name", "metric", "target", "kinds", "outcome_types", "programme", "format",
                    "region", "member", "starts_on", "ends_on", "threshold", "breakdown",
                    "breakdown_targets")
QUARTER = re.compile(r"^\d{4}-Q[1-4]$")


def _project_validate(*, organisation, starts_on, ends_on, programme, member_organisations):
    errors = {}
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _("The end of the period cannot be before its start.")
    if programme is not None and programme.organisation_id != organisation.pk:
        errors["programme"] = _("Choose a programme of this organisation.")
    allowed = {m.pk for m in network_members(organisation=organisation)}
    if any(o.pk not in allowed for o in member_organisations):
        errors["member_organisations"] = _(
            "Only member organisations of the network you coordinate can be counted.")
    if errors:
        raise ValidationError(errors)


def project_save(*, actor, organisation, project: Project | None = None,
                 member_organisations=(), calendar_plan=None, **data) -> Project:
    """Create a project (no `project`) or change one."""
    member_organisations = list(member_organisations)
    _project_validate(organisation=organisation, starts_on=data.get("starts_on"),
                      ends_on=data.get("ends_on"), programme=data.get("programme"),
                      member_organisations=member_organisations)
    project = project or Project(organisation=organisation)
    for name in PROJECT_FIELDS:
        if name in data:
            setattr(project, name, data[name])
    _calendar_plan_check(organisation, calendar_plan)
    project.calendar_plan = calendar_plan
    with transaction.atomic():
        return audited_save(project, actor=actor, organisation=organisation,
                            m2m={"member_organisations": member_organisations})


def _calendar_plan_check(organisation, plan) -> None:
    if plan is not None and plan.organisation_id != organisation.pk:
        raise ValidationError({"calendar_plan": _("Choose a calendar plan of this organisation.")})


def _filters_used(data: dict) -> set[str]:
    used = set()
    for name in ("kinds", "programme", "format", "region", "member", "outcome_types"):
        if data.get(name):
            used.add(name)
    return used


def _targets_validate(breakdown: str, targets: dict, errors: dict) -> None:
    if targets and not breakdown:
        errors["breakdown_targets"] = _("Choose a breakdown before giving targets per region "
                                        "or quarter.")
        return
    for key, value in (targets or {}).items():
        if breakdown == "quarter" and not QUARTER.match(str(key)):
            errors["breakdown_targets"] = _("“%(key)s” is not a quarter; write it as 2025-Q1.") % {
                "key": key}
        elif breakdown == "region" and not Region.objects.filter(code=key).exists():
            errors["breakdown_targets"] = _("“%(key)s” is not a known region code.") % {"key": key}
        elif not isinstance(value, int | float | Decimal) or value <= 0:
            errors["breakdown_targets"] = _("Each target must be a number greater than zero.")


def indicator_validate(*, project: Project, data: dict) -> None:
    """Clear messages for a definition that cannot be computed as meant."""
    errors: dict[str, str] = {}
    metric = metrics.get(data.get("metric") or "")
    if metric is None:
        raise ValidationError({"metric": _("Choose what the indicator counts.")})
    for name in sorted(_filters_used(data) - metric.filters):
        errors[name] = _("“%(filter)s” does not apply to “%(metric)s”.") % {
            "filter": metrics.FILTER_LABELS[name], "metric": metric.label}
    unknown = set(data.get("kinds") or []) - set(Activity.Kind.values)
    if unknown:
        errors["kinds"] = _("Unknown kind of activity: %(kinds)s.") % {
            "kinds": ", ".join(sorted(unknown))}
    if data.get("target") is None or data["target"] <= 0:
        errors["target"] = _("The target must be greater than zero.")
    start, end = data.get("starts_on"), data.get("ends_on")
    if (start or project.starts_on) > (end or project.ends_on):
        errors["ends_on"] = _("The end of the period cannot be before its start.")
    if metric.needs_threshold and not data.get("threshold"):
        errors["threshold"] = _("Say how many each person must reach.")
    if data.get("threshold") and not metric.needs_threshold:
        errors["threshold"] = _("“%(filter)s” does not apply to “%(metric)s”.") % {
            "filter": metrics.FILTER_LABELS["threshold"], "metric": metric.label}
    if metric.needs_outcome_types and not data.get("outcome_types"):
        errors["outcome_types"] = _("Choose at least one type of outcome.")
    breakdown = data.get("breakdown") or ""
    if breakdown and breakdown not in metric.breakdowns:
        errors["breakdown"] = _("“%(metric)s” cannot be broken down this way.") % {
            "metric": metric.label}
    _targets_validate(breakdown, data.get("breakdown_targets") or {}, errors)
    _owner_validate(project, data, errors)
    if not errors:
        _granularity_validate(project, data, metric, errors)
    if errors:
        raise ValidationError(errors)


def _granularity_validate(project: Project, data: dict, metric, errors: dict) -> None:
    """Member-level filters below the minimum granularity are refused (core/disclosure.py)."""
    draft = Indicator(project=project, member=data.get("member"), region=data.get("region"),
                      format=data.get("format") or "", breakdown=data.get("breakdown") or "",
                      starts_on=data.get("starts_on"), ends_on=data.get("ends_on"))
    refused = disclosure.granularity_error(draft, kind=metric.disclosure)
    if refused:
        errors["member"] = refused


def _owner_validate(project: Project, data: dict, errors: dict) -> None:
    programme, member = data.get("programme"), data.get("member")
    if programme is not None and programme.organisation_id != project.organisation_id:
        errors["programme"] = _("Choose a programme of this organisation.")
    if member is not None:
        allowed = {project.organisation_id,
                   *project.member_organisations.values_list("pk", flat=True)}
        if member.pk not in allowed:
            errors["member"] = _("Choose the project's organisation or one counted in it.")


def indicator_save(*, actor, project: Project, indicator: Indicator | None = None,
                   **data) -> Indicator:
    """Add an indicator to a project (no `indicator`) or change one."""
    data.setdefault("kinds", [])
    indicator_validate(project=project, data=data)
    if indicator is None:
        indicator = Indicator(organisation=project.organisation, project=project,
                              position=project.indicators.count() + 1)
    for name in INDICATOR_FIELDS:
        if name in data:
            value = data[name]
            setattr(indicator, name, value if value is not None or name not in
                    ("kinds", "outcome_types", "breakdown_targets", "breakdown", "format")
                    else type(getattr(indicator, name))())
    with transaction.atomic():
        return audited_save(indicator, actor=actor, organisation=project.organisation)


def indicator_delete(*, actor, indicator: Indicator) -> None:
    audited_delete(indicator, actor=actor, organisation=indicator.organisation)


def template_apply(*, actor, project: Project, template: str) -> list[Indicator]:
    """Add a shipped indicator set (see templates.py) to a project."""
    from peercircle.reporting.indicator_sets import TEMPLATES

    if template not in TEMPLATES:
        raise ValidationError({"template": _("Choose one of the shipped indicator sets.")})
    with transaction.atomic():
        return [indicator_save(actor=actor, project=project, **definition)
                for definition in TEMPLATES[template].indicators()
                if metrics.get(definition["metric"]) is not None]
