"""`assure report board|yearly` and `assure remind`."""

import datetime as dt
import sys
from pathlib import Path

import click

from assure.cli_support import partnership_by_slug, setup_django

BOARD_FORMATS = ["html", "docx", "pdf"]
YEARLY_FORMATS = ["docx", "pdf"]


def _write(body: bytes, output: Path | None, what: str) -> None:
    if output is None:
        if sys.stdout.isatty():
            raise click.ClickException(
                "This format is binary: give --output FILE, or redirect standard output."
            )
        stream = sys.stdout.buffer
        stream.write(body)
        stream.flush()
        return
    output.write_bytes(body)
    click.echo(f"Wrote {what} to {output}", err=True)


@click.group()
def report() -> None:
    """Write a board progress report or the yearly report draft."""


@report.command()
@click.option("--partnership", "slug", required=True, help="Partnership slug.")
@click.option(
    "--as-at",
    "as_at",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Status as at this date (YYYY-MM-DD); default today.",
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Date of the previous report; default 3 months before --as-at.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(BOARD_FORMATS),
    default="docx",
    show_default=True,
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write; standard output when not given.",
)
def board(
    slug: str,
    as_at: dt.datetime | None,
    since: dt.datetime | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Board progress report: status by priority, off track, overdue, silent, done."""
    setup_django()
    from .builders import board_report_build

    partnership = partnership_by_slug(slug)
    built = board_report_build(
        partnership=partnership,
        as_at=as_at.date() if as_at else None,
        since=since.date() if since else None,
    )
    if since and since.date() >= built.as_at:
        raise click.ClickException("--since must be before --as-at")
    _write(_render_board(built, fmt), output, f"the {fmt} board report")


def _render_board(built, fmt: str) -> bytes:
    if fmt == "html":
        from .renderers.html import board_report_html

        return board_report_html(built).encode("utf-8")
    if fmt == "pdf":
        from .renderers.pdf import board_report_pdf

        return board_report_pdf(built)
    from .renderers.docx import board_report_docx

    return board_report_docx(built)


@report.command()
@click.option("--partnership", "slug", required=True, help="Partnership slug.")
@click.option(
    "--year",
    type=click.IntRange(2000, 2100),
    required=True,
    help="The financial year starting 1 April of this year.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(YEARLY_FORMATS),
    default="docx",
    show_default=True,
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write; standard output when not given.",
)
def yearly(slug: str, year: int, fmt: str, output: Path | None) -> None:
    """Yearly report draft for the year 1 April YEAR to 31 March YEAR+1."""
    setup_django()
    from .builders import yearly_report_build

    built = yearly_report_build(partnership=partnership_by_slug(slug), year=year)
    if fmt == "pdf":
        from .renderers.pdf import yearly_report_pdf

        body = yearly_report_pdf(built)
    else:
        from .renderers.docx import yearly_report_docx

        body = yearly_report_docx(built)
    _write(body, output, f"the {fmt} yearly report {built.year_words}")


@click.command()
@click.option(
    "--due-within",
    type=click.IntRange(0),
    default=14,
    show_default=True,
    help="Remind about actions due within this many days.",
)
@click.option(
    "--silent-days",
    type=click.IntRange(1),
    default=90,
    show_default=True,
    help="Remind about actions with no update for this many days.",
)
@click.option(
    "--interval-days",
    type=click.IntRange(0),
    default=7,
    show_default=True,
    help="Do not repeat the same reminder within this many days.",
)
@click.option("--dry-run", is_flag=True, help="List what would be sent; send nothing.")
def remind(
    due_within: int, silent_days: int, interval_days: int, dry_run: bool
) -> None:
    """Email each lead about their overdue, due soon and silent actions."""
    setup_django()
    from .reminders import reminders_send

    run = reminders_send(
        due_within=due_within,
        silent_days=silent_days,
        interval_days=interval_days,
        dry_run=dry_run,
    )
    if dry_run:
        for email in run.emails:
            click.echo(
                f"{email.user.email}: "
                + ", ".join(f"{item.label[:40]} ({item.kind})" for item in email.items)
            )
    click.echo(run.summary())
