"""The interface language of a signed-in person, and the two-factor requirement for some roles."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from peercircle.accounts.selectors import two_factor_enrolment_bound, two_factor_missing
from peercircle.core.access import two_factor_enrolment_allowed

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


class UserLanguageMiddleware:
    """A signed-in person sees their own language; others get the cookie or the browser's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = getattr(request.user, "language", None)
        if language not in LANGUAGE_CODES:
            language = translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        remembered = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if request.user.is_authenticated and language in LANGUAGE_CODES and remembered != language:
            # the browser remembers the person's language: the sign-in page they come back to
            # (and the two-factor step before they are signed in) speaks it too
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH, domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE, httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


# Pages a person may open before setting up two-factor authentication.
TWO_FACTOR_EXEMPT_PREFIXES = ("/accounts/", "/static/", "/language/", "/invitations/")


class RequireTwoFactorMiddleware:
    """Everyone whose role holds a sensitive permission must set up an authenticator app; a
    person who joined such a role by invitation sets up the first one only from that link."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.user.is_authenticated:
            return self.get_response(request)
        path = request.path_info
        activating = path == reverse("mfa_activate_totp")
        exempt = path.startswith(TWO_FACTOR_EXEMPT_PREFIXES) and not activating
        if exempt or path == reverse("two_factor_from_invitation"):
            return self.get_response(request)
        if not two_factor_missing(request.user):
            return self.get_response(request)
        if two_factor_enrolment_bound(request.user) and not two_factor_enrolment_allowed(request):
            return redirect(reverse("two_factor_from_invitation"))
        if activating:
            return self.get_response(request)
        from django.contrib import messages

        messages.warning(
            request,
            _("Your role protects sensitive data: set up an authenticator app to continue."),
        )
        return redirect(reverse("mfa_activate_totp"))
