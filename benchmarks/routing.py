"""Bulk routing: our plan (SciPy sparse bipartite matching over capacity slots) against the exact
min-cost-flow optimum computed by OR-Tools on the same candidate pairs."""

import random
import time

from peercircle.consulting.routing import Need, Offer, bulk_plan, candidates, plan_score

AREAS = 15
LANGUAGES = ["ru", "pl", "en", "tt"]
REGIONS = 60
FORMATS = ["in_person", "phone", "online", "chat"]


def synthetic(requests: int, consultants: int, seed: int = 7):
    rnd = random.Random(seed)
    offers = [Offer(j, frozenset(rnd.sample(range(AREAS), 1)),
                    frozenset(rnd.sample(range(AREAS), 2)),
                    frozenset(rnd.sample(LANGUAGES, rnd.choice([1, 1, 2]))),
                    frozenset(rnd.sample(range(REGIONS), 2)), frozenset(rnd.sample(FORMATS, 2)),
                    rnd.randint(0, 3)) for j in range(consultants)]
    needs = [Need(i, rnd.randrange(AREAS), rnd.choice(LANGUAGES), rnd.randrange(REGIONS),
                  rnd.choice(FORMATS)) for i in range(requests)]
    return needs, offers


def ortools_optimum(needs, offers) -> int:
    from ortools.graph.python import min_cost_flow

    pairs = candidates(needs, offers)
    flow = min_cost_flow.SimpleMinCostFlow()
    n, m = len(needs), len(offers)
    source, sink = n + m, n + m + 1
    for i in range(n):
        flow.add_arc_with_capacity_and_unit_cost(source, i, 1, 0)
        flow.add_arc_with_capacity_and_unit_cost(i, sink, 1, 0)  # the request stays unassigned
    for i, j, points in pairs:
        flow.add_arc_with_capacity_and_unit_cost(i, n + j, 1, -points)
    for j, offer in enumerate(offers):
        flow.add_arc_with_capacity_and_unit_cost(n + j, sink, max(offer.remaining, 0), 0)
    flow.set_node_supply(source, n)
    flow.set_node_supply(sink, -n)
    if flow.solve() != flow.OPTIMAL:
        raise RuntimeError("OR-Tools found no optimum")
    return -flow.optimal_cost()


def _median_time(function, repeats):
    times, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return sorted(times)[len(times) // 2], result


def run(scale, report):
    needs, offers = synthetic(scale["routing_requests"], scale["routing_consultants"])
    repeats = scale["routing_repeats"]
    ours, plan = _median_time(lambda: bulk_plan(needs, offers), repeats)
    reference, optimum = _median_time(lambda: ortools_optimum(needs, offers), repeats)
    report("routing.bulk_seconds", ours, "s")
    report("routing.solver_seconds", reference, "s")
    report("routing.score_vs_optimum", plan_score(plan, needs, offers) / optimum, "x")
    report("routing.time_vs_solver", ours / reference, "x")
    report("routing.assigned", len(plan), "requests")
