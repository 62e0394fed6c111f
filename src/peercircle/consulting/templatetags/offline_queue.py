from django import template

from peercircle.consulting import offline

register = template.Library()


@register.simple_tag(takes_context=True)
def offline_person(context) -> str:
    """The signed-in person's non-identifying token for the device's offline queue."""
    user = context.get("user")
    return offline.person_token(user) if user is not None and user.is_authenticated else ""


@register.simple_tag(takes_context=True)
def offline_pending(context) -> int:
    request = context.get("request")
    return offline.pending_from(request.GET.get("pending")) if request is not None else 0
