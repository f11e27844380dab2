from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "assure.progress"
    label = "progress"
