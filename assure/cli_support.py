"""What every `assure` subcommand needs: Django set up, a partnership or plan by name.

Kept apart from `assure.cli` so the apps' own commands can use it without importing
the command group that imports them.
"""

import os

import click


def setup_django() -> None:
    """Set Django up for a command (local settings unless DJANGO_SETTINGS_MODULE says)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "assure.config.settings.local")
    import django

    django.setup()


def partnership_by_slug(slug: str):
    """The partnership with this slug, or a ClickException listing the known ones."""
    from assure.accounts.models import Partnership

    partnership = Partnership.objects.filter(slug=slug).first()
    if partnership is None:
        known = (
            ", ".join(Partnership.objects.values_list("slug", flat=True)) or "none yet"
        )
        raise click.ClickException(
            f"No partnership '{slug}'. Known partnerships: {known}"
        )
    return partnership


def plan_by_id(plan_id: int):
    """The plan with this ID, or a ClickException saying where to find IDs."""
    from assure.plans.models import Plan

    plan = Plan.objects.select_related("partnership").filter(pk=plan_id).first()
    if plan is None:
        raise click.ClickException(f"No plan with ID {plan_id}. See `assure plans`.")
    return plan
