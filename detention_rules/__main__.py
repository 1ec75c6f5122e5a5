"""`python -m detention_rules` is `wgad`."""

from detention_rules.interfaces.run import main

main()
