from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """People join an organisation by invitation only; there is no open sign-up."""

    def is_open_for_signup(self, request) -> bool:
        return False
