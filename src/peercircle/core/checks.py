"""Deployment checks (`peercircle check --deploy`)."""

from django.conf import settings
from django.core.checks import Error, Tags, register

LOCAL_CACHES = ("django.core.cache.backends.locmem.LocMemCache",
                "django.core.cache.backends.dummy.DummyCache")
CSP_MIDDLEWARE = "peercircle.core.middleware.ContentSecurityPolicyMiddleware"


@register(Tags.security, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Rate limits and sign-in lockouts count in the cache: each worker's own memory would let
    every worker count separately, and a restart forgets them."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if not settings.DEBUG and backend in LOCAL_CACHES:
        return [Error("The default cache is local to one process.",
                      hint="Set CACHE_URL to a shared cache (Redis, Memcached or the database "
                           "cache) in production.", id="peercircle.E001")]
    return []


@register(Tags.security, deploy=True)
def content_security_policy(app_configs, **kwargs):
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
    directives = {part.strip().split(" ")[0]: part.strip() for part in policy.split(";")
                  if part.strip()}
    unsafe = "'unsafe-inline'" in policy or "'unsafe-eval'" in policy
    if (CSP_MIDDLEWARE not in settings.MIDDLEWARE or unsafe
            or not {"default-src", "script-src", "style-src"} <= directives.keys()):
        return [Error("No strict Content-Security-Policy is sent.",
                      hint=f"Keep {CSP_MIDDLEWARE} in MIDDLEWARE and CONTENT_SECURITY_POLICY "
                           "without 'unsafe-inline' or 'unsafe-eval'.", id="peercircle.E002")]
    return []


@register(Tags.security, deploy=True)
def second_factor_key(app_configs, **kwargs):
    """TOTP secrets are encrypted at rest with a key of their own (accounts/secrets.py)."""
    if not settings.DEBUG and not getattr(settings, "MFA_ENCRYPTION_KEY", ""):
        return [Error("No key encrypts the second-factor secrets.",
                      hint="Set MFA_ENCRYPTION_KEY (generate one with `peercircle mfa_key`).",
                      id="peercircle.E003")]
    return []
