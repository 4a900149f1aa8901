"""Workshop mode: build the benefit map live in the browser, saved to the plan file.

``gevinst workshop PLAN`` serves an editor for PLAN on 127.0.0.1 (SPEC section 7): the
map as ``gevinst render`` draws it, with every element clickable; forms to add, rename,
edit, link, unlink and delete elements; undo and redo; the findings of ``check`` beside
the map, following each edit. Each edit is written to PLAN at once, atomically, with the
comments and the untouched parts of the file kept as they were.

- :mod:`gevinst.workshop.edits`: the edits, applied to the file's parsed data.
- :mod:`gevinst.workshop.document`: the file, its version, checked atomic writes, undo.
- :mod:`gevinst.workshop.state`: what the page shows of one version of the file.
- :mod:`gevinst.workshop.page`: the page, its words, script and style.
- :mod:`gevinst.workshop.server`: the Starlette app and the uvicorn server.

The server needs the extra ``pip install 'gevinst[workshop]'`` (Starlette, uvicorn,
ruamel.yaml); nothing here is imported by ``import gevinst``.
"""

from __future__ import annotations

__all__ = ["INSTALL_HINT"]

#: What to run when the workshop's packages are missing.
INSTALL_HINT = "the workshop needs its extra packages: pip install 'gevinst[workshop]'"
