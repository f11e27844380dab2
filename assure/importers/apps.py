from django.apps import AppConfig


class ImportersConfig(AppConfig):
    name = "assure.importers"
    label = "importers"
