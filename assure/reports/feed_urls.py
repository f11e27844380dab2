from django.urls import path

from . import views

app_name = "feeds"

urlpatterns = [
    path("<str:token>.ics", views.feed, name="feed"),
]
