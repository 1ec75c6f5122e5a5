"""From a valid case to findings: facts, the engine, derivation, why-not, questions, what-if."""
