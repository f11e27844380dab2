from django.urls import path

from . import views

app_name = "importers"

urlpatterns = [
    path("import/", views.upload, name="upload"),
    path("import/<int:pk>/", views.preview, name="preview"),
    path("import/<int:pk>/plan/", views.edit_plan, name="edit_plan"),
    path(
        "import/<int:pk>/priorities/<int:priority_index>/actions/<int:action_index>/",
        views.edit_action,
        name="edit_action",
    ),
    path(
        "import/<int:pk>/priorities/<int:priority_index>/actions/<int:action_index>/remove/",
        views.remove_action,
        name="remove_action",
    ),
    path("import/<int:pk>/confirm/", views.confirm, name="confirm"),
    path("import/<int:pk>/discard/", views.discard, name="discard"),
]
