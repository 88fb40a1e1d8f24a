"""The ``archlint`` command, installed with the package: ``python -m archlint``."""

from __future__ import annotations

import sys
from typing import Optional

from ._archlint import main as _main


def main(argv: Optional[list[str]] = None) -> int:
    """Runs ``archlint`` with ``argv`` (default: the command line); returns the exit status."""
    return _main(sys.argv[1:] if argv is None else list(argv))


if __name__ == "__main__":
    sys.exit(main())
