"""`peercircle report PROJECT_ID --format json`: each indicator with its target and actual."""

import json
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope, scopes_disabled

from peercircle.reporting import compute
from peercircle.reporting.models import Project


def _number(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def report_data(project: Project) -> dict:
    results = compute.project_results(project, list(
        project.indicators.select_related("project", "region")))
    return {
        "project": {"id": project.pk, "title": project.title,
                    "organisation": project.organisation.slug, "funder": project.funder,
                    "application_number": project.application_number,
                    "starts_on": project.starts_on.isoformat(),
                    "ends_on": project.ends_on.isoformat()},
        "indicators": [{
            "id": r.indicator.pk, "name": r.indicator.name, "metric": r.indicator.metric,
            "target": _number(r.target), "actual": r.suppressed or _number(r.actual),
            "percent": r.percent, "note": r.note, "disclosure_controlled": r.controlled,
            "groups": [{"key": g.key, "label": g.label, "target": _number(g.target),
                        "actual": g.suppressed or _number(g.actual)} for g in r.groups],
        } for r in results],
    }


class Command(BaseCommand):
    help = "Print a project's indicators with their targets and actual figures."

    def add_arguments(self, parser):
        parser.add_argument("project_id", type=int)
        parser.add_argument("--format", choices=["json", "text"], default="json")

    def handle(self, *args, project_id, format, **options):
        with scopes_disabled():
            project = Project.objects.select_related("organisation").filter(pk=project_id).first()
        if project is None:
            raise CommandError(f"No project {project_id}.")
        with scope(organisation=project.organisation):
            data = report_data(project)
        if format == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        for row in data["indicators"]:
            self.stdout.write(f"{row['name']}: {row['actual']} / {row['target']}")
