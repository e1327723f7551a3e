"""Generate the CLI reference (docs/cli.md) from the code, so the docs never drift.

``python -m backchannel.cli.reference > docs/cli.md``; a test checks that the file
in the repository equals what this prints.
"""

from __future__ import annotations

import typer.main

from .app import app

# Typer vendors its own click, so commands are recognised by what they do, not their class.


def _ctx(cmd, path: list[str]):
    return cmd.context_class(cmd, info_name=" ".join(path))


def _usage(cmd, path: list[str]) -> str:
    ctx = _ctx(cmd, path)
    pieces = cmd.collect_usage_pieces(ctx)
    return " ".join([*path, *pieces])


def _params(cmd) -> list[str]:
    lines = []
    for p in cmd.params:
        if getattr(p, "hidden", False):
            continue
        if p.param_type_name == "argument":
            lines.append(f"| `{p.name.upper()}` | argument | {(getattr(p, 'help', None) or '').strip()} |")
            continue
        if p.param_type_name != "option" or p.name in {"install_completion", "show_completion"}:
            continue
        names = ", ".join(f"`{o}`" for o in [*p.opts, *p.secondary_opts])
        default = ""
        if p.show_default is not False and p.default not in (None, False, (), []) and not callable(p.default):
            default = f" (default: `{p.default}`)"
        text = " ".join((p.help or "").split())
        lines.append(f"| {names} | option | {text}{default} |")
    return lines


def _walk(cmd, path: list[str], out: list[str]) -> None:
    level = "#" * min(len(path) + 1, 4)
    out.append(f"{level} `{' '.join(path)}`\n")
    help_text = (cmd.help or "").replace("[bold]", "**").replace("[/bold]", "**").strip()
    if help_text:
        out.append(help_text + "\n")
    out.append(f"```\n{_usage(cmd, path)}\n```\n")
    rows = _params(cmd)
    if rows:
        out.append("| name | kind | help |\n| --- | --- | --- |")
        out.extend(rows)
        out.append("")
    if hasattr(cmd, "list_commands"):
        ctx = _ctx(cmd, path)
        for name in cmd.list_commands(ctx):
            sub = cmd.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                _walk(sub, [*path, name], out)


def reference() -> str:
    """The whole reference as Markdown."""
    out = ["# backchannel command reference", "", "Generated from the code by `make docs`; do not edit by hand.", ""]
    _walk(typer.main.get_command(app), ["backchannel"], out)
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    print(reference(), end="")
