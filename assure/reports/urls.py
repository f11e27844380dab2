from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("reports/", views.report_list, name="report_list"),
    path("reports/board/", views.board_report, name="board_report"),
    path("reports/board/<str:fmt>/", views.board_report_file, name="board_report_file"),
    path(
        "reports/yearly/<str:fmt>/", views.yearly_report_file, name="yearly_report_file"
    ),
    path(
        "reports/plans/<int:plan_pk>/export/<str:fmt>/",
        views.plan_export,
        name="plan_export",
    ),
    path("reports/my-actions/calendar/", views.my_calendar, name="my_calendar"),
    path("reports/calendar-links/", views.feed_list, name="feed_list"),
    path(
        "reports/calendar-links/<int:pk>/revoke/", views.feed_revoke, name="feed_revoke"
    ),
]
