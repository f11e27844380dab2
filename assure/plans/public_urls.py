from django.urls import path

from . import public_views

app_name = "public"

urlpatterns = [
    path("", public_views.plan_list, name="plan_list"),
    path(
        "<slug:partnership>/plans/<int:pk>/",
        public_views.plan_detail,
        name="plan_detail",
    ),
]
