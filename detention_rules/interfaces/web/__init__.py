"""`wgad serve`: the drafter's workflow in a browser, on the drafter's own machine (loopback, a token)."""
