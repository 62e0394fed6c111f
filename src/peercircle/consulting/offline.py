"""What a phone needs to keep consultations while offline, without keeping anything readable.

The page gives the browser three values, none of which names the person:
- a person token, under which the device files everything this person keeps (the sign-out
  warning counts and clears it);
- a queue token for the person in one organisation: the script sends only the items of the queue
  of the page it runs on, so items kept by one person are never sent in another's session;
- a key (AES-256-GCM) that encrypts the items on the device. It is derived on the server from
  the secret key, the person and the organisation, and is only ever on a page (sent with
  Cache-Control: no-store), never written to the device's storage. A stolen phone's storage, or
  the next person signing in on it, holds ciphertext without its key; the same person gets the
  same key back after signing in again, so a session that ended while offline loses nothing.
See docs/adr/0003-offline-consultations-on-the-device.md.
"""

import base64

from django.utils.crypto import salted_hmac

MAX_PENDING_SHOWN = 999


def _hmac(purpose: str, value: str):
    return salted_hmac(f"peercircle.offline-queue.{purpose}", value, algorithm="sha256")


def person_token(user) -> str:
    return _hmac("person", str(user.pk)).hexdigest()[:32]


def queue_token(user, organisation) -> str:
    return _hmac("queue", f"{user.pk}:{organisation.pk}").hexdigest()[:32]


def queue_key(user, organisation) -> str:
    return base64.b64encode(_hmac("key", f"{user.pk}:{organisation.pk}").digest()).decode()


def pending_from(value) -> int:
    """The count of unsent items the browser reports on the sign-out page (bounded)."""
    try:
        return max(0, min(int(value), MAX_PENDING_SHOWN))
    except (TypeError, ValueError):
        return 0
