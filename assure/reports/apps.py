from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "assure.reports"
    label = "reports"
