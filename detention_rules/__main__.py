"""`python -m detention_rules` is `wgad`."""

from detention_rules.interfaces.entry import main

main()
