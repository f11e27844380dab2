"""Every URL of the service. Partnership pages sit under /partnerships/<slug>/."""

from django.contrib import admin
from django.urls import include, path

partnership_patterns = [
    path("", include("assure.plans.urls")),
    path("", include("assure.progress.urls")),
    path("", include("assure.scorecard.urls")),
    path("", include("assure.reports.urls")),
    path("", include("assure.importers.urls")),
]

urlpatterns = [
    path("", include("assure.core.urls")),
    path("", include("assure.accounts.urls")),
    path("published/", include("assure.plans.public_urls")),
    path("partnerships/<slug:partnership>/", include(partnership_patterns)),
    path("feeds/", include("assure.reports.feed_urls")),
    path("admin/", admin.site.urls),
]

handler400 = "assure.core.views.bad_request"
handler403 = "assure.core.views.permission_denied"
handler404 = "assure.core.views.page_not_found"
handler500 = "assure.core.views.server_error"
