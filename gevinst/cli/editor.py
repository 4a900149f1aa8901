"""The ``workshop`` command: edit a plan in the browser (the optional extra
``gevinst[workshop]``).

Not named ``workshop.py``: ``gevinst.cli.workshop`` is the command, which would hide a
module of that name.
"""

from __future__ import annotations

from pathlib import Path

import click

from gevinst.cli.common import Command, UserError, echo, fail, plan_argument
from gevinst.i18n.words import LANGUAGES

# -- workshop -----------------------------------------------------------------------------


@click.command(cls=Command)
@plan_argument
@click.option("--new", "new", is_flag=True, help="Start PLAN from the starter plan (gevinst init).")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help="Port (default: any free one)."
)
@click.option("--no-browser", is_flag=True, help="Print the link only; do not open a browser.")
@click.option("--lang", type=click.Choice(LANGUAGES), help="Page language (default: the plan's).")
def workshop(plan_path: str, new: bool, port: int, no_browser: bool, lang: str | None) -> None:
    """Edit PLAN in the browser: the map, its checks, every edit saved to PLAN.

    Serves on 127.0.0.1 only; the printed link carries a secret token. Ctrl-C stops.
    Needs the extra: pip install 'gevinst[workshop]'.
    """
    from gevinst.workshop import INSTALL_HINT
    from gevinst.workshop.document import refusal

    target = Path(plan_path)
    reason = refusal(target)
    if reason is not None:
        fail(reason)
    if new:
        from gevinst._files import atomic_write
        from gevinst.io.starter import starter_plan

        if target.exists():
            fail(f"{target} exists; leave out --new to open it")
        if target.suffix.lower() == ".json":
            fail("--new writes a YAML plan; name it .yaml")
        atomic_write(target, starter_plan(lang or "nb", target.name))
    elif not target.is_file():
        fail(f"{target}: no such file; use --new to start it from the starter plan")
    try:
        from gevinst.workshop.server import serve
    except ImportError as exc:
        raise UserError(f"{INSTALL_HINT} ({exc.name} is missing)") from exc

    def ready(url: str) -> None:
        echo(f"workshop on {url}  (Ctrl-C stops)")
        if not no_browser:
            import webbrowser

            webbrowser.open(url)

    serve(target, port=port, language=lang, on_ready=ready)
