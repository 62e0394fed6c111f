from django.apps import AppConfig


class ShellConfig(AppConfig):
    name = "peercircle.shell"
    label = "shell"
    verbose_name = "PeerCircle"
