"""The Python binding's overhead over the Rust core, and thread scaling.

    python bindings/python/bench.py [SPEC] [--runs N]

Needs a release wheel installed (`maturin build --release`, then pip install)
and the release CLI (`cargo build --release -p archlint-cli`). Compares, on the
same description, median wall times of:

- the `archlint` binary: `review SPEC --format json -o /dev/null` (one process);
- `archlint.review(SPEC)` in Python, then `report.to_json()` (same work, in-process);
- four reviews one after another, and four in four threads (the GIL is
  released during a review, so threads overlap).

Reports; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import threading
import time
from pathlib import Path

import archlint

ROOT = Path(__file__).resolve().parents[2]


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def median_of(runs: int, work) -> float:
    return statistics.median(timed(work) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("spec", nargs="?", default=str(ROOT / "corpus/external/github/api.github.com.json"))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    cli = ROOT / "target/release/archlint"
    command = [str(cli), "review", args.spec, "--format", "json", "-o", "/dev/null"]
    in_cli = median_of(args.runs, lambda: subprocess.run(command, check=False))
    in_python = median_of(args.runs, lambda: archlint.review(args.spec).to_json())
    review_only = median_of(args.runs, lambda: archlint.review(args.spec))
    sequential = median_of(3, lambda: [archlint.review(args.spec) for _ in range(4)])

    def threaded() -> None:
        threads = [threading.Thread(target=archlint.review, args=(args.spec,)) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    parallel = median_of(3, threaded)
    findings = len(archlint.review(args.spec))
    print(f"input: {args.spec} ({findings} findings), medians of {args.runs} runs")
    print(f"archlint binary, JSON report:        {in_cli * 1000:8.1f} ms")
    print(f"Python review() + to_json():         {in_python * 1000:8.1f} ms  ({(in_python / in_cli - 1) * 100:+.1f}% vs binary)")
    print(f"Python review() alone:               {review_only * 1000:8.1f} ms")
    print(f"4 reviews one after another:         {sequential * 1000:8.1f} ms")
    print(f"4 reviews in 4 threads:              {parallel * 1000:8.1f} ms  (x{sequential / parallel:.2f})")


if __name__ == "__main__":
    main()
