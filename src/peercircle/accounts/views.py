from allauth.account import views as allauth_views
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peercircle.core.access import public_view, signed_in_view
from peercircle.organisations.selectors import organisations_of

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


@signed_in_view
def home(request):
    """Go to the organisation the person used last, or let them choose."""
    organisations = organisations_of(request.user)
    by_pk = {o.pk: o for o in organisations}
    chosen = by_pk.get(request.user.last_organisation_id)
    if chosen is None and len(organisations) == 1:
        chosen = organisations[0]
    if chosen is not None and "choose" not in request.GET:
        return redirect("core:dashboard", org=chosen.slug)
    if request.user.is_operator and not organisations:
        return redirect("operator:home")
    return render(request, "accounts/home.html", {"organisations": organisations})


@public_view
@require_POST
def language_set(request):
    language = request.POST.get("language", "")
    if language not in LANGUAGE_CODES:
        return HttpResponseBadRequest("Unknown language")
    if request.user.is_authenticated:
        request.user.language = language
        request.user.save(update_fields=["language"])
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = redirect(target)
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, max_age=365 * 24 * 3600,
                        samesite="Lax", secure=settings.LANGUAGE_COOKIE_SECURE)
    translation.activate(language)
    return response


class EmailView(allauth_views.EmailView):
    """allauth's e-mail page, with one rule more: an address becomes primary only once verified
    (allauth lets an unverified one through when no address of the account is verified)."""

    def post(self, request, *args, **kwargs):
        if "action_primary" in request.POST:
            chosen = EmailAddress.objects.filter(
                user=request.user, email__iexact=request.POST.get("email", "")).first()
            if chosen is None or not chosen.verified:
                messages.error(request, _("Confirm the new address first: open the link we sent "
                                          "to it. Until then your address stays as it is."))
                return redirect("account_email")
        return super().post(request, *args, **kwargs)


email = signed_in_view(EmailView.as_view())


@signed_in_view
def two_factor_from_invitation(request):
    """A person who joined by invitation and has no authenticator yet: the first one is set up
    from the invitation link, so that someone who only learnt the password cannot."""
    return render(request, "accounts/two_factor_from_invitation.html")


@public_view
def accessibility(request):
    """The accessibility statement: the standard aimed at, what does not meet it yet, and how to
    report a barrier (ACCESSIBILITY_CONTACT, an address of the installation's operator)."""
    return render(request, "accounts/accessibility.html",
                  {"contact": getattr(settings, "ACCESSIBILITY_CONTACT", "")})
