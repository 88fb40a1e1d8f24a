"""Every failure is an ArchlintError subclass with a clear message; malformed
documents are findings, not exceptions."""

from __future__ import annotations

import pytest

import archlint


def test_invalid_yaml_is_a_finding() -> None:
    report = archlint.review(openapi="openapi: 3.1.0\ninfo: {title: 'unterminated\n")
    assert [f.rule for f in report] == ["STR001"]
    assert report.findings[0].location.line >= 1


def test_unknown_dialect_is_a_config_error() -> None:
    with pytest.raises(archlint.ConfigError, match="unknown SQL dialect `oracle`"):
        archlint.review(sql="CREATE TABLE t (id int);", dialect="oracle")


def test_bad_settings_are_config_errors() -> None:
    with pytest.raises(archlint.ConfigError, match="no-such-rule"):
        archlint.review(openapi="openapi: 3.1.0\n", config={"rules": {"no-such-rule": "off"}})
    with pytest.raises(archlint.ConfigError):
        archlint.review(openapi="openapi: 3.1.0\n", config={"typo": 1})


def test_missing_inputs_are_input_errors(tmp_path) -> None:
    with pytest.raises(archlint.InputError, match="cannot read"):
        archlint.review(tmp_path / "missing.yaml")
    with pytest.raises(archlint.InputError, match="nothing to review"):
        archlint.review()
    with pytest.raises(archlint.InputError, match="unknown rule"):
        archlint.explain("NOPE999")
    with pytest.raises(archlint.InputError, match="configuration"):
        archlint.review(openapi="openapi: 3.1.0\n", config=tmp_path / "missing.toml")


def test_errors_are_ordinary_exceptions() -> None:
    for error in (archlint.ConfigError, archlint.InputError):
        assert issubclass(error, archlint.ArchlintError)
    assert issubclass(archlint.ArchlintError, Exception)


def test_wrong_argument_types_are_type_errors() -> None:
    with pytest.raises(TypeError):
        archlint.review(openapi=42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        archlint.review(sql=[1, 2])  # type: ignore[list-item]


def test_hostile_input_ends_in_findings() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    assert any(f.rule == "STR001" for f in archlint.review(openapi=bomb))
    deep = "[" * 100_000 + "]" * 100_000
    assert any(f.rule == "STR001" for f in archlint.review(openapi=deep))
    assert len(archlint.review(sql="CREATE TABLE t (a text DEFAULT 'unterminated")) >= 1


def test_a_panic_is_an_archlint_error_and_the_module_survives() -> None:
    from archlint import _archlint

    with pytest.raises(archlint.ArchlintError, match="internal error"):
        _archlint._panic_for_tests()
    assert len(archlint.review(openapi="openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\n")) >= 0


def test_swagger_2_is_reviewed_at_its_own_places() -> None:
    text = (
        "swagger: '2.0'\n"
        "info: {title: t, version: 1.0.0}\n"
        "host: api.example.com\n"
        "schemes: [http]\n"
        "paths:\n"
        "  /a:\n"
        "    get:\n"
        "      responses: {'200': {description: ok}}\n"
    )
    report = archlint.review(openapi=text)
    insecure = [f for f in report if f.rule == "TLS001"]
    assert len(insecure) == 1
    assert insecure[0].location.pointer == "/schemes/0"
    assert (insecure[0].location.line, insecure[0].location.column) == (4, 11)
    assert not any(f.rule == "STR002" for f in report)
