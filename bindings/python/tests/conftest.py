"""Shared paths and a synthetic large description for the binding's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def large_spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 3,000-operation description: long enough for a review to take a while."""
    lines = ["openapi: 3.1.0", "info: {title: big, version: 1.0.0}", "paths:"]
    for index in range(3000):
        lines += [
            f"  /things{index}/{{id}}:",
            "    get:",
            "      parameters:",
            "        - {name: id, in: path, required: true, schema: {type: integer}}",
            "        - {name: q, in: query, schema: {type: string}}",
            "      responses:",
            "        '200':",
            "          description: ok",
            "          content:",
            "            application/json:",
            "              schema: {type: object, properties: {name: {type: string}, tags: {type: array, items: {type: string}}}}",
        ]
    path = tmp_path_factory.mktemp("large") / "big.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path
