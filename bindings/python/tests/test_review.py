"""Reviews from Python give what the CLI gives, from files and from memory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import archlint
import pytest

from conftest import CORPUS, FIXTURES


def cli_json(*paths: str) -> dict:
    """The JSON report of the `archlint` command installed with the package."""
    done = subprocess.run(
        [sys.executable, "-m", "archlint", "review", "--format", "json", *paths],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def summary(findings) -> list[tuple]:
    return [
        (f["rule"], f["location"]["file"], f["location"]["line"], f["location"]["column"], f["message"])
        for f in findings
    ]


def test_findings_equal_the_cli_json() -> None:
    paths = [str(CORPUS / "api"), str(CORPUS / "db")]
    report = archlint.review(paths)
    expected = cli_json(*paths)
    assert summary(json.loads(report.to_json())["findings"]) == summary(expected["findings"])
    ours = [(f.rule, f.location.file, f.location.line, f.location.column, f.message) for f in report]
    assert ours == summary(expected["findings"])
    assert report.summary["counts"] == expected["summary"]["counts"]
    assert report.scores == expected["summary"]["scores"]


def test_finding_objects_carry_everything() -> None:
    report = archlint.review(str(CORPUS / "api" / "shop.yaml"))
    duplicate = next(f for f in report if f.rule == "CONV001")
    assert duplicate.name == "duplicate-operation-id"
    assert duplicate.area == "conventions"
    assert duplicate.severity == "error"
    assert duplicate.help
    assert duplicate.location.pointer == "/paths/~1orders~1{orderId}/get/operationId"
    assert (duplicate.location.line, duplicate.location.column) == (97, 7)
    assert duplicate.location.end_line >= duplicate.location.line
    assert duplicate.related and duplicate.related[0].location.line == 42
    assert "CONV001" in repr(duplicate)
    assert repr(report).startswith("<Report: ")


def test_filters() -> None:
    report = archlint.review([str(CORPUS / "api"), str(CORPUS / "db")])
    assert len(report) == len(report.findings)
    assert report.errors() == report.by_severity("error")
    assert all(f.severity == "error" for f in report.errors())
    assert all(f.area == "auth" for f in report.by_area("auth"))
    assert report.has_at_least("warning")
    sarif = json.loads(report.to_sarif())
    assert sarif["version"] == "2.1.0"


def test_in_memory_openapi_text_and_dict_match_the_file() -> None:
    path = FIXTURES / "flawed" / "api.yaml"
    from_file = archlint.review(path)
    from_text = archlint.review(openapi=path.read_text())
    expected = [(f.rule, f.location.line, f.location.column) for f in from_file]
    assert [(f.rule, f.location.line, f.location.column) for f in from_text] == expected
    as_dict = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1.0.0"},
        "servers": [{"url": "http://api.example.com/v1"}],
        "paths": {},
    }
    rules = [f.rule for f in archlint.review(openapi=as_dict)]
    assert "TLS001" in rules


def test_sql_texts_are_a_migration_history() -> None:
    report = archlint.review(
        sql=[
            "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);",
            "ALTER TABLE accounts ADD COLUMN plan text NOT NULL;",
        ],
        dialect="postgres",
        config={"select": ["add-not-null-column"]},
    )
    assert [(f.rule, f.location.file, f.location.line) for f in report] == [
        ("MIG001", "<sql>/00002.sql", 1)
    ]
    assert report.summary["dialects"] == ["postgres"]


def test_api_and_schema_together(tmp_path: Path) -> None:
    config = tmp_path / "archlint.toml"
    config.write_text('[rules]\ninsecure-server-url = "off"\n')
    report = archlint.review([CORPUS / "api", CORPUS / "db"], config=config)
    rules = {f.rule for f in report}
    assert "TLS001" not in rules
    assert {"VAL001", "NORM003"} <= rules


def test_in_memory_api_and_schema_are_checked_for_consistency() -> None:
    fixture = FIXTURES / "rules" / "length-mismatch" / "fail"
    report = archlint.review(
        openapi=(fixture / "api.yaml").read_text(),
        sql=(fixture / "schema.sql").read_text(),
        config={"select": ["length-mismatch"]},
    )
    found = [(f.rule, f.location.line, f.location.column, f.related[0].location.line) for f in report]
    assert found == [("CONS001", 17, 9, 3), ("CONS001", 18, 9, 4)]
    assert report.findings[0].related[0].location.file.endswith(".sql")
    mapping = report.summary["mapping"]
    assert mapping["schemas"][0]["schema"] == "NewCustomer"
    assert mapping["schemas"][0]["table"] == "customers"


def test_consistency_links_from_a_config_dict() -> None:
    fixture = FIXTURES / "consistency-config"
    report = archlint.review(
        [fixture / "api.yaml", fixture / "schema.sql"],
        config={"consistency": {"tables": {"Account": "users"}, "columns": {"Account.fullName": "name"}}},
    )
    account = next(s for s in report.summary["mapping"]["schemas"] if s["schema"] == "Account")
    assert (account["table"], account["via"]) == ("users", "config")
    assert any(f.rule == "CONS001" for f in report)


def test_catalogue_and_explain() -> None:
    catalogue = archlint.rules()
    assert len(catalogue) > 100
    first = catalogue[0]
    assert set(first) == {"id", "name", "side", "area", "severity", "summary", "fix", "peers", "docs"}
    assert "## Why is this bad?" in archlint.explain("missing-4xx-response")
    assert archlint.explain("ERR001") == archlint.explain("missing-4xx-response")


def test_command_line_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "archlint", "review", str(FIXTURES / "well-designed" / "api.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "No findings" in done.stdout
    assert archlint.__version__


def test_text_groups_a_rule_that_fires_many_times() -> None:
    paths = "".join(f"  /r{n}:\n    get:\n      responses:\n        '200': {{description: ok}}\n" for n in range(6))
    report = archlint.review([], openapi=f"openapi: 3.1.0\ninfo: {{title: t, version: 1.0.0}}\npaths:\n{paths}")
    text = report.to_text()
    assert text.splitlines()[0].startswith(f"{len(report)} findings")
    assert "[DOC002] operation-without-summary ×6" in text
    assert "--expand DOC002" in text
    expanded = report.to_text(expand=["DOC002"])
    assert "[DOC002] operation-without-summary ×6" not in expanded and expanded.count("[DOC002]") == 6
    assert report.to_text(all=True).count("[DOC002]") == 6


def test_diff_reports_what_a_new_version_breaks(tmp_path) -> None:
    root = Path(__file__).resolve().parents[3] / "tests/fixtures/diff/shop"
    report = archlint.diff(root / "old.yaml", root / "new.yaml")
    rules = {finding.rule for finding in report}
    assert {"COMPAT001", "COMPAT003", "COMPAT012"} <= rules
    removed = next(f for f in report if f.rule == "COMPAT001")
    assert removed.location.file.endswith("old.yaml") and removed.location.line == 35
    assert report.has_at_least("error")


def test_diff_takes_descriptions_as_dicts_and_text() -> None:
    old = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1.0.0"},
        "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}},
    }
    new_text = "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\n"
    report = archlint.diff(old, new_text)
    assert sorted(f.rule for f in report.errors()) == ["COMPAT001", "COMPAT012"]
    removed = next(f for f in report if f.rule == "COMPAT001")
    assert removed.location.file == "<old>.yaml"
    assert len(archlint.diff(old, old)) == 0


def test_diff_compares_graphql_schemas() -> None:
    old = "type Query { orders(status: String): [Order] }\ntype Order { id: ID!, note: String }\n"
    new = "type Query { orders(status: String, region: String!): [Order] }\ntype Order { id: ID! }\n"
    report = archlint.diff(old_graphql=old, new_graphql=new)
    assert sorted(f.rule for f in report.errors()) == ["COMPAT003", "COMPAT019"]
    removed = next(f for f in report if f.rule == "COMPAT019")
    assert removed.location.file == "<old>.graphql" and removed.location.line == 2
    assert len(archlint.diff(old_graphql=old, new_graphql=old)) == 0


def test_a_baseline_leaves_out_known_findings(tmp_path) -> None:
    text = "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n"
    api = tmp_path / "api.yaml"
    api.write_text(text)
    before = archlint.review(api)
    assert len(before) > 0
    baseline = tmp_path / "baseline.json"
    from archlint._archlint import main

    assert main(["baseline", str(api), "-o", str(baseline)]) == 0
    after = archlint.review(api, baseline=baseline)
    assert len(after) == 0
    assert after.summary["baseline"] == {"known": len(before), "hidden": len(before)}


def test_diff_reads_announced_ends_against_today() -> None:
    old = (
        "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths:\n  /a:\n    get:\n"
        "      deprecated: true\n      x-sunset: '2030-01-01'\n      responses: {'200': {description: ok}}\n"
    )
    new = "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\n"
    early = archlint.diff(old, new, today="2029-12-01")
    removed = next(f for f in early if f.rule == "COMPAT001")
    assert removed.severity == "error" and "2030-01-01" in removed.message
    late = archlint.diff(old, new, today="2030-02-01")
    assert next(f for f in late if f.rule == "COMPAT001").severity == "warning"
    with pytest.raises(archlint.InputError):
        archlint.diff(old, new, today="soon")


def test_changed_since_reports_what_a_change_touched(tmp_path, monkeypatch) -> None:
    import subprocess

    def operation(path: str, extra: str = "") -> str:
        return (
            f"  /{path}:\n    get:\n      operationId: get{path}\n{extra}"
            "      parameters: [{name: q, in: query, schema: {type: string}}]\n"
            "      responses: {'200': {description: ok}}\n"
        )

    header = "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths:\n"
    (tmp_path / "api.yaml").write_text(header + operation("a") + operation("b"))
    git = ["git", "-c", "user.email=ci@example.com", "-c", "user.name=ci"]
    subprocess.run(git + ["init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(git + ["add", "."], cwd=tmp_path, check=True)
    subprocess.run(git + ["commit", "-q", "-m", "old"], cwd=tmp_path, check=True)
    (tmp_path / "api.yaml").write_text(header + operation("a") + operation("b", "      summary: B.\n"))
    monkeypatch.chdir(tmp_path)
    report = archlint.review("api.yaml", changed_since="HEAD")
    pointers = [f.location.pointer or "" for f in report]
    assert any(p.startswith("/paths/~1b/") for p in pointers), pointers
    assert not any(p.startswith("/paths/~1a") for p in pointers), pointers


def test_a_graphql_schema_from_a_file_and_from_text() -> None:
    path = CORPUS / "graphql" / "shop.graphql"
    from_file = archlint.review(str(path))
    assert summary(json.loads(from_file.to_json())["findings"]) == summary(cli_json(str(path))["findings"])
    from_text = archlint.review(graphql=path.read_text(encoding="utf-8"))
    rules = [(f.rule, f.location.line, f.location.column, f.location.object) for f in from_text]
    assert rules == [(f.rule, f.location.line, f.location.column, f.location.object) for f in from_file]
    auth = next(f for f in from_text if f.rule == "GQL007")
    assert auth.location.object == "Mutation.cancelOrder"
    with pytest.raises(TypeError):
        archlint.review(graphql=b"type Query { a: Int }")  # type: ignore[arg-type]


def test_a_spectral_ruleset_as_a_file_and_as_a_dict(tmp_path) -> None:
    ruleset = tmp_path / ".spectral.yaml"
    ruleset.write_text(
        "rules:\n  has-servers:\n    severity: error\n    given: $\n"
        "    then: {field: servers, function: truthy}\n"
    )
    description = "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\n"
    from_file = archlint.review(openapi=description, ruleset=ruleset)
    found = [finding for finding in from_file if finding.rule == "has-servers"]
    assert len(found) == 1
    assert found[0].severity == "error" and found[0].message == '"servers" property must be truthy'
    as_dict = {"rules": {"has-servers": {"given": "$", "then": {"field": "servers", "function": "truthy"}}}}
    from_dict = archlint.review(openapi=description, ruleset=[as_dict])
    assert [finding.rule for finding in from_dict if finding.rule == "has-servers"] == ["has-servers"]
    with pytest.raises(TypeError):
        archlint.review(openapi=description, ruleset=[42])
