from django.contrib import admin

from .models import Commentary, Indicator, Measurement


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "partnership", "theme", "is_official", "target"]
    list_filter = ["is_official", "partnership", "theme"]
    search_fields = ["name", "code"]
    filter_horizontal = ["priorities"]


@admin.register(Measurement)
class MeasurementAdmin(admin.ModelAdmin):
    list_display = [
        "indicator",
        "period",
        "geography",
        "geography_name",
        "value",
        "note",
    ]
    list_filter = ["geography", "indicator__partnership"]
    search_fields = ["indicator__code", "geography_name"]
    raw_id_fields = ["indicator", "recorded_by"]


@admin.register(Commentary)
class CommentaryAdmin(admin.ModelAdmin):
    list_display = ["indicator", "commentary_date", "author"]
    raw_id_fields = ["indicator", "author"]
