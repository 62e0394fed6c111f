"""A small fixed-window rate limit on the shared cache, for public forms."""

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


def client_address(request) -> str:
    """The address of the person, not of our own proxy.

    With `TRUSTED_PROXY_HOPS = n` the last n hops before the application are our own proxies,
    each appending the address it saw to X-Forwarded-For; the client is the right-most address
    none of them added. Everything to the left of it can be written by anyone and is ignored.
    With 0 hops the header is ignored altogether.
    """
    remote = request.META.get("REMOTE_ADDR") or "unknown"
    hops = getattr(settings, "TRUSTED_PROXY_HOPS", 0)
    if hops <= 0:
        return remote
    forwarded = [address.strip()
                 for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
                 if address.strip()]
    chain = forwarded + [remote]
    return chain[-(hops + 1)] if len(chain) > hops else chain[0]


def parse_rate(rate: str) -> tuple[int, int]:
    """"5/h" → (5, 3600); units s, m, h, d, optionally with a count ("120/10m")."""
    limit, _, period = rate.partition("/")
    digits = "".join(c for c in period if c.isdigit())
    unit = period[len(digits):]
    seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit]
    return int(limit), int(digits or 1) * seconds


def allow(key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one hit for `key`; False once more than `limit` hits fall in the window."""
    cache_key = f"ratelimit:{key}"
    cache.add(cache_key, 0, timeout=window_seconds)
    try:
        hits = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window_seconds)
        hits = 1
    return hits <= limit


def limited_response(request):
    """The one answer to a person over a limit."""
    return render(request, "429.html", status=429)


def over_limit(request, bucket: str, rate: str) -> bool:
    """Count this request in `bucket` for the client's address; True when it is over `rate`."""
    limit, window = parse_rate(rate)
    return not allow(f"{bucket}:{client_address(request)}", limit=limit, window_seconds=window)
