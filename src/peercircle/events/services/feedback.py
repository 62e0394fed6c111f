"""Anonymous feedback after an event."""


from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.events.models import (
    EventFeedback,
    Registration,
)


def feedback_give(*, registration: Registration, rating: int, usefulness: int,
                  comment: str = "") -> EventFeedback:
    """Anonymous feedback: the answer keeps no link to the person, who may answer once."""
    event = registration.event
    if registration.status != Registration.Status.CONFIRMED:
        raise ValidationError(_("Feedback is asked from the participants of the event."))
    if not event.is_over and timezone.localdate() < event.days()[-1]:
        raise ValidationError(_("Feedback opens after the event."))
    if registration.feedback_given_at:
        raise ValidationError(_("Thank you, your feedback is already received."))
    for name, value in (("rating", rating), ("usefulness", usefulness)):
        if not 1 <= int(value) <= 5:
            raise ValidationError({name: _("Choose a mark from 1 to 5.")})
    with transaction.atomic():
        feedback = EventFeedback.objects.create(organisation=event.organisation, event=event,
                                           rating=rating, usefulness=usefulness,
                                           comment=comment.strip())
        Registration.objects.filter(pk=registration.pk).update(feedback_given_at=timezone.now())
        registration.feedback_given_at = timezone.now()
    return feedback
