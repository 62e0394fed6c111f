"""Resolves the organisation from the URL, enforces the view's access rule, scopes the queries."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404
from django.urls import Resolver404, resolve
from django_scopes import scope

from peercircle.core.access import access_rule_of, permissions_for_roles
from peercircle.organisations.selectors import membership_roles, organisation_by_slug

PROJECT_MODULE = "peercircle."


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
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if rule.kind == "signed_in":
            return self.get_response(request)
        return self._organisation_response(request, match.kwargs.get("org"), rule.permission)

    def _organisation_response(self, request, slug, permission):
        organisation = organisation_by_slug(slug)
        roles = membership_roles(user=request.user, organisation=organisation)
        if organisation is None or not roles:
            raise Http404  # a foreign organisation looks exactly like a missing one
        request.organisation = organisation
        request.roles = roles
        request.permissions = permissions_for_roles(roles)
        if permission not in request.permissions:
            raise PermissionDenied
        with scope(organisation=organisation):
            return self.get_response(request)
