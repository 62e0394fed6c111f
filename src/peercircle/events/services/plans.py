"""Calendar plans and their items."""


from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from peercircle.core.audit import audited_save
from peercircle.events.models import (
    CalendarPlan,
    PlanItem,
)


def plan_create(*, actor, organisation, title: str, description: str = "") -> CalendarPlan:
    return audited_save(CalendarPlan(organisation=organisation, title=title,
                                     description=description),
                        actor=actor, organisation=organisation)


def _item_validate(*, plan, starts_on, ends_on, responsible) -> None:
    errors = {}
    if ends_on < starts_on:
        errors["ends_on"] = _("The end date cannot be before the start date.")
    if responsible is not None and not responsible.memberships.filter(
            organisation=plan.organisation, is_active=True).exists():
        errors["responsible"] = _("Choose a member of this organisation.")
    if errors:
        raise ValidationError(errors)


def plan_item_add(*, actor, plan: CalendarPlan, title: str, starts_on, ends_on, content: str = "",
                  responsible=None, status: str = PlanItem.Status.PLANNED,
                  number: int | None = None) -> PlanItem:
    _item_validate(plan=plan, starts_on=starts_on, ends_on=ends_on, responsible=responsible)
    if number is None:
        last = plan.items.order_by("-number").values_list("number", flat=True).first()
        number = (last or 0) + 1
    item = PlanItem(organisation=plan.organisation, plan=plan, number=number, title=title,
                    content=content, starts_on=starts_on, ends_on=ends_on,
                    responsible=responsible, status=status)
    return audited_save(item, actor=actor, organisation=plan.organisation)


def plan_item_update(*, actor, item: PlanItem, **fields) -> PlanItem:
    for name, value in fields.items():
        setattr(item, name, value)
    _item_validate(plan=item.plan, starts_on=item.starts_on, ends_on=item.ends_on,
                   responsible=item.responsible)
    return audited_save(item, actor=actor, organisation=item.organisation)
