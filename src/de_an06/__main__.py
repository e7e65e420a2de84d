"""``python -m de_an06``: the same as the ``de-an06`` command."""

from .cli import main

raise SystemExit(main())
