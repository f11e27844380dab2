from django.contrib import admin

from .models import ProgressUpdate


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    """Read-only: updates are never edited or deleted."""

    list_display = ["action", "status", "update_date", "author"]
    list_filter = ["status"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
