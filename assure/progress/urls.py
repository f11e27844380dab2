from django.urls import path

from . import views

app_name = "progress"

urlpatterns = [
    path(
        "actions/<int:action_pk>/progress/new/",
        views.record_progress,
        name="record_progress",
    ),
]
