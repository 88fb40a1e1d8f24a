"""The GIL is released during a review: other Python threads keep running."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import archlint


def test_python_threads_run_while_a_review_runs(large_spec: Path) -> None:
    # With the GIL held for the whole review, the loop below could not advance
    # until the review ended; released, it spins freely meanwhile.
    worker = threading.Thread(target=archlint.review, args=(large_spec,))
    spins = 0
    worker.start()
    started = time.perf_counter()
    while worker.is_alive():
        spins += 1
    elapsed = time.perf_counter() - started
    worker.join()
    # Only meaningful when the review took a while (it does: ~0.1-0.5 s).
    if elapsed > 0.05:
        assert spins > 1_000, f"{spins} spins in {elapsed:.3f} s: the GIL was held"


def test_concurrent_reviews_give_the_same_findings(large_spec: Path) -> None:
    expected = [(f.rule, f.location.line) for f in archlint.review(large_spec)]
    results: list[list[tuple[str, int]]] = []
    lock = threading.Lock()

    def run() -> None:
        found = [(f.rule, f.location.line) for f in archlint.review(large_spec)]
        with lock:
            results.append(found)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4
