"""archlint: review OpenAPI descriptions and SQL schemas the way a senior
backend architect would, and learn precisely what to fix and where.

>>> import archlint
>>> report = archlint.review(openapi="openapi: 3.1.0\\ninfo: {title: t, version: 1.0.0}\\npaths: {}\\n")
>>> report.errors()
[]
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from typing import Any, Optional, Union

from ._archlint import (
    ArchlintError,
    ConfigError,
    Finding,
    InputError,
    Location,
    Related,
    Report,
    __version__,
    _diff,
    _review,
    explain,
    rules,
)

__all__ = [
    "ArchlintError",
    "ConfigError",
    "Finding",
    "InputError",
    "Location",
    "Related",
    "Report",
    "__version__",
    "diff",
    "explain",
    "review",
    "rules",
]

PathLike = Union[str, "os.PathLike[str]"]


def review(
    paths: Union[PathLike, Iterable[PathLike], None] = None,
    *,
    openapi: Union[str, Mapping[str, Any], None] = None,
    sql: Union[str, Iterable[str], None] = None,
    dialect: Optional[str] = None,
    config: Union[PathLike, Mapping[str, Any], None] = None,
    baseline: Optional[PathLike] = None,
    changed_since: Optional[str] = None,
    graphql: Optional[str] = None,
    ruleset: Union[PathLike, Mapping[str, Any], Iterable[Union[PathLike, Mapping[str, Any]]], None] = None,
) -> Report:
    """Review files and folders, and/or in-memory text.

    paths: OpenAPI files (YAML or JSON, with their ``$ref``'d files), SQL
        files, GraphQL schema files (``.graphql``, ``.graphqls``, ``.gql``;
        all of a run form one schema), and folders (a folder of ``.sql``
        files is one migration history, applied in name order).
    openapi: an OpenAPI description as text, or as a dict already loaded by
        the caller.
    sql: SQL text, or a list of texts applied in order as migrations.
    graphql: a GraphQL schema (SDL) as text.
    dialect: ``"postgres"``, ``"mysql"`` or ``"sqlite"`` (detected when absent).
    config: the path of an ``archlint.toml``, or the same settings as a dict
        (``{"select": [...], "rules": {...}, "api": {"versioning": "path"}}``).
    baseline: a baseline file (``archlint baseline`` writes one): its findings
        are left out, and ``report.summary["baseline"]`` counts them.
    changed_since: a git revision (``"origin/main"``): report only findings
        on what changed since it (the CLI's ``--changed-since``; run inside
        the repository, with ``paths`` relative to it).
    ruleset: Spectral rulesets to run beside the built-in rules: the path of
        a ``.spectral.yaml`` (or JSON), a ruleset as a dict, or a list of
        them (the CLI's ``--ruleset``). Their findings carry the ruleset's
        rule names.

    Raises ``ConfigError`` for invalid settings and ``InputError`` for input
    that cannot be reviewed (both subclasses of ``ArchlintError``). The GIL is
    released while the review runs.
    """
    if paths is None:
        path_list: list[str] = []
    elif isinstance(paths, (str, os.PathLike)):
        path_list = [os.fspath(paths)]
    else:
        path_list = [os.fspath(path) for path in paths]
    if graphql is not None and not isinstance(graphql, str):
        raise TypeError("graphql= takes the schema as a str")
    if openapi is not None and not isinstance(openapi, str):
        if not isinstance(openapi, Mapping):
            raise TypeError("openapi= takes the description as a str or a dict")
        # JSON is YAML; dates loaded by YAML parsers become strings again.
        openapi = json.dumps(openapi, default=str)
    if sql is None:
        sql_list: list[str] = []
    elif isinstance(sql, str):
        sql_list = [sql]
    else:
        sql_list = list(sql)
        if not all(isinstance(text, str) for text in sql_list):
            raise TypeError("sql= takes a str or a list of str")
    config_path, config_json = _config(config)
    baseline_path = None if baseline is None else os.fspath(baseline)
    ruleset_paths, ruleset_texts = _rulesets(ruleset)
    return _review(
        path_list,
        openapi,
        sql_list,
        dialect,
        config_path,
        config_json,
        baseline_path,
        changed_since,
        graphql,
        ruleset_paths,
        ruleset_texts,
    )


def _rulesets(ruleset: Any) -> tuple[list[str], list[str]]:
    """Rulesets as (paths, JSON texts of dicts)."""
    if ruleset is None:
        return [], []
    items = [ruleset] if isinstance(ruleset, (str, os.PathLike, Mapping)) else list(ruleset)
    paths: list[str] = []
    texts: list[str] = []
    for item in items:
        if isinstance(item, Mapping):
            texts.append(json.dumps(dict(item), default=str))
        elif isinstance(item, (str, os.PathLike)):
            paths.append(os.fspath(item))
        else:
            raise TypeError("ruleset= takes a path, a dict, or a list of them")
    return paths, texts


def _config(config: Union[PathLike, Mapping[str, Any], None]) -> tuple[Optional[str], Optional[str]]:
    """The settings as (a file's path, JSON of a dict): one of the two, or neither."""
    if isinstance(config, Mapping):
        return None, json.dumps(dict(config))
    if config is not None:
        return os.fspath(config), None
    return None, None


Version = Union[PathLike, Mapping[str, Any]]


def _version(version: Optional[Version]) -> tuple[list[str], Optional[str]]:
    """Paths, or the text of a description given as a dict or as YAML/JSON text."""
    if version is None:
        return [], None
    if isinstance(version, Mapping):
        return [], json.dumps(dict(version), default=str)
    if isinstance(version, str) and ("\n" in version or version.lstrip().startswith("{")):
        return [], version
    return [os.fspath(version)], None


def diff(
    old: Optional[Version] = None,
    new: Optional[Version] = None,
    *,
    old_graphql: Optional[str] = None,
    new_graphql: Optional[str] = None,
    config: Union[PathLike, Mapping[str, Any], None] = None,
    today: Optional[str] = None,
) -> Report:
    """Review a change: what ``new`` breaks for clients of ``old``.

    old, new: a file or folder path (OpenAPI, SQL or GraphQL files), a
        description as a dict, or a description's YAML/JSON text (a str with
        a newline).
    old_graphql, new_graphql: the GraphQL schema (SDL text) of each version,
        compared as well as ``old`` and ``new``, or alone.
    config: the path of an ``archlint.toml``, or the same settings as a dict
        (``{"versioning": {"strategy": "path", "deprecation_days": 180}}``
        sets the versioning policy).
    today: the day of the review (``"YYYY-MM-DD"``), against which the ends
        deprecated operations announce (``Sunset``) are read; default: today.

    Findings are of the ``compatibility`` area, located in ``new`` (in ``old``
    for what ``new`` no longer has); ``report.to_text()`` renders them, and
    breaking changes are ``error``s.
    """
    old_paths, old_text = _version(old)
    new_paths, new_text = _version(new)
    config_path, config_json = _config(config)
    return _diff(
        old_paths,
        old_text,
        new_paths,
        new_text,
        config_path,
        config_json,
        today,
        old_graphql,
        new_graphql,
    )
