from django.contrib import admin

from .models import FeedToken, ReminderSent


@admin.register(FeedToken)
class FeedTokenAdmin(admin.ModelAdmin):
    list_display = ["owner", "partnership", "scope", "created_at", "revoked_at"]
    list_filter = ["scope", "partnership"]
    readonly_fields = ["token", "created_at", "updated_at"]


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ["user", "action", "kind", "sent_at"]
    list_filter = ["kind"]
    raw_id_fields = ["user", "action"]
