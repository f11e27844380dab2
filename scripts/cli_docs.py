"""Print docs/cli.md: the help of every `assure` command (`make docs`)."""

import click

from assure.cli import cli


def _walk(command: click.Command, path: list[str]):
    yield path, command
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from _walk(command.commands[name], [*path, name])


def render() -> str:
    """The markdown for every command, generated from click's help text."""
    lines = [
        "# The `assure` command",
        "",
        "Generated from `--help` by `make docs`; a test fails when it is stale.",
        "",
        "Any Django management command also works: `assure migrate`, "
        "`assure createsuperuser`, `assure runserver`.",
        "",
    ]
    for path, command in _walk(cli, ["assure"]):
        with click.Context(
            command, info_name=" ".join(path), terminal_width=88, max_content_width=88
        ) as ctx:
            lines += [
                f"## `{' '.join(path)}`",
                "",
                "```",
                command.get_help(ctx),
                "```",
                "",
            ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(render(), end="")
