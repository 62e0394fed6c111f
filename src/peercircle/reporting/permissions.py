VIEW_PROJECTS = "reporting.view_projects"
MANAGE_PROJECTS = "reporting.manage_projects"
EXPORT_REPORTS = "reporting.export"
VIEW_NETWORK_STATS = "reporting.view_network_stats"
