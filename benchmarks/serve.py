"""`wgad serve`: how long the server takes to answer a changed fact with the new findings.

The reference case (opinion 2/2022) is opened as a browser would, then the warrant fact is
flipped back and forth, each time posting the whole form to /api/analyse as the page's
script does and timing the answer (the form read back into data, the pipeline, why-not,
the ranked questions and the HTML). Target: under 100 ms (issue 17). Usage:

    python benchmarks/serve.py [ROUNDS]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
import warnings
from pathlib import Path

from detention_rules.input import source
from detention_rules.interfaces.web import form
from detention_rules.interfaces.web.app import create_app
from detention_rules.reasoning import runnable

with warnings.catch_warnings():  # Starlette 1.x prefers httpx2 for its test client
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = "ilyashev-kazakhstan-2022.yaml"


def main(rounds: int = 50) -> None:
    host = "127.0.0.1:8000"
    client = TestClient(create_app(ROOT / "cases", runnable.load(), "t", {host}), base_url=f"http://{host}")
    state = form.state_of(source.load(ROOT / "cases" / REFERENCE).data)
    headers = {"origin": f"http://{host}", "content-type": "application/json", "x-wgad-token": "t"}
    times = []
    for i in range(rounds + 5):
        state["fields"]["arrest.warrant_shown"]["value"] = "" if i % 2 else "no"
        body = json.dumps({"source": REFERENCE, "file": REFERENCE, "state": state})
        t0 = time.perf_counter()
        response = client.post("/api/analyse", content=body, headers=headers)
        elapsed = time.perf_counter() - t0
        assert response.status_code == 200
        assert re.search(r'data-category="I" data-status="established"', response.text)
        if i >= 5:  # the first answers warm the caches
            times.append(elapsed * 1000)
    times.sort()
    print(
        f"serve: changed fact -> new findings, reference case: median {statistics.median(times):.1f} ms, "
        f"p95 {times[int(len(times) * 0.95) - 1]:.1f} ms, max {times[-1]:.1f} ms over {rounds} changes "
        "(target < 100 ms)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", nargs="?", type=int, default=50, help="changes to time (default 50)")
    main(parser.parse_args().rounds)
