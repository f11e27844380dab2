"""Reading rendered pages in view tests (Jinja2 pages give tests no context)."""

import html
import re

_ROW_REF = re.compile(
    r'<tr class="govuk-table__row">\s*<td class="govuk-table__cell">(.*?)</td>', re.S
)


def table_refs(page: str) -> list[str]:
    """The first cell of every table row: the action references, in order."""
    return [html.unescape(ref) for ref in _ROW_REF.findall(page)]


def text_of(response) -> str:
    return html.unescape(response.content.decode())
