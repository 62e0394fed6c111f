import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.core.audit import audited_save
from peercircle.wellbeing.instrument import ITEMS, scale_scores
from peercircle.wellbeing.models import SelfCheck, SupportRequest

PRIVATE = frozenset({"answers", "personal", "work", "client"})
CHECK_INTERVAL = datetime.timedelta(days=90)


def self_check_record(*, actor, organisation, answers: dict[str, int]) -> SelfCheck:
    missing = [code for code, *_rest in ITEMS if code not in answers]
    if missing:
        raise ValidationError(_("Answer every question (%(count)d left).")
                              % {"count": len(missing)})
    scores = {scale: Decimal(str(value)) for scale, value in scale_scores(answers).items()}
    check = SelfCheck(organisation=organisation, person=actor, taken_on=timezone.localdate(),
                      answers={k: int(v) for k, v in answers.items()}, **scores)
    return audited_save(check, actor=actor, organisation=organisation, masked=PRIVATE,
                        restricted_to=(actor,))


def support_request_send(*, actor, organisation, wants_pause: bool) -> SupportRequest:
    if SupportRequest.objects.filter(organisation=organisation, person=actor,
                                     handled_on__isnull=True).exists():
        raise ValidationError(_("Your coordinator already knows; they will contact you."))
    return audited_save(SupportRequest(organisation=organisation, person=actor,
                                       wants_pause=wants_pause),
                        actor=actor, organisation=organisation)


def support_request_handle(*, actor, support_request: SupportRequest) -> SupportRequest:
    support_request.handled_on = timezone.localdate()
    return audited_save(support_request, actor=actor, organisation=support_request.organisation)
