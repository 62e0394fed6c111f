"""Who may do what to one supervision request: object permissions with `rules`.

Supervision is private to two people (DOMAIN.md): the volunteer who asked and the supervisor who
took it. The role's permission says a person may supervise at all; only the one who took this
request schedules and closes it, and the selectors answer 404 to everyone else.
"""

import rules


@rules.predicate
def is_the_supervisor(user, supervision) -> bool:
    return supervision.supervisor_id is not None and supervision.supervisor_id == user.pk


@rules.predicate
def asked_for_it(user, supervision) -> bool:
    return supervision.volunteer_id == user.pk


supervision_rules = rules.RuleSet()
supervision_rules.add_rule("see", is_the_supervisor | asked_for_it)
supervision_rules.add_rule("complete", is_the_supervisor)
