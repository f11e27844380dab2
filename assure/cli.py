"""The `assure` command: one entry point for people and scripts.

Our own commands are below; any other name runs Django's management command of that
name (`assure migrate`, `assure createsuperuser`, `assure runserver`).
"""

import json
import os
import sys
from pathlib import Path

import click

from assure.cli_support import partnership_by_slug, plan_by_id, setup_django
from assure.importers.cli import import_command
from assure.reports.cli import remind, report
from assure.scorecard.cli import scorecard


class AssureGroup(click.Group):
    """Our commands first; any other name is passed to Django's management commands."""

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        command = super().get_command(ctx, name)
        if command is not None:
            return command
        setup_django()
        from django.core.management import get_commands

        if name not in get_commands():
            return None

        @click.command(
            name=name,
            context_settings={
                "ignore_unknown_options": True,
                "allow_extra_args": True,
                "help_option_names": [],
            },
            add_help_option=False,
        )
        @click.pass_context
        def django_command(inner: click.Context) -> None:
            from django.core.management import execute_from_command_line

            execute_from_command_line(["assure", name, *inner.args])

        return django_command

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(super().list_commands(ctx))


@click.group(cls=AssureGroup)
def cli() -> None:
    """Assure: business plans, progress and assurance for safeguarding partnerships.

    Any Django management command also works: assure migrate, assure createsuperuser.
    """


@cli.command()
def partnerships() -> None:
    """List partnerships: SLUG<TAB>NAME."""
    setup_django()
    from assure.accounts.models import Partnership

    for slug, name in Partnership.objects.order_by("slug").values_list("slug", "name"):
        click.echo(f"{slug}\t{name}")


@cli.command()
@click.option("--partnership", "slug", help="Only this partnership's plans.")
def plans(slug: str | None) -> None:
    """List plans: ID<TAB>SLUG<TAB>TITLE<TAB>STATUS."""
    setup_django()
    from assure.plans.models import Plan

    queryset = Plan.objects.select_related("partnership").order_by("pk")
    if slug:
        queryset = queryset.filter(partnership=partnership_by_slug(slug))
    for plan in queryset:
        click.echo(f"{plan.pk}\t{plan.partnership.slug}\t{plan.title}\t{plan.status}")


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--partnership", "slug", help="Partnership slug; created if it does not exist."
)
def load(file: Path, slug: str | None) -> None:
    """Load a plan/1 JSON file and print the new plan's ID."""
    setup_django()
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from assure.plans.schema import plan_document_errors
    from assure.plans.services import (
        partnership_get_or_create,
        plan_create_from_document,
    )

    try:
        document = json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise click.ClickException(f"{file} is not valid JSON: {error}") from None
    name = document.get("partnership") if isinstance(document, dict) else None
    try:
        # Check the document before creating its partnership, so errors name its fields.
        if errors := plan_document_errors(document):
            raise ValidationError(errors)
        with transaction.atomic():
            partnership, _ = partnership_get_or_create(
                slug=slug, name=name if isinstance(name, str) and name else (slug or "")
            )
            plan = plan_create_from_document(
                partnership=partnership,
                document=document,
                source_name=file.name,
                source_bytes=file.read_bytes(),
            )
    except ValidationError as error:
        raise click.ClickException(
            f"{file} is not a valid plan/1 document; nothing was saved.\n  "
            + "\n  ".join(error.messages)
        ) from None
    click.echo(plan.pk)


EXPORT_FORMATS = ["json", "xlsx", "csv", "ics"]


@cli.command()
@click.option(
    "--plan", "plan_id", type=int, required=True, help="Plan ID (see `assure plans`)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="json",
    show_default=True,
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write; standard output when not given.",
)
def export(plan_id: int, fmt: str, output: Path | None) -> None:
    """Write a plan out: plan/1 JSON, Excel, CSV or an iCalendar of due dates."""
    setup_django()
    from assure.plans.documents import plan_to_document

    plan = plan_by_id(plan_id)
    if fmt == "json":
        body = (
            json.dumps(plan_to_document(plan=plan), indent=2, ensure_ascii=False) + "\n"
        )
        data = body.encode("utf-8")
    else:
        from assure.reports.exports import calendar_for_plan, plan_export_build
        from assure.reports.renderers.ics import calendar_ics
        from assure.reports.renderers.sheets import plan_export_csv, plan_export_xlsx

        if fmt == "ics":
            data = calendar_ics(calendar_for_plan(plan=plan))
        else:
            built = plan_export_build(plan=plan)
            data = plan_export_xlsx(built) if fmt == "xlsx" else plan_export_csv(built)
    if output:
        output.write_bytes(data)
        click.echo(f"Wrote plan {plan.pk} to {output}", err=True)
    else:
        stream = sys.stdout.buffer
        stream.write(data)
        stream.flush()


@cli.command()
@click.argument("email")
@click.option("--partnership", "slug", required=True, help="Partnership slug.")
@click.option("--role", type=click.Choice(["manager", "lead", "member"]), required=True)
@click.option("--name", "full_name", default="", help="Full name, for a new account.")
def grant(email: str, slug: str, role: str, full_name: str) -> None:
    """Give a person a role in a partnership, creating their account if needed.

    The password of a new account comes from ASSURE_PASSWORD, else it is asked for.
    """
    setup_django()
    from django.core.exceptions import ValidationError

    from assure.accounts.models import User
    from assure.accounts.services import membership_grant

    partnership = partnership_by_slug(slug)
    password = os.environ.get("ASSURE_PASSWORD")
    exists = User.objects.filter(email=email.strip().lower()).exists()
    if not password and not exists:
        password = click.prompt(
            "Password for the new account", hide_input=True, confirmation_prompt=True
        )
    try:
        user, created = membership_grant(
            email=email,
            partnership=partnership,
            role=role,
            password=password,
            full_name=full_name,
        )
    except ValidationError as error:
        raise click.ClickException(" ".join(error.messages)) from None
    verb = "Created" if created else "Updated"
    click.echo(f"{verb} {user.email}: {role} of {partnership.slug}")


@cli.command()
@click.option(
    "--password",
    envvar="ASSURE_DEMO_PASSWORD",
    default=None,
    help="Password for the demo accounts (default: a fixed demo password).",
)
@click.option(
    "--reset", is_flag=True, help="Delete the demo partnerships and load them again."
)
def demo(password: str | None, reset: bool) -> None:
    """Load the demo: five real plans as five partnerships, with people and updates."""
    setup_django()
    from django.conf import settings

    from assure.demo.loader import DEMO_PASSWORD, demo_load

    if settings.SETTINGS_MODULE.endswith(".production"):
        raise click.ClickException(
            "The demo creates accounts with a known password: it never runs in production."
        )
    summary = demo_load(password=password or DEMO_PASSWORD, reset=reset)
    click.echo(summary)


for _command in (import_command, report, remind, scorecard):
    cli.add_command(_command)
