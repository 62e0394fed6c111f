"""What each kind of import reads, how a row is checked, and how valid rows are written: one
module per kind (`base` holds what they share), and the registry of kinds."""

from peercircle.imports.importers.attendance import AttendanceImporter
from peercircle.imports.importers.base import BATCH, Column, Importer, Row, existing_codes
from peercircle.imports.importers.beneficiaries import BeneficiaryImporter, FamilyImporter
from peercircle.imports.importers.consultations import ConsultationImporter
from peercircle.imports.importers.organisations import OrganisationImporter
from peercircle.imports.importers.volunteers import VolunteerImporter

__all__ = ["BATCH", "IMPORTERS", "AttendanceImporter", "BeneficiaryImporter", "Column",
           "ConsultationImporter", "FamilyImporter", "Importer", "OrganisationImporter", "Row",
           "VolunteerImporter",
           "existing_codes", "guess_mapping", "kind_choices"]

IMPORTERS: dict[str, type[Importer]] = {
    importer.kind: importer for importer in (
        VolunteerImporter, BeneficiaryImporter, FamilyImporter, ConsultationImporter,
        AttendanceImporter, OrganisationImporter)
}


def kind_choices(organisation=None):
    """The kinds this organisation can import (some only where it coordinates a network)."""
    return [(kind, importer.label) for kind, importer in IMPORTERS.items()
            if organisation is None or importer.offered_to(organisation)]


def guess_mapping(kind: str, headers: list[str], remembered: dict | None = None) -> dict:
    """field -> header: what was used last time (if those headers are here), else by the names."""
    columns = IMPORTERS[kind].columns
    remembered = remembered or {}
    mapping = {}
    lowered = {h.strip().lower(): h for h in headers}
    for column in columns:
        if remembered.get(column.name) in headers:
            mapping[column.name] = remembered[column.name]
            continue
        for candidate in (str(column.label).lower(), column.name, *column.aliases):
            if candidate in lowered and lowered[candidate] not in mapping.values():
                mapping[column.name] = lowered[candidate]
                break
    return mapping
