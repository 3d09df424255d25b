"""The `catwalk` command line: help on every option, defaults shown, exit codes, --version."""

from __future__ import annotations

import argparse

import pytest

from catwalk.cli import build_parser, main


def _commands(parser: argparse.ArgumentParser, path=("catwalk",)):
    """(path, parser) of the parser and every subcommand, recursively."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


def test_every_option_of_every_command_has_help_and_shows_its_default():
    checked = 0
    for path, parser in _commands(build_parser()):
        text = parser.format_help()
        assert parser.description, f"{' '.join(path)} has no description"
        for action in parser._actions:
            if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
                continue
            name = "/".join(action.option_strings) or action.dest
            assert action.help, f"{' '.join(path)} {name} has no help text"
            if action.option_strings and action.default not in (None, False, argparse.SUPPRESS) and not action.required:
                assert f"(default: {action.default})" in " ".join(text.split()), (path, name)
            checked += 1
    assert checked > 20


def test_run_help_lists_the_exit_codes(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["run", "--help"])
    assert exit.value.code == 0
    text = capsys.readouterr().out
    for code, meaning in (("0", "success"), ("1", "failed"), ("2", "could not start"),
                          ("3", "late source"), ("4", "janitor"), ("75", "holds the lock")):
        assert any(line.split()[:1] == [code] and meaning in line for line in text.splitlines()), code


def test_review_help_lists_its_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["review", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "exit codes:" in text and "no report" in text and "(default: prod)" in text


def test_version(capsys):
    from importlib.metadata import version

    from catwalk import __version__

    with pytest.raises(SystemExit) as exit:
        main(["--version"])
    assert exit.value.code == 0
    assert capsys.readouterr().out.strip() == f"catwalk {__version__} (SQLMesh {version('sqlmesh')})"
