"""`assure scorecard ...`: load official figures, export them, list authorities."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import click

from assure.cli_support import partnership_by_slug, setup_django


@click.group()
def scorecard() -> None:
    """Scorecard figures: official DfE statistics and partners' own."""


@scorecard.command("load-dfe")
@click.option("--partnership", "slug", required=True, help="Partnership slug.")
@click.option(
    "--la",
    "query",
    required=True,
    help="Local authority name, 3-digit DfE code or ONS code.",
)
def load_dfe(slug: str, query: str) -> None:
    """Attach a local authority's DfE figures to a partnership, replacing old ones."""
    setup_django()
    from .services import UnknownAuthorityError, official_figures_load

    partnership = partnership_by_slug(slug)
    try:
        result = official_figures_load(partnership=partnership, query=query)
    except UnknownAuthorityError as error:
        raise click.ClickException(" ".join(error.messages)) from None
    click.echo(str(result))


@scorecard.command("export")
@click.option("--partnership", "slug", required=True, help="Partnership slug.")
@click.option(
    "--format", "fmt", type=click.Choice(["csv"]), default="csv", show_default=True
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write; standard output when not given.",
)
def export(slug: str, fmt: str, output: Path | None) -> None:
    """Write every figure: one row per indicator, period and geography."""
    setup_django()
    from .dfe import EXPORT_COLUMNS
    from .selectors import export_rows_for_partnership

    partnership = partnership_by_slug(slug)
    rows = export_rows_for_partnership(partnership=partnership)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    if output:
        output.write_text(buffer.getvalue(), encoding="utf-8")
        click.echo(
            f"Wrote {len(rows)} rows for {partnership.slug} to {output}", err=True
        )
    else:
        sys.stdout.write(buffer.getvalue())


@scorecard.command("authorities")
def authorities() -> None:
    """List local authorities in the DfE files: CODE<TAB>NAME."""
    from .dfe import load_dataset

    for authority in load_dataset().authority_list():
        click.echo(f"{authority.old_code}\t{authority.name}")
