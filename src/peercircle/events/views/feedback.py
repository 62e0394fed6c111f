"""Feedback results of an event."""


from django.shortcuts import render

from peercircle.core.access import organisation_view
from peercircle.events import permissions as perm
from peercircle.events import selectors

CHART_WIDTH, BAR_HEIGHT = 480, 22


@organisation_view(perm.VIEW_FEEDBACK)
def feedback_results(request, org, event_pk):
    event = selectors.event_get_for(organisation=request.organisation, pk=event_pk)
    summary = selectors.feedback_summary(event)
    largest = max([row["rating"] for row in summary["distribution"]] + [1])
    bars = []
    for index, row in enumerate(reversed(summary["distribution"])):
        y = 10 + index * (BAR_HEIGHT + 10)
        bars.append({"mark": row["mark"], "count": row["rating"], "y": y, "text_y": y + 16,
                     "width": round(row["rating"] / largest * (CHART_WIDTH - 120), 1)})
    return render(request, "events/feedback_results.html", {
        "event": event, "summary": summary, "bars": bars,
        "chart_height": 20 + 5 * (BAR_HEIGHT + 10), "chart_width": CHART_WIDTH})
