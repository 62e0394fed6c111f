"""The hook registry: what each app adds to the whole without `core` importing it.

Each project app may have a `hooks` module (the way Django's admin finds `admin.py`); it is
imported once, when the apps are ready (`discover`), and declares there:
- its role grants (`grant`): which role holds which of its permissions; the role table
  (`core.access.ROLE_PERMISSIONS`) is assembled from them;
- its home-page items (`home`): a function adding cards and reminders for a person in an
  organisation, run in the order given, so the home page reads the same whatever the app order;
- its menu entries (`menu`): section, place, label, URL name and the permission it needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext_lazy

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

HOOKS_MODULE = "hooks"
PROJECT = "peercircle."

# role → its permissions; filled by the apps' hooks, read through core.access.ROLE_PERMISSIONS
role_table: dict[str, frozenset[str]] = {}


def grant(role: str, permissions: Iterable[str]) -> None:
    """Give `role` the `permissions` (added to what other apps granted it)."""
    role_table[role] = role_table.get(role, frozenset()) | frozenset(permissions)


def grant_every_role(roles: Iterable[str], permissions: Iterable[str]) -> None:
    for role in roles:
        grant(role, permissions)


@dataclass(frozen=True)
class HomeHook:
    order: int
    add: Callable[..., None]  # add(*, user, organisation, permissions, cards, todos) -> None


home_hooks: list[HomeHook] = []


HomeAdd = Callable[..., None]


def home(order: int) -> Callable[[HomeAdd], HomeAdd]:
    """Register a function adding cards and reminders to the home page at place `order`."""
    def register(add: HomeAdd) -> HomeAdd:
        home_hooks.append(HomeHook(order, add))
        home_hooks.sort(key=lambda hook: hook.order)
        return add

    return register


# The main things a person does on a phone, first on their home page ("Log a consultation",
# "Log a meeting with the Ivanov family", "Mark attendance: today's seminar"): each app adds
# functions returning [(label, url)] for this person here, run in the order given.
primary_action_hooks: list[HomeHook] = []


def primary_actions(order: int) -> Callable[[HomeAdd], HomeAdd]:
    """Register `add(*, user, organisation, permissions) -> [(label, url)]` at place `order`."""
    def register(add: HomeAdd) -> HomeAdd:
        primary_action_hooks.append(HomeHook(order, add))
        primary_action_hooks.sort(key=lambda hook: hook.order)
        return add

    return register


_discovered = False


def discover() -> None:
    """Import every project app's `hooks` module once (called from core's AppConfig.ready)."""
    global _discovered
    if _discovered:
        return
    _discovered = True
    for config in apps.get_app_configs():
        if config.name.startswith(PROJECT) and module_has_submodule(config.module, HOOKS_MODULE):
            import_module(f"{config.name}.{HOOKS_MODULE}")


def grant_table(table: dict[str, Iterable[str]]) -> None:
    """Give each role of `table` its permissions (an app's whole share of the role table)."""
    for role, permissions in table.items():
        grant(role, permissions)


# Permissions that protect sensitive data (identities, consents, imports, the audit log,
# supervision, support requests): every role holding any of them must use a second factor
# (core.access.roles_requiring_two_factor), whatever the role is called.
two_factor_permissions: set[str] = set()


def require_two_factor(permissions: Iterable[str]) -> None:
    """Declare that whoever holds any of `permissions` must sign in with a second factor."""
    two_factor_permissions.update(permissions)


# The sections of an organisation's menu, in their order; a section with no entry a person may
# follow is not shown.
MENU_SECTIONS: tuple[tuple[str, StrOrPromise], ...] = (
    ("casework", gettext_lazy("Casework")),
    ("my_work", gettext_lazy("My work")),
    ("programmes", gettext_lazy("Programmes")),
    ("reports", gettext_lazy("Reports")),
    ("organisation", gettext_lazy("Organisation")),
)


@dataclass(frozen=True)
class MenuEntry:
    section: str
    order: int
    label: StrOrPromise
    url_name: str = ""  # empty for a divider
    permission: str | None = None  # None: every member
    network_only: bool = False  # only where the organisation coordinates its network
    in_network: bool = False  # only where the organisation is a member of a network


menu_entries: list[MenuEntry] = []


def menu(section: str, order: int, label: StrOrPromise = "", url_name: str = "",
         permission: str | None = None, *, network_only: bool = False,
         in_network: bool = False) -> None:
    """Add a link to `section` of the organisation menu at place `order` (a divider without a
    `url_name`)."""
    if section not in dict(MENU_SECTIONS):
        raise ValueError(f"unknown menu section {section!r}")
    menu_entries.append(MenuEntry(section, order, label, url_name, permission, network_only,
                                  in_network))
    menu_entries.sort(key=lambda entry: (entry.section, entry.order))


# Counts over a network's member organisations that apps above `organisations` contribute to its
# de-identified network figures: key → counter(member_ids) -> (count by region code, total).
# organisations/network.py calls them with scopes disabled and suppresses small numbers itself.
network_counts: dict[str, Callable[[list[int]], tuple[dict[str, int], int]]] = {}


def network_count(key: str, counter: Callable[[list[int]], tuple[dict[str, int], int]]) -> None:
    network_counts[key] = counter


# What each app erases when its time has passed, run by `peercircle retention_run` after the
# people's own records: retention(organisation=, today=, dry_run=) -> lines reporting what it did.
RetentionHook = Callable[..., list[str]]
retention_hooks: list[RetentionHook] = []


def retention(hook: RetentionHook) -> RetentionHook:
    """Register a function deleting what an app keeps past the organisation's retention period."""
    retention_hooks.append(hook)
    return hook


# What core asks of the apps above it without importing them: named functions an app provides
# in its hooks module (tenancy from `organisations`, the consent rule and the participants a
# form may name from `people`). Core calls `provided(name)`; a missing provider is a setup error.
PROVIDED_NAMES = frozenset({
    "organisation_by_slug",  # (slug) -> Organisation | None
    "network_by_slug",  # (slug) -> Network | None
    "membership_roles",  # (*, user, organisation) -> frozenset of roles
    "organisations_of",  # (user) -> list of the person's organisations
    "organisation_visited",  # (*, user, organisation) -> None: remember the last one
    "require_consent",  # (participants) -> None, raises when one has no consent
    "participant_choices",  # (*, organisation, permissions) -> queryset of people, or None
})
providers: dict[str, Callable[..., Any]] = {}


def provide(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register `function` as the provider of `name` (one of PROVIDED_NAMES)."""
    if name not in PROVIDED_NAMES:
        raise ValueError(f"unknown provided name {name!r}")

    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        providers[name] = function
        return function

    return register


def provided(name: str) -> Callable[..., Any]:
    try:
        return providers[name]
    except KeyError:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"No app provides {name!r} (core.registry.provide).") from None


# What apps do when a person accepts an invitation (inside the same transaction):
# hook(*, invitation, membership) -> None. The volunteers app links the record the invitation
# was sent from to the account that accepted it.
InvitationHook = Callable[..., None]
invitation_accepted_hooks: list[InvitationHook] = []


def on_invitation_accepted(hook: InvitationHook) -> InvitationHook:
    invitation_accepted_hooks.append(hook)
    return hook


# The sections of a person's "My work" page (volunteers assembles it): each app adds what the
# person does there. hook(*, user, organisation, permissions, volunteer) -> MyWorkSection | None.
@dataclass(frozen=True)
class MyWorkSection:
    title: StrOrPromise
    template: str
    context: dict[str, Any]


MyWorkHook = Callable[..., "MyWorkSection | None"]
my_work_hooks: list[tuple[int, MyWorkHook]] = []


def my_work(order: int) -> Callable[[MyWorkHook], MyWorkHook]:
    def register(hook: MyWorkHook) -> MyWorkHook:
        my_work_hooks.append((order, hook))
        my_work_hooks.sort(key=lambda item: item[0])
        return hook

    return register
