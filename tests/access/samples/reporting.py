"""Access-matrix samples of the reporting app."""


def samples(org) -> dict:
    from tests.reporting.factories import IndicatorFactory

    indicator = IndicatorFactory(project__organisation=org, metric="beneficiaries", kinds=[])
    return {"project_pk": indicator.project.pk, "indicator_pk": indicator.pk,
            "report_format": "xlsx"}
