from peercircle.organisations.selectors import organisations_of


def organisation(request) -> dict:
    """The current organisation, the person's permissions there, and where else they belong."""
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    return {
        "current_organisation": getattr(request, "organisation", None),
        "perms_here": getattr(request, "permissions", frozenset()),
        "roles_here": getattr(request, "roles", frozenset()),
        "my_organisations": (lambda: organisations_of(user)) if signed_in else (),
    }
