from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("plan/", views.plan_current, name="plan_current"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/source/", views.plan_source, name="plan_source"),
    path("plans/<int:pk>/export.json", views.plan_export_json, name="plan_export_json"),
    path(
        "plans/<int:plan_pk>/priorities/new/", views.priority_edit, name="priority_new"
    ),
    path("priorities/<int:pk>/", views.priority_detail, name="priority_detail"),
    path("priorities/<int:pk>/edit/", views.priority_edit, name="priority_edit"),
    path(
        "priorities/<int:priority_pk>/actions/new/",
        views.action_edit,
        name="action_new",
    ),
    path("actions/", views.action_list, name="action_list"),
    path("actions/<int:pk>/", views.action_detail, name="action_detail"),
    path("actions/<int:pk>/edit/", views.action_edit, name="action_edit"),
    path("actions/<int:pk>/delete/", views.action_delete, name="action_delete"),
    path("leads/<int:pk>/link/", views.lead_link, name="lead_link"),
    path("my-actions/", views.my_actions_view, name="my_actions"),
    path("meeting-pack/", views.meeting_pack_view, name="meeting_pack"),
    path("history/", views.history, name="history"),
]
