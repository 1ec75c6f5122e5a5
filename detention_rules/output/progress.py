"""A counter of files done, on one terminal line, for a batch that takes more than a moment."""

from __future__ import annotations

import sys
import time
from typing import Any

from detention_rules import words


class Progress:
    """A one-line counter on a terminal, shown only once a run has taken more than a moment."""

    DELAY = 1.0
    #: Seconds between redraws: a terminal need not be written to for every file.
    EVERY = 0.1

    def __init__(self, total: int, stream: Any = None):
        self.total = total
        self.stream = stream or sys.stderr  # looked up now, not when this module was imported
        self.enabled = total > 1 and self.stream.isatty()
        self.start = time.monotonic()
        self.drawn = 0.0  # when the counter was last drawn
        self.visible = False
        self.width = 0

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.start < self.DELAY or (self.visible and now - self.drawn < self.EVERY and done < self.total):
            return
        text = words.of("batch", "batch")["progress"].format(done=done, total=self.total)
        self.stream.write("\r" + text)
        self.stream.flush()
        self.drawn, self.visible, self.width = now, True, len(text)

    def clear(self) -> None:
        """Erase the counter, so that other output on the same terminal starts on a clean line."""
        if self.visible:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.visible = False
