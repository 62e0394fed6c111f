"""Disclosure control: the one place that decides how a figure counting other organisations'
records is shown (docs/adr/0004-disclosure-control-survives-differencing.md).

Every path that releases such a figure (network statistics and their exports, network roll-ups,
project indicators on pages, CSV, XLSX, PDF and the `report` command) calls `disclose`:

- 0 stays 0; 1 to threshold-1 are shown as "<threshold" (suppressed);
- anything larger is rounded to the nearest multiple of BASE (5).

Rounding is deterministic (the same count always gives the same figure, so asking twice tells
nothing new), and every released figure of a controlled count is a multiple of BASE or "<BASE":
subtracting two releases — overlapping periods, a total and its rows — can never yield a count
from 1 to BASE-1. Network statistics are also released for whole calendar months only
(`whole_months`), so no single day can be singled out.

A figure counting only the viewer's own organisation's records is never controlled: 19 of a
target of 20 reads 19.
"""

import calendar
import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils.translation import gettext as _

BASE = 5


def threshold() -> int:
    return settings.SMALL_NUMBER_THRESHOLD


def disclosed_value(value) -> Decimal | None:
    """The released number of a controlled count: None when suppressed, else a multiple of BASE
    (or 0)."""
    value = Decimal(value or 0)
    if value == 0:
        return Decimal(0)
    if value < threshold():
        return None
    return (value / BASE).quantize(Decimal(1), rounding=ROUND_HALF_UP) * BASE


def disclose(value, *, controlled: bool = True) -> str:
    """How a figure is shown: exact when it is not controlled, else suppressed or rounded."""
    if not controlled:
        number = Decimal(value or 0)
        return str(number.normalize() if number == number.to_integral() else number)
    released = disclosed_value(value)
    if released is None:
        return f"<{threshold()}"
    return str(int(released))


def whole_months(start: datetime.date, end: datetime.date) -> tuple[datetime.date, datetime.date]:
    """A period widened to whole calendar months (from the first of start's month to the last
    day of end's month): network figures are released for whole months or quarters only."""
    first = start.replace(day=1)
    last = end.replace(day=calendar.monthrange(end.year, end.month)[1])
    return first, last


# --- which project figures are controlled -------------------------------------------------------

PEOPLE = "people"  # beneficiaries, participants, families, outcomes: always controlled
WORK = "work"  # activities, hours: controlled when narrowed to a small area or a short period
EXACT = "exact"  # helpers' progress, clubs, events, initiatives, documents: never controlled

MIN_PERIOD_DAYS = 28  # shorter than a month counts as "a single day" for disclosure purposes


def counts_others(*, viewer_id: int, org_ids: list[int], member_id: int | None) -> bool:
    """Does the figure count records of an organisation other than the viewer's?"""
    if member_id:
        return member_id != viewer_id
    return any(pk != viewer_id for pk in org_ids)


def _short(start, end) -> bool:
    return start is not None and end is not None and (end - start).days + 1 < MIN_PERIOD_DAYS


def indicator_controlled(indicator, *, kind: str, org_ids: list[int]) -> bool:
    """Whether an indicator's figures are released through `disclose`."""
    if kind == EXACT:
        return False
    if not counts_others(viewer_id=indicator.project.organisation_id, org_ids=org_ids,
                         member_id=indicator.member_id):
        return False
    if kind == PEOPLE:
        return True
    start, end = indicator.period
    return bool(indicator.region_id or indicator.breakdown == "region" or _short(start, end))


def granularity_error(indicator, *, kind: str) -> str | None:
    """Why an indicator narrowed to another organisation is too fine to be released, if it is.

    An indicator limited to one member organisation (not the project's own) that counts people
    or their work may not also be narrowed to a region, a format, a region breakdown or less
    than a month: such a figure would single out the people that organisation serves.
    """
    if kind == EXACT or not indicator.member_id:
        return None
    if indicator.member_id == indicator.project.organisation_id:
        return None
    start, end = indicator.period
    if indicator.region_id or indicator.format or indicator.breakdown == "region" \
            or _short(start, end):
        return _("A figure about one other organisation’s people cannot also be narrowed to a "
                 "region, a format, a breakdown by region or less than %(days)s days: widen the "
                 "filter or count the whole network.") % {"days": MIN_PERIOD_DAYS}
    return None
