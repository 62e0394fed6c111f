"""Who may do what to one supervision request or review: object permissions with `rules`.

Supervision is private to two people (DOMAIN.md): the volunteer who asked and the supervisor who
took it. The role's permission says a person may supervise at all; only the one who took this
request schedules and closes it, and the selectors answer 404 to everyone else.
"""

from dataclasses import dataclass

import rules

from peercircle.consulting import permissions as perm


@rules.predicate
def is_the_supervisor(user, supervision) -> bool:
    return supervision.supervisor_id is not None and supervision.supervisor_id == user.pk


@rules.predicate
def asked_for_it(user, supervision) -> bool:
    return supervision.volunteer_id == user.pk


supervision_rules = rules.RuleSet()
supervision_rules.add_rule("see", is_the_supervisor | asked_for_it)
supervision_rules.add_rule("complete", is_the_supervisor)


# Intervision and case reviews: the people in the group see the session they are part of; those
# who plan reviews see every session and record the ones that took place.
@dataclass(frozen=True)
class ReviewAccess:
    review: object
    permissions: frozenset


@rules.predicate
def plans_reviews(user, access: ReviewAccess) -> bool:
    return perm.PLAN_REVIEWS in access.permissions


@rules.predicate
def facilitates(user, access: ReviewAccess) -> bool:
    return access.review.facilitator_id == user.pk


@rules.predicate
def takes_part(user, access: ReviewAccess) -> bool:
    return access.review.participants.filter(pk=user.pk).exists()


@rules.predicate
def still_to_record(user, access: ReviewAccess) -> bool:
    return not access.review.held


review_rules = rules.RuleSet()
review_rules.add_rule("see", plans_reviews | facilitates | takes_part)
review_rules.add_rule("record", plans_reviews & still_to_record)


# A request for help: the consultant it was given to may see how to reach the person (audited),
# while it is theirs and open.
@rules.predicate
def given_to_them(user, help_request) -> bool:
    volunteer = help_request.assigned_to
    return volunteer is not None and volunteer.user_id == user.pk


@rules.predicate
def still_open(user, help_request) -> bool:
    return help_request.status == "assigned"


request_rules = rules.RuleSet()
request_rules.add_rule("contact", given_to_them & still_open)
