"""The roles a person can hold in an organisation (defined in `core.roles`, the vocabulary of the
role table every app adds its grants to; kept importable from here)."""

from peercircle.core.roles import Role, VolunteerKind

__all__ = ["Role", "VolunteerKind"]
