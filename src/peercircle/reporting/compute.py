"""Planned against actual, computed live. Every indicator of a project that reads the same source
(the ledger, its participants, its providers, enrolments…) becomes one conditional aggregate of
ONE query on that source: `COUNT(...) FILTER (WHERE …)` per indicator, so a whole indicator set
costs a handful of queries whatever its size.

Network projects also count their member organisations' work: these are counts only (read with
scopes disabled, always restricted to the project's organisations); records stay in their scope.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import ExtractQuarter, ExtractYear
from django_scopes import scopes_disabled

from peercircle.core import disclosure, metrics
from peercircle.core.models import Region
from peercircle.reporting import freshness
from peercircle.reporting.models import Indicator, Project

SOURCES = metrics.SOURCES  # filled by core.metrics and the apps' hooks
Source = metrics.Source


@dataclass
class Group:
    key: str
    label: str
    actual: Decimal
    target: Decimal | None
    suppressed: str = ""  # "<5" (or "—" when refused) in place of the figure

    @property
    def percent(self) -> int | None:
        return None if self.suppressed else percent_of(self.actual, self.target)


@dataclass
class Result:
    indicator: Indicator
    actual: Decimal
    note: str = ""
    groups: list[Group] = field(default_factory=list)
    controlled: bool = False  # released through core/disclosure.py (counts others' people)
    suppressed: str = ""  # "<5" (or "—" when refused) in place of the figure

    @property
    def target(self) -> Decimal:
        return self.indicator.target

    @property
    def percent(self) -> int | None:
        return None if self.suppressed else percent_of(self.actual, self.target)

    @property
    def bar(self) -> int:
        return min(self.percent or 0, 100)

    @property
    def metric(self):
        return metrics.get(self.indicator.metric)


def percent_of(actual, target) -> int | None:
    if not target:
        return None
    return int(Decimal(actual) * 100 / Decimal(target))


def organisation_ids(project: Project) -> list[int]:
    ids = [project.organisation_id]
    with scopes_disabled():
        ids += [pk for pk in project.member_organisations.values_list("pk", flat=True)
                if pk != project.organisation_id]
    return ids


def indicator_q(indicator: Indicator, source: Source, *, group: str | None = None,
                base_period=None) -> Q:
    """The filter of one indicator, seen from one source. Inside a query already restricted to
    `base_period`, an indicator of that same period needs no date condition of its own."""
    metric = metrics.get(indicator.metric)
    start, end = indicator.period
    if group and indicator.breakdown == "quarter":
        start, end = quarter_range(group, start, end)
    q = Q()
    if (start, end) != base_period:
        q &= Q(**{f"{source.date}__gte": start, f"{source.date}__lte": end})
    if indicator.member_id:
        q &= Q(**{source.org: indicator.member_id})
    if source.outcomes:
        q &= outcome_q(indicator.outcome_types)
    if not source.activity:
        return q
    p = source.prefix
    if indicator.kinds:
        q &= Q(**{f"{p}kind__in": indicator.kinds})
    programme_id = indicator.programme_id or indicator.project.programme_id
    if programme_id and "programme" in metric.filters:
        q &= Q(**{f"{p}programme_id": programme_id})
    if indicator.format:
        q &= Q(**{f"{p}format": indicator.format})
    if indicator.region_id:
        q &= Q(**{f"{p}region_id": indicator.region_id})
    if group and indicator.breakdown == "region":
        q &= Q(**{f"{p}region__code": group})
    return q


def outcome_q(types: list[str]) -> Q:
    """Outcome types by code, or all positive / negative ones ("direction:positive")."""
    codes = [t for t in types if not t.startswith("direction:")]
    directions = [t.split(":", 1)[1] for t in types if t.startswith("direction:")]
    return Q(type__code__in=codes) | Q(type__direction__in=directions)


def quarter_range(key: str, start: datetime.date, end: datetime.date):
    year, quarter = key.split("-Q")
    first = datetime.date(int(year), 3 * int(quarter) - 2, 1)
    last_month = first.replace(month=first.month + 2)
    next_first = (last_month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return max(start, first), min(end, next_first - datetime.timedelta(days=1))


def _span(indicators: list[Indicator]):
    periods = [i.period for i in indicators]
    return min(p[0] for p in periods), max(p[1] for p in periods)


def _base(source: Source, org_ids: list[int], indicators: list[Indicator]) -> QuerySet:
    start, end = _span(indicators)
    qs = source.model().objects.filter(**{f"{source.org}__in": org_ids,
                                          f"{source.date}__gte": start,
                                          f"{source.date}__lte": end})
    return qs.exclude(**source.exclude) if source.exclude else qs


def _aggregate(org_ids: list[int], indicators: list[Indicator]) -> dict[int, Decimal]:
    """All plain (not custom, not broken down) indicators: one query per source."""
    by_source: dict[str, list[tuple[Indicator, int, metrics.Part]]] = defaultdict(list)
    for indicator in indicators:
        for number, part in enumerate(metrics.get(indicator.metric).parts):
            by_source[part.source].append((indicator, number, part))
    values: dict[int, Decimal] = defaultdict(Decimal)
    for name, parts in by_source.items():
        source = SOURCES[name]
        span = _span([i for i, _n, _p in parts])
        expressions = {f"v{i.pk}_{n}": part.expression(indicator_q(i, source, base_period=span))
                       for i, n, part in parts}
        row = _base(source, org_ids, [i for i, _n, _p in parts]).aggregate(**expressions)
        for indicator, number, part in parts:
            values[indicator.pk] += Decimal(row[f"v{indicator.pk}_{number}"] or 0) / part.divide
    return values


def _group_key(source: Source, breakdown: str):
    if breakdown == "region":
        return {"g1": F(f"{source.prefix}region__code")}
    return {"g1": ExtractYear(source.date), "g2": ExtractQuarter(source.date)}


def _groups(org_ids: list[int], indicator: Indicator) -> list[Group]:
    """Actual per region or per quarter, one query per part."""
    metric = metrics.get(indicator.metric)
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for part in metric.parts:
        source = SOURCES[part.source]
        keys = _group_key(source, indicator.breakdown)
        rows = (_base(source, org_ids, [indicator]).filter(indicator_q(indicator, source))
                .annotate(**keys).values(*keys).annotate(v=part.expression(Q())).order_by())
        for row in rows:
            key = (row["g1"] or "") if indicator.breakdown == "region" else \
                f"{row['g1']}-Q{row['g2']}"
            totals[key] += Decimal(row["v"] or 0) / part.divide
    targets = {str(k): Decimal(str(v)) for k, v in (indicator.breakdown_targets or {}).items()}
    keys = sorted(set(totals) | set(targets))
    labels = _labels(indicator.breakdown, keys)
    return [Group(k, labels.get(k, k), totals.get(k, Decimal(0)), targets.get(k)) for k in keys]


def _labels(breakdown: str, keys: list[str]) -> dict[str, str]:
    from django.utils.translation import gettext as _

    if breakdown != "region":
        return {}
    labels = {r.code: r.name for r in Region.objects.filter(code__in=keys)}
    labels[""] = _("Region not given")
    return labels


def trained_population(org_ids: list[int], indicator: Indicator) -> QuerySet:
    """Users of volunteers who completed a course in the indicator's period."""
    source = SOURCES["enrolment"]
    return (source.model().objects
            .filter(**{f"{source.org}__in": org_ids, "volunteer__user__isnull": False})
            .filter(indicator_q(indicator, source))
            .values_list("volunteer__user_id", flat=True))


def trained_reaching(org_ids: list[int], indicator: Indicator) -> tuple[Decimal, int]:
    """Composite: how many trained people each gave at least `threshold` matching activities."""
    population = set(trained_population(org_ids, indicator))
    source = SOURCES["provider"]
    reached = (_base(source, org_ids, [indicator]).filter(indicator_q(indicator, source))
               .filter(user_id__in=population).values("user_id")
               .annotate(n=Count("activity_id")).filter(n__gte=indicator.threshold or 1))
    return Decimal(reached.count()), len(population)


def _custom(org_ids: list[int], indicator: Indicator) -> Result:
    from django.utils.translation import gettext as _

    metric = metrics.get(indicator.metric)
    if metric.code == "trained_reaching":
        value, population = trained_reaching(org_ids, indicator)
        note = _("%(reached)s of %(trained)s trained people reached %(n)s.") % {
            "reached": value, "trained": population, "n": indicator.threshold}
        return Result(indicator, value, note)
    return Result(indicator, Decimal(metric.custom(org_ids, indicator) or 0))


def _release(value: Decimal) -> tuple[Decimal, str]:
    released = disclosure.disclosed_value(value)
    if released is None:
        return Decimal(0), f"<{disclosure.threshold()}"
    return released, ""


def disclosed(results: list[Result], org_ids: list[int]) -> list[Result]:
    """Figures that count other organisations' people go through core/disclosure.py; an
    indicator narrowed to one other organisation below the minimum granularity is refused."""
    for result in results:
        kind = result.metric.disclosure
        refused = disclosure.granularity_error(result.indicator, kind=kind)
        if refused:
            result.controlled, result.actual, result.suppressed = True, Decimal(0), "—"
            result.note = refused
            result.groups = []
            continue
        if not disclosure.indicator_controlled(result.indicator, kind=kind, org_ids=org_ids):
            continue
        result.controlled = True
        result.actual, result.suppressed = _release(result.actual)
        for group in result.groups:
            group.actual, group.suppressed = _release(group.actual)
    return results


def project_results(project: Project, indicators: list[Indicator] | None = None) -> list[Result]:
    """Every indicator of the project with its actual figure, in their order, as it may be
    released (see `disclosed`)."""
    org_ids = organisation_ids(project)
    return disclosed(_raw_results(project, indicators, org_ids), org_ids)


def _raw_results(project: Project, indicators: list[Indicator] | None,
                 org_ids: list[int]) -> list[Result]:
    """Every indicator of the project with its exact figure (never shown as such when it counts
    other organisations' people)."""
    if indicators is None:
        indicators = list(project.indicators.select_related("project", "region"))
    indicators = [i for i in indicators if metrics.get(i.metric) is not None]
    with scopes_disabled():
        plain = [i for i in indicators if metrics.get(i.metric).parts]
        values = _aggregate(org_ids, plain) if plain else {}
        results = []
        for indicator in indicators:
            if not metrics.get(indicator.metric).parts:
                results.append(_custom(org_ids, indicator))
                continue
            result = Result(indicator, values.get(indicator.pk, Decimal(0)))
            if indicator.breakdown:
                result.groups = _groups(org_ids, indicator)
            results.append(result)
    return results


def project_results_cached(project: Project, indicators: list[Indicator]) -> list[Result]:
    """`project_results`, kept until a record of one of the counted organisations changes."""
    fields = [f.attname for f in Indicator._meta.concrete_fields]
    key = [project.pk, project.starts_on, project.ends_on, project.programme_id,
           [[getattr(i, name) for name in fields] for i in indicators]]
    by_pk = {i.pk: i for i in indicators}

    def freeze(results: list[Result]) -> list:
        return [(r.indicator.pk, str(r.actual), str(r.note),
                 [(g.key, str(g.label), str(g.actual), None if g.target is None else str(g.target))
                  for g in r.groups]) for r in results]

    def thaw(stored: list) -> list[Result]:
        return [Result(by_pk[pk], Decimal(actual), note,
                       [Group(k, label, Decimal(a), None if t is None else Decimal(t))
                        for k, label, a, t in groups])
                for pk, actual, note, groups in stored]

    org_ids = organisation_ids(project)
    raw = freshness.cached(key, org_ids, lambda: _raw_results(project, indicators, org_ids),
                           freeze, thaw)
    return disclosed(raw, org_ids)
