from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Action, ActionLead, Plan, Priority


class ActionLeadInline(admin.TabularInline):
    model = ActionLead
    extra = 0


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "partnership",
        "status",
        "is_published",
        "period_start_date",
    ]
    list_filter = ["status", "is_published", "partnership"]
    search_fields = ["title"]


@admin.register(Priority)
class PriorityAdmin(SimpleHistoryAdmin):
    list_display = ["ref", "title", "plan"]
    list_filter = ["plan__partnership"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["ref", "short_text", "priority", "due_date"]
    list_filter = ["priority__plan__partnership"]
    search_fields = ["ref", "text"]
    inlines = [ActionLeadInline]
