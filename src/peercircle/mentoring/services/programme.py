"""The organisation's mentoring programme, its cadences and its outcome taxonomy."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from peercircle.core.audit import audited_save
from peercircle.core.models import Programme
from peercircle.mentoring import defaults
from peercircle.mentoring.models import (
    AgreementTemplate,
    MentoringProgramme,
    OutcomeType,
)


def programme_ensure(*, actor, organisation, outcome_names: dict | None = None,
                     template_texts: dict | None = None) -> MentoringProgramme:
    """The organisation's mentoring programme, created the first time it is needed with the
    default outcome list (names may be given per code) and agreement text; it uses the
    organisation's mentoring programme in the ledger when there is one."""
    existing = MentoringProgramme.objects.filter(organisation=organisation).first()
    if existing is not None:
        return existing
    outcome_names = outcome_names or {}
    # what the programme starts with is the organisation's own text, in its language, whoever
    # happens to open the programme first
    with transaction.atomic(), translation.override(organisation.main_language):
        ledger = Programme.objects.filter(organisation=organisation,
                                          kind=Programme.Kind.MENTORING).first()
        ledger = ledger or audited_save(
            Programme(organisation=organisation, kind=Programme.Kind.MENTORING,
                      name=_("Mentoring of families")), actor=actor, organisation=organisation)
        programme = audited_save(MentoringProgramme(organisation=organisation, programme=ledger,
                                                    name=ledger.name),
                                 actor=actor, organisation=organisation)
        for position, (code, name, direction, unit) in enumerate(defaults.DEFAULT_OUTCOME_TYPES):
            outcome_type_save(actor=actor, programme=programme, code=code,
                              name=outcome_names.get(code) or _(name), direction=direction,
                              unit=unit, position=position)
        texts = {"title": _(defaults.DEFAULT_AGREEMENT_TITLE),
                 "programme_rules": _(defaults.DEFAULT_PROGRAMME_RULES),
                 "confidentiality": _(defaults.DEFAULT_CONFIDENTIALITY), **(template_texts or {})}
        template_publish(actor=actor, programme=programme, valid_from=timezone.localdate(),
                         **texts)
    return programme


def programme_update(*, actor, programme: MentoringProgramme, **fields) -> MentoringProgramme:
    ngo = fields.get("ngo")
    if ngo is not None and ngo.pk == programme.organisation_id:
        raise ValidationError({"ngo": _("The partner NGO is another organisation.")})
    school = fields.get("school")
    if school is not None and school.organisation_id != programme.organisation_id:
        raise ValidationError({"school": _("Choose a course of this organisation.")})
    for name, value in fields.items():
        setattr(programme, name, value)
    return audited_save(programme, actor=actor, organisation=programme.organisation)


def outcome_type_save(*, actor, programme: MentoringProgramme, code: str, name: str,
                      direction: str, unit: str = OutcomeType.Unit.FAMILIES,
                      position: int | None = None) -> OutcomeType:
    if OutcomeType.objects.filter(programme=programme, code=code).exists():
        raise ValidationError({"code": _("An outcome with this code already exists.")})
    if position is None:
        position = programme.outcome_types.count()
    return audited_save(OutcomeType(organisation=programme.organisation, programme=programme,
                                    code=code, name=name, direction=direction, unit=unit,
                                    position=position),
                        actor=actor, organisation=programme.organisation)


def template_publish(*, actor, programme: MentoringProgramme, title: str, programme_rules: str,
                     confidentiality: str, valid_from: datetime.date) -> AgreementTemplate:
    """A new version of the agreement text; agreements already signed keep their version."""
    last = AgreementTemplate.objects.filter(organisation=programme.organisation).first()
    template = AgreementTemplate(organisation=programme.organisation,
                                 version=(last.version + 1) if last else 1, title=title,
                                 programme_rules=programme_rules,
                                 confidentiality=confidentiality, valid_from=valid_from)
    return audited_save(template, actor=actor, organisation=programme.organisation)
