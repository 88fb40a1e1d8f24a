"""The binding under load: eight threads reviewing at once for a while give
identical results and no crash; thousands of reviews in one process keep its
memory flat (a panic inside the core is test_errors.py's).
ARCHLINT_LOAD_SECONDS sets how long the threads run (default 60)."""

from __future__ import annotations

import os
import threading
import time

import archlint
from conftest import CORPUS

SMALL = (
    "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths:\n  /a/{id}:\n    get:\n"
    "      parameters: [{name: id, in: path, required: true, schema: {type: integer}}]\n"
    "      responses: {'200': {description: ok}}\n"
)


def resident_kb() -> int:
    """The process's resident memory now (not its peak), in KB."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") // 1024


def test_eight_threads_review_at_once_with_identical_results() -> None:
    paths = [CORPUS / "api" / "shop.yaml", CORPUS / "db"]
    expected = archlint.review(paths).to_json()
    seconds = float(os.environ.get("ARCHLINT_LOAD_SECONDS", "60"))
    deadline = time.monotonic() + seconds
    failures: list[str] = []
    counts = [0] * 8

    def run(slot: int) -> None:
        while time.monotonic() < deadline:
            try:
                found = archlint.review(paths).to_json()
            except Exception as error:  # noqa: BLE001 — any failure is the finding
                failures.append(repr(error))
                return
            if found != expected:
                failures.append(f"thread {slot}: a different report")
                return
            counts[slot] += 1

    threads = [threading.Thread(target=run, args=(slot,)) for slot in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert all(count > 0 for count in counts), counts


def test_memory_stays_flat_over_ten_thousand_reviews() -> None:
    for _ in range(1_000):
        archlint.review(openapi=SMALL)
    before = resident_kb()
    for _ in range(9_000):
        archlint.review(openapi=SMALL)
    grown = resident_kb() - before
    # A leak of even 2 KB a review would be 18 MB here.
    assert grown < 8_000, f"resident memory grew {grown} KB over 9,000 reviews"

