"""`python -m detention_rules` is `wgad`."""

from .cli import main

main()
