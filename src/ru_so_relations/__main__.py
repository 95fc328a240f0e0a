"""Run the command-line interface: `python -m ru_so_relations`."""

from ru_so_relations._cli import main

raise SystemExit(main())
