"""The organisation menu, assembled from the entries the apps register (core.registry.menu)."""

from dataclasses import dataclass, field

from django.urls import reverse

from peercircle.core import registry


@dataclass
class MenuSection:
    label: str
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, url); ("", "") a divider


def menu_for(*, organisation, permissions) -> list[MenuSection]:
    sections = []
    for key, label in registry.MENU_SECTIONS:
        section = MenuSection(str(label))
        for entry in registry.menu_entries:
            if entry.section != key:
                continue
            if entry.permission is not None and entry.permission not in permissions:
                continue
            if entry.network_only and not organisation.coordinates_network:
                continue
            if entry.in_network and organisation.network_id is None:
                continue
            if entry.url_name:
                section.links.append((str(entry.label), reverse(
                    entry.url_name, kwargs={"org": organisation.slug})))
            else:
                section.links.append(("", ""))
        if any(url for _, url in section.links):
            sections.append(section)
    return sections
