from peercircle.core.navigation import menu_for
from peercircle.core.registry import provided


def organisation(request) -> dict:
    """The current organisation, the person's permissions there, and where else they belong."""
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    organisation = getattr(request, "organisation", None)
    permissions = getattr(request, "permissions", frozenset())
    return {
        "current_organisation": organisation,
        "perms_here": getattr(request, "permissions", frozenset()),
        "roles_here": getattr(request, "roles", frozenset()),
        "my_organisations": (lambda: provided("organisations_of")(user)) if signed_in else (),
        # the menu of the current organisation: a function, so only pages showing it build it
        "organisation_menu": (lambda: menu_for(organisation=organisation, permissions=permissions))
        if organisation is not None else (),
    }
