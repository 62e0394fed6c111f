"""Legal identifiers of an organisation: Russian INN and OGRN, Polish KRS, NIP and REGON.

Checksums come from python-stdnum; each identifier is stored in its compact form (digits only),
so "77 07 083893" and "7707083893" are the same organisation.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as NumberError
from stdnum.pl import nip, regon
from stdnum.ru import inn, ogrn

# field name → (country, label, checker); the checker returns the compact form or raises
IDENTIFIERS = {
    "inn": ("RU", _("INN"), inn.validate),
    "ogrn": ("RU", _("OGRN"), ogrn.validate),
    "krs": ("PL", _("KRS number"), None),
    "nip": ("PL", _("NIP"), nip.validate),
    "regon": ("PL", _("REGON"), regon.validate),
}


def _krs(value: str) -> str:
    digits = "".join(ch for ch in value if not ch.isspace() and ch != "-")
    if not digits.isdigit() or len(digits) != 10:
        raise NumberError
    return digits


def identifier_clean(field: str, value: str) -> str:
    """The compact form of `value`, or a ValidationError saying which identifier is wrong."""
    value = (value or "").strip()
    if not value:
        return ""
    _country, label, check = IDENTIFIERS[field]
    try:
        return str((check or _krs)(value))
    except NumberError:
        raise ValidationError(
            _("This %(identifier)s is not valid: check the digits.") % {"identifier": label},
            code="invalid_identifier",
        ) from None


def identifiers_of_country(country: str) -> list[str]:
    return [field for field, (of, _label, _check) in IDENTIFIERS.items() if of == country]
