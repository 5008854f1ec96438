"""Docs that are tested stay true: every command has help and appears in the README; the README starts right."""

from __future__ import annotations

import pytest
import typer.main

from graph.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands)


def test_readme_starts_with_the_two_setup_commands():
    first_block = README.split("```")[1]
    assert [line.split("#")[0].strip() for line in first_block.strip().splitlines()[1:]] == ["make demo", "make test"]


def test_contract_commands_exist():
    assert set(COMMANDS) >= {"build", "query", "queries", "mandates", "stats", "viz", "export", "validate", "serve", "push"}


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_and_is_documented(name):
    cmd = typer.main.get_command(app).commands[name]
    assert cmd.help and len(cmd.help.strip()) > 10
    assert f"`unkg {name}" in README
