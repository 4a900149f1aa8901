"""``python -m gevinst.cli``: the ``gevinst`` command."""

from __future__ import annotations

import sys

from gevinst.cli import main

if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
