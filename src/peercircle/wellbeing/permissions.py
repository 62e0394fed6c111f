TAKE_SELF_CHECK = "wellbeing.take_self_check"
VIEW_SUPPORT_REQUESTS = "wellbeing.view_support_requests"
