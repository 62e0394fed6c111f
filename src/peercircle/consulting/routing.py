"""Matching requests for help to peer consultants: a readable score, and an exact bulk plan.

The score is integer points so that bulk routing can maximise the total exactly:
lived experience of the need 50 (or helps with it 30), same language 20, same region 10,
preferred format 10. A consultant without the need or the language is not a candidate.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

LIVED, HELPS, LANGUAGE, REGION, FORMAT = 50, 30, 20, 10, 10
MAX_SCORE = LIVED + LANGUAGE + REGION + FORMAT


@dataclass(frozen=True)
class Need:
    """What routing needs to know about a request."""

    id: int
    need: int
    language: str
    region: int | None
    format: str


@dataclass
class Offer:
    """What routing needs to know about a peer consultant: who they are and free capacity."""

    id: int
    lived: frozenset[int]
    helps: frozenset[int]
    languages: frozenset[str]
    regions: frozenset[int]
    formats: frozenset[str]
    remaining: int
    extra: dict = field(default_factory=dict)


def score(need: Need, offer: Offer) -> tuple[int, list[str]]:
    """Points and the criteria that gave them; (0, []) when the consultant is not a candidate."""
    if need.need in offer.lived:
        points, reasons = LIVED, ["lived_experience"]
    elif need.need in offer.helps:
        points, reasons = HELPS, ["help_area"]
    else:
        return 0, []
    if need.language not in offer.languages:
        return 0, []
    points, reasons = points + LANGUAGE, reasons + ["language"]
    if need.region is not None and need.region in offer.regions:
        points, reasons = points + REGION, reasons + ["region"]
    if need.format in offer.formats:
        points, reasons = points + FORMAT, reasons + ["format"]
    return points, reasons


def candidates(needs: list[Need], offers: list[Offer]) -> list[tuple[int, int, int]]:
    """(need index, offer index, points) for every pair that may be matched."""
    by_need: dict[int, list[int]] = {}
    for j, offer in enumerate(offers):
        if offer.remaining <= 0:
            continue
        for area in offer.lived | offer.helps:
            by_need.setdefault(area, []).append(j)
    pairs = []
    for i, need in enumerate(needs):
        for j in by_need.get(need.need, ()):
            points, _reasons = score(need, offers[j])
            if points:
                pairs.append((i, j, points))
    return pairs


def bulk_plan(needs: list[Need], offers: list[Offer]) -> dict[int, int]:
    """Assign as many requests as capacities allow, maximising the total score exactly.

    A min-weight full bipartite matching (SciPy) between requests and consultant slots, where
    each consultant has as many slots as free capacity and every request also has a private
    "stay unassigned" slot of cost MAX+1, so a full matching always exists and maximising the
    score equals minimising the cost. Returns {need id: offer id}.
    """
    pairs = candidates(needs, offers)
    if not pairs:
        return {}
    slot_start = np.zeros(len(offers) + 1, dtype=np.int64)
    np.cumsum([max(o.remaining, 0) for o in offers], out=slot_start[1:])
    rows, cols, costs = _edges(pairs, offers, slot_start, len(needs))
    matrix = csr_matrix((costs, (rows, cols)), shape=(len(needs), int(slot_start[-1]) + len(needs)))
    matched_rows, matched_cols = min_weight_full_bipartite_matching(matrix)
    slot_owner = np.repeat(np.arange(len(offers)), np.diff(slot_start))
    plan = {}
    for i, col in zip(matched_rows, matched_cols, strict=True):
        if col < slot_start[-1]:
            plan[needs[i].id] = offers[int(slot_owner[col])].id
    return plan


def _edges(pairs, offers, slot_start, need_count):
    counts = np.array([offers[j].remaining for _i, j, _p in pairs], dtype=np.int64)
    pair_rows = np.array([i for i, _j, _p in pairs], dtype=np.int64)
    pair_offer = np.array([j for _i, j, _p in pairs], dtype=np.int64)
    pair_cost = np.array([MAX_SCORE + 1 - p for _i, _j, p in pairs], dtype=np.float64)
    rows = np.repeat(pair_rows, counts)
    within = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    cols = np.repeat(slot_start[pair_offer], counts) + within
    costs = np.repeat(pair_cost, counts)
    unassigned = np.arange(need_count, dtype=np.int64)
    rows = np.concatenate([rows, unassigned])
    cols = np.concatenate([cols, slot_start[-1] + unassigned])
    costs = np.concatenate([costs, np.full(need_count, MAX_SCORE + 1, dtype=np.float64)])
    return rows, cols, costs


def plan_score(plan: dict[int, int], needs: Iterable[Need], offers: Iterable[Offer]) -> int:
    offer_by_id = {o.id: o for o in offers}
    return sum(score(n, offer_by_id[plan[n.id]])[0] for n in needs if n.id in plan)
