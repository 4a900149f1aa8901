"""What the workshop's tests share: a plan file on disk and a client of its server."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the workshop extra is not installed")
pytest.importorskip("ruamel.yaml", reason="the workshop extra is not installed")

TOKEN = "secret-token-for-tests"
HOST = "testserver"

#: A plan as people write it: comments, flow lists, quoting, an order of their own.
COMMENTED = """\
# Plan for the workshop (kept comment)
schema: gevinst/1
plan:
  id: verksted
  title: Verkstedplan   # the title
goals:
  - {id: G1, name: 'Bergens barn, byens framtid'}   # quote text with commas
benefits:
  - id: B1
    name: Kortere ventetid
    contributes_to: [G1]   # straight to the goal
# measures come last here
measures:
  - {id: M1, name: Digital innmelding, contributes_to: [B1]}
"""

EMPTY = "schema: gevinst/1\nplan: {id: tom, title: Tom plan}\n"


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    return path


def client_for(path: Path, language: str | None = "en") -> Any:
    """A client of the server for ``path``, its page and messages in ``language`` (English
    unless told: the tests read its messages in English; None: the plan's language)."""
    from starlette.testclient import TestClient

    from gevinst.workshop.server import create_app

    app = create_app(path, TOKEN, (HOST,), language=language)
    client = TestClient(app, base_url=f"http://{HOST}")
    client.headers["X-Gevinst-Token"] = TOKEN
    return client


@pytest.fixture
def client(plan_file: Path) -> Iterator[Any]:
    with client_for(plan_file) as client:
        yield client


@contextmanager
def running_server(path: Path, language: str | None = None) -> Iterator[str]:
    """A real uvicorn server for ``path`` in a thread; yields the link with its token."""
    import uvicorn

    from gevinst.workshop.server import create_app, hosts_for, listen

    sock = listen(0)
    port = sock.getsockname()[1]
    app = create_app(path, TOKEN, hosts_for(port), language=language)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}/?token={TOKEN}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
