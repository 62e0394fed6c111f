VIEW_VOLUNTEERS = "volunteers.view_volunteers"
MANAGE_VOLUNTEERS = "volunteers.manage_volunteers"
CONFIGURE_APPLICATION = "volunteers.configure_application"
