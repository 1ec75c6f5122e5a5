"""detention-rules: which categories of arbitrary detention (UN WGAD I-V) the facts of a case support."""

__version__ = "0.1.0"
