"""`assure import`: read a plan document into plan/1, or save it as a draft plan."""

import json
import sys
import time
from pathlib import Path

import click

from assure.cli_support import partnership_by_slug, setup_django


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--partnership",
    "slug",
    help="Partnership slug; created from the document's name if not given.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print plan/1 JSON to standard output and save nothing.",
)
@click.option("--dry-run", is_flag=True, help="Read and report, save nothing.")
def import_command(file: Path, slug: str | None, as_json: bool, dry_run: bool) -> None:
    """Read a plan document (.docx, .pdf, .xlsx, .csv, .txt, .md).

    Without --json or --dry-run the plan is saved as a draft of the partnership, with the
    original document kept, and its ID is printed.
    """
    from assure.importers.api import read_plan
    from assure.importers.blocks import ImportRefused

    started = time.perf_counter()
    data = file.read_bytes()
    try:
        result = read_plan(data, file.name)
    except ImportRefused as refusal:
        raise click.ClickException(str(refusal)) from None
    if as_json:
        sys.stdout.write(json.dumps(result.plan, indent=2, ensure_ascii=False) + "\n")
        return
    actions = sum(len(p["actions"]) for p in result.plan["priorities"])
    summary = (
        f"Read {file.name} in {time.perf_counter() - started:.2f} s: "
        f"{len(result.plan['priorities'])} priorities, {actions} actions, "
        f"{len(result.problems)} things to check."
    )
    if dry_run:
        click.echo(summary)
        for problem in result.problems:
            click.echo(f"  {problem.where}: {problem.message}")
        return
    setup_django()
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from assure.importers.services import plan_import_file
    from assure.plans.services import partnership_get_or_create

    try:
        with transaction.atomic():
            if slug:
                partnership = partnership_by_slug(slug)
            else:
                partnership, _ = partnership_get_or_create(
                    slug=None, name=result.plan["partnership"]
                )
            plan = plan_import_file(
                data=data, filename=file.name, partnership=partnership
            )
    except ImportRefused as refusal:
        raise click.ClickException(str(refusal)) from None
    except ValidationError as error:
        raise click.ClickException(
            "What was read is not a complete plan; nothing was saved. "
            + "; ".join(error.messages)
        ) from None
    click.echo(summary, err=True)
    click.echo(plan.pk)
