"""The roles a person can hold in an organisation (defined in `core.roles`, the vocabulary of the
role table every app adds its grants to; kept importable from here)."""

from peercircle.core.roles import ROLES_REQUIRING_TWO_FACTOR, Role, VolunteerKind

__all__ = ["ROLES_REQUIRING_TWO_FACTOR", "Role", "VolunteerKind"]
