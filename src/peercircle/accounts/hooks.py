"""What the accounts app adds to the whole: the home-page reminder to set up a second factor."""

from django.urls import reverse
from django.utils.translation import gettext as _

from peercircle.accounts.selectors import two_factor_enabled
from peercircle.core import registry
from peercircle.core.dashboard import Todo


@registry.home(200)
def second_factor(*, user, organisation, permissions, cards, todos) -> None:
    if not two_factor_enabled(user):
        todos.append(Todo(_("Protect your account with an authenticator app."),
                          reverse("mfa_activate_totp")))
