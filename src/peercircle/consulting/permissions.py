VIEW_REQUESTS = "consulting.view_requests"
ROUTE_REQUESTS = "consulting.route_requests"
MANAGE_CRISIS_TERMS = "consulting.manage_crisis_terms"
