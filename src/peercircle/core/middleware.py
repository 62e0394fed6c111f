"""Resolves the organisation from the URL, enforces the view's access rule, scopes the queries."""

import zoneinfo
from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils import timezone
from django_scopes import scope

from peercircle.core.access import access_rule_of, permissions_for_roles
from peercircle.core.ratelimit import limited_response, over_limit
from peercircle.core.registry import provided
from peercircle.core.texts import texts_written_in

PROJECT_MODULE = "peercircle."


@contextmanager
def _organisation_context(organisation):
    """Dates and times on an organisation's pages are in the organisation's time zone, and what
    it typed is taken to be in its main language (core.texts)."""
    name = getattr(organisation, "time_zone", "") or settings.TIME_ZONE
    try:
        zone = zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    with timezone.override(zone), texts_written_in(getattr(organisation, "main_language", "")):
        yield


class OrganisationScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.organisation = None
        request.roles = frozenset()
        request.permissions = frozenset()
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        rule = access_rule_of(match.func)
        if rule is None:
            if match.func.__module__.startswith(PROJECT_MODULE):
                raise ImproperlyConfigured(f"View {match.func!r} declares no access rule.")
            return self.get_response(request)  # allauth's own pages guard themselves
        if rule.kind == "public":
            return self.get_response(request)
        if rule.kind in ("public_organisation", "public_network"):
            return self._public_response(request, match, rule)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if rule.kind == "signed_in":
            return self.get_response(request)
        if rule.kind == "operator":
            if not getattr(request.user, "is_operator", False):
                raise Http404  # the operator's pages look missing to everyone else
            return self.get_response(request)
        return self._organisation_response(request, match.kwargs.get("org"), rule.permission)

    def _organisation_response(self, request, slug, permission):
        organisation = provided("organisation_by_slug")(slug)
        roles = provided("membership_roles")(user=request.user, organisation=organisation)
        if organisation is None or not roles:
            raise Http404  # a foreign organisation looks exactly like a missing one
        if organisation.suspended_at is not None:
            return render(request, "core/organisation_suspended.html",
                          {"suspended_organisation": organisation}, status=403)
        request.organisation = organisation
        request.roles = roles
        request.permissions = permissions_for_roles(roles)
        if permission not in request.permissions:
            raise PermissionDenied
        with scope(organisation=organisation), _organisation_context(organisation):
            return self.get_response(request)

    def _public_response(self, request, match, rule):
        """A public page of an organisation or a network: resolve it, limit, scope."""
        if rule.kind == "public_organisation":
            owner = provided("organisation_by_slug")(match.kwargs.get("organisation_slug"))
            request.public_organisation = owner
        else:
            owner = provided("network_by_slug")(match.kwargs.get("network_slug"))
            request.public_network = owner
        if owner is None or getattr(owner, "suspended_at", None) is not None:
            raise Http404  # a suspended organisation takes no public applications or requests
        bucket = f"{match.url_name}:{rule.kind}:{owner.pk}"
        if rule.read_rate and over_limit(request, f"{bucket}:read", rule.read_rate):
            return limited_response(request)
        if (rule.post_rate and request.method == "POST"
                and over_limit(request, f"{bucket}:post", rule.post_rate)):
            return limited_response(request)
        if rule.kind == "public_network":
            return self.get_response(request)
        with scope(organisation=owner), _organisation_context(owner):
            return self.get_response(request)


class ContentSecurityPolicyMiddleware:
    """Sends the strict policy of `settings.CONTENT_SECURITY_POLICY` with every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        return response
