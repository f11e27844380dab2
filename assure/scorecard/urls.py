from django.urls import path

from . import views

app_name = "scorecard"

urlpatterns = [
    path("scorecard/", views.scorecard, name="scorecard"),
    path("scorecard/exceptions/", views.exceptions, name="exceptions"),
    path("scorecard/child-protection/", views.cp_journey, name="cp_journey"),
    path("scorecard/upload/", views.upload, name="upload"),
    path("scorecard/official/", views.official_load, name="official_load"),
    path("scorecard/export.csv", views.export_csv, name="export_csv"),
    path("scorecard/indicators/new/", views.indicator_edit, name="indicator_new"),
    path(
        "scorecard/indicators/<int:pk>/",
        views.indicator_detail,
        name="indicator_detail",
    ),
    path(
        "scorecard/indicators/<int:pk>/edit/",
        views.indicator_edit,
        name="indicator_edit",
    ),
    path(
        "scorecard/indicators/<int:pk>/commentary/new/",
        views.commentary_new,
        name="commentary_new",
    ),
    path(
        "scorecard/indicators/<int:pk>/figures/new/",
        views.measurement_new,
        name="measurement_new",
    ),
]
