from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from peercircle.wellbeing.models import SelfCheck, SupportRequest
from peercircle.wellbeing.services import CHECK_INTERVAL


def my_checks(*, organisation, user) -> QuerySet[SelfCheck]:
    return SelfCheck.objects.filter(organisation=organisation, person=user)


def my_check_get(*, organisation, user, pk: int) -> SelfCheck:
    return get_object_or_404(my_checks(organisation=organisation, user=user), pk=pk)


def self_check_due(*, organisation, user) -> bool:
    last = my_checks(organisation=organisation, user=user).order_by("-taken_on").first()
    return last is None or timezone.localdate() - last.taken_on >= CHECK_INTERVAL


def open_support_requests(*, organisation) -> QuerySet[SupportRequest]:
    return SupportRequest.objects.filter(organisation=organisation,
                                         handled_on__isnull=True).select_related("person")


def support_request_get(*, organisation, pk: int) -> SupportRequest:
    return get_object_or_404(open_support_requests(organisation=organisation), pk=pk)
