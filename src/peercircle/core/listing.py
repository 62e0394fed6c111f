"""Lists people work in, the way spreadsheet users expect: a search box, columns that sort,
filter chips for the common filters, and pages that keep all of it — in the URL (bookmarkable),
server-rendered, refreshed in place by htmx (`partials/list_controls.html` selects `#results`).

A view builds a `Listing` from its queryset and declares what may be searched, sorted and
filtered; anything else in the query string is ignored, so a hand-edited URL cannot sort or
filter by a field the page does not offer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest

PER_PAGE = 50


@dataclass(frozen=True)
class Column:
    label: object
    order_by: str = ""  # the field path a click sorts by; empty: the column does not sort


@dataclass(frozen=True)
class Chip:
    """One common filter, shown as a toggle: `param=value` in the URL."""

    param: str
    value: str
    label: object
    apply: Callable[[QuerySet], QuerySet]


@dataclass
class HeaderCell:
    label: object
    url: str = ""
    sort: str = ""  # "ascending" / "descending" / "" for aria-sort


@dataclass
class ChipLink:
    label: object
    url: str
    active: bool


@dataclass
class Listing:
    page: Page
    search: str
    headers: list[HeaderCell]
    chips: list[ChipLink]
    total: int
    search_label: object = ""
    params: dict[str, str] = field(default_factory=dict)

    @property
    def filtered(self) -> bool:
        return bool(self.search or any(chip.active for chip in self.chips))


def _url(params: dict[str, str]) -> str:
    kept = {k: v for k, v in params.items() if v not in ("", None)}
    return "?" + urlencode(kept) if kept else "?"


def listing(request: HttpRequest, queryset: QuerySet, *, columns: list[Column],
            search_fields: tuple[str, ...] = (), chips: tuple[Chip, ...] = (),
            default_order: str = "", search_label: object = "",
            per_page: int = PER_PAGE, keep: tuple[str, ...] = ()) -> Listing:
    """Apply the request's search, chips, sort and page to `queryset`; `keep` names the page's
    own filter parameters (applied by the view) that every link carries on."""
    query = request.GET
    search = " ".join(query.get("q", "").split())[:100]
    if search and search_fields:
        queryset = queryset.filter(reduce(or_, (Q(**{f"{name}__icontains": search})
                                                for name in search_fields)))
        if any("__" in name for name in search_fields):
            queryset = queryset.distinct()  # a match through a relation lists its record once
    active: dict[str, str] = {}
    for chip in chips:
        if query.get(chip.param) == chip.value:
            queryset = chip.apply(queryset)
            active[chip.param] = chip.value
    sortable = {column.order_by for column in columns if column.order_by}
    order = query.get("sort", "")
    if order.lstrip("-") not in sortable:
        order = ""
    if order or default_order:
        queryset = queryset.order_by(order or default_order, "pk")
    params = {"q": search, **{name: query.get(name, "") for name in keep}, **active,
              "sort": order}

    headers = []
    for column in columns:
        if not column.order_by:
            headers.append(HeaderCell(column.label))
            continue
        ascending, descending = column.order_by, f"-{column.order_by}"
        current = "ascending" if order == ascending else (
            "descending" if order == descending else "")
        following = descending if order == ascending else ascending
        headers.append(HeaderCell(column.label, _url({**params, "sort": following}), current))

    chip_links = []
    for chip in chips:
        on = active.get(chip.param) == chip.value
        toggled = {**params, chip.param: "" if on else chip.value}
        chip_links.append(ChipLink(chip.label, _url(toggled), on))

    paginator = Paginator(queryset, per_page)
    page = paginator.get_page(query.get("page"))
    return Listing(page=page, search=search, headers=headers, chips=chip_links,
                   total=paginator.count, search_label=search_label, params=params)
