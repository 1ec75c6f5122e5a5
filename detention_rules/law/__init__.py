"""The law as data: rules, the rulebook and its checks, parameters, outcomes, citations."""
