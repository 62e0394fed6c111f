"""The curriculum of self-help group animators (seed 004), taught as a training course."""

from django.utils.translation import gettext_lazy as _

CURRICULUM_TITLE = _("Training of self-help group animators")
CURRICULUM_DESCRIPTION = _(
    "Learning by doing: the trainers run exercises (simulations, role play, discussions in "
    "small groups and in plenary) built on the participants' own experience, help them reach "
    "their own conclusions and sum up each block and the whole course.")

TOPICS = [
    _("The history of self-help; the role and meaning of self-help in a person's life"),
    _("Organising self-help in the local community"),
    _("Setting up a Self-Help Club or a Social Integration Club"),
    _("Animating self-help groups to solve social problems"),
    _("Running self-help groups and group dynamics"),
    _("Building partnership around self-help"),
    _("Elements of working with the project method"),
]
