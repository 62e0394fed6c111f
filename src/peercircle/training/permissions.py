VIEW_COURSES = "training.view_courses"
MANAGE_COURSES = "training.manage_courses"
