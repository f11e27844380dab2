from django.apps import AppConfig


class ScorecardConfig(AppConfig):
    name = "assure.scorecard"
    label = "scorecard"
