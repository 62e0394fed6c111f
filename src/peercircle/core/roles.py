"""The roles a person can hold in an organisation: the keys of the role table (core.registry)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    NETWORK_COORDINATOR = "network_coordinator", _("Network coordinator")
    COORDINATOR = "coordinator", _("Organisation coordinator")
    STAFF = "staff", _("Staff member")
    SUPERVISOR = "supervisor", _("Supervisor or curator")
    VOLUNTEER = "volunteer", _("Volunteer")
    PARTNER = "partner", _("Partner contact")


class VolunteerKind(models.TextChoices):
    PEER_CONSULTANT = "peer_consultant", _("Peer consultant")
    MENTOR = "mentor", _("Mentor")
    ANIMATOR = "animator", _("Group animator")

