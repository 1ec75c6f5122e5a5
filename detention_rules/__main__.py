"""`python -m detention_rules` is `wgad`."""

from detention_rules.interfaces.cli import main

main()
