import itertools
import random

import pytest

from peercircle.consulting.routing import Need, Offer, bulk_plan, plan_score, score


def _offer(id, lived=(), helps=(), languages=("ru",), regions=(), formats=(), remaining=1):
    return Offer(id, frozenset(lived), frozenset(helps), frozenset(languages),
                 frozenset(regions), frozenset(formats), remaining)


def test_the_score_explains_itself():
    need = Need(1, need=7, language="ru", region=3, format="phone")
    assert score(need, _offer(1, lived=[7], regions=[3], formats=["phone"])) == (
        90, ["lived_experience", "language", "region", "format"])
    assert score(need, _offer(2, helps=[7])) == (50, ["help_area", "language"])
    assert score(need, _offer(3, lived=[8])) == (0, [])  # not the same situation
    assert score(need, _offer(4, lived=[7], languages=["pl"])) == (0, [])  # no shared language


def _brute_force(needs, offers):
    best = 0
    slots = [o for o in offers for _ in range(o.remaining)]
    for chosen in itertools.product([None, *range(len(slots))], repeat=len(needs)):
        used = [c for c in chosen if c is not None]
        if len(used) != len(set(used)):
            continue
        total = 0
        for need, c in zip(needs, chosen, strict=True):
            if c is not None:
                points, _ = score(need, slots[c])
                if not points:
                    break
                total += points
        else:
            best = max(best, total)
    return best


@pytest.mark.parametrize("seed", range(8))
def test_bulk_routing_is_optimal_and_respects_capacity(seed):
    rnd = random.Random(seed)
    offers = [_offer(j, lived=rnd.sample(range(3), 1), helps=rnd.sample(range(3), 1),
                     languages=rnd.sample(["ru", "pl"], rnd.choice([1, 2])),
                     regions=[rnd.randrange(2)], formats=["phone"], remaining=rnd.randint(0, 2))
              for j in range(3)]
    needs = [Need(i, rnd.randrange(3), rnd.choice(["ru", "pl"]), rnd.randrange(2),
                  rnd.choice(["phone", "chat"])) for i in range(5)]
    plan = bulk_plan(needs, offers)
    assert plan_score(plan, needs, offers) == _brute_force(needs, offers)
    for offer in offers:
        assert list(plan.values()).count(offer.id) <= offer.remaining
    for need in needs:
        if need.id in plan:
            assert score(need, next(o for o in offers if o.id == plan[need.id]))[0] > 0


def test_a_greedy_choice_would_lose_and_the_plan_does_not():
    # Greedy gives the only Polish speaker to the first request; the optimum serves both.
    offers = [_offer(1, lived=[1], languages=["ru", "pl"]), _offer(2, lived=[1], languages=["ru"])]
    needs = [Need(1, 1, "ru", None, "phone"), Need(2, 1, "pl", None, "phone")]
    assert bulk_plan(needs, offers) == {1: 2, 2: 1}
