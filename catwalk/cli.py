"""Catwalk's tooling: synthetic warehouse, prod runs, plan reviews, docs, parity and benchmarks.

The `catwalk` command is a thin argparse layer over importable functions.

Each subcommand imports its capability module lazily and calls one function with plain arguments,
so `catwalk --help` stays fast and every function can be called from tests directly.
"""

from __future__ import annotations

import argparse
import sys

from catwalk.project import GATEWAYS, CatwalkError

SCALES = ("tiny", "demo", "bench")


def _warehouse_generate(args: argparse.Namespace) -> int:
    from catwalk.warehouse import generate

    generate(
        gateway=args.gateway, scale=args.scale, seed=args.seed, start=args.start, days=args.days,
        force=args.force, write_env=True,
    )
    return 0


def _warehouse_load(args: argparse.Namespace) -> int:
    from catwalk.warehouse import load

    load(gateway=args.gateway, until=args.until)
    return 0


def _demo(args: argparse.Namespace) -> int:
    from catwalk.demo import demo

    return demo(scale=args.scale, seed=args.seed)


def _run(args: argparse.Namespace) -> int:
    from catwalk.runner import run

    return run(gateway=args.gateway, environment=args.environment)


def _plan(args: argparse.Namespace) -> int:
    from catwalk.plan import plan

    return plan(args.environment, args.sqlmesh_args, gateway=args.gateway, wait=args.wait)


def _review(args: argparse.Namespace) -> int:
    from catwalk.review import review

    return review(
        args.env, gateway=args.gateway, against=args.against, output=args.output, fmt=args.format
    )


def _docs_build(args: argparse.Namespace) -> int:
    from catwalk import logs
    from catwalk.docs import build

    logs.step("docs", f"reading the project and writing the site into {args.output}/ (about a minute)")
    build(output=args.output)
    return 0


def _docs_serve(args: argparse.Namespace) -> int:
    from catwalk.docs import serve

    serve(output=args.output, port=args.port)
    return 0


def _parity(args: argparse.Namespace) -> int:
    from catwalk.parity import parity

    return parity(scale=args.scale, seed=args.seed, against=args.against)


def _setup_roles(args: argparse.Namespace) -> int:
    from catwalk.postgres import setup_roles

    setup_roles(grant_archive=args.grant_archive)
    return 0


def _bench(args: argparse.Namespace) -> int:
    from catwalk.bench import bench

    only = tuple(name.strip() for name in args.only.split(",")) if args.only else None
    return bench(scale=args.scale, gateway=args.gateway, only=only)


RUN_EXIT_CODES = """exit codes:
  0   success: every due interval ran
  1   a model or a blocking audit failed, or the scheduler raised (alert webhook)
  2   could not start: configuration, environment or warehouse problem (alert webhook)
  3   late source: the run succeeded, but a source is late and its dependants wait
  4   the run succeeded but the janitor failed (alert webhook)
  75  another run holds the lock; nothing was done"""

REVIEW_EXIT_CODES = """exit codes:
  0  report written; unit tests, blocking audits and the dev backfill passed
  1  report written; a unit test, a blocking audit or the dev backfill failed (the report says which)
  2  no report: prod or the environment does not exist, the project does not load, or the
     warehouse is unreachable (one line on stderr)"""

COMMON_EXIT_CODES = """exit codes: 0 done; 2 a problem named on one line of stderr (nothing half done)
Library warnings go to logs/catwalk.log (CATWALK_LOG_FILE), one summary line on stderr."""


class _Formatter(argparse.ArgumentDefaultsHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Shows each option's default after its help (unless unset or a flag), and epilogs (exit
    codes) as written."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default in (None, False, argparse.SUPPRESS) or action.required:
            return action.help
        return super()._get_help_string(action)


class _Parser(argparse.ArgumentParser):
    """Every catwalk (sub)command shows option defaults; the epilog lists exit codes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("epilog", COMMON_EXIT_CODES)
        super().__init__(*args, **kwargs)


def _command(commands, name: str, help: str, **kwargs) -> argparse.ArgumentParser:
    """A subcommand whose --help starts with the same sentence as its line in the list."""
    return commands.add_parser(name, help=help, description=help, **kwargs)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    from catwalk import __version__

    try:
        sqlmesh = version("sqlmesh")
    except PackageNotFoundError:
        sqlmesh = "not installed"
    return f"catwalk {__version__} (SQLMesh {sqlmesh})"


def _add_gateway(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--gateway", choices=GATEWAYS, default="local",
        help="local: DuckDB file CATWALK_DUCKDB; postgres: the CATWALK_PG_* warehouse; spark: local "
             "Spark with Iceberg tables under CATWALK_SPARK_DIR (after `make spark-setup`)",
    )


def _add_warehouse(commands) -> None:
    warehouse = _command(commands, "warehouse", help="the synthetic raw warehouse")
    warehouse_commands = warehouse.add_subparsers(
        dest="warehouse_command", required=True, parser_class=_Parser, metavar="COMMAND"
    )
    generate = _command(
        warehouse_commands, "generate",
        help="write every raw table the loaders would have delivered, into DuckDB or Postgres",
    )
    _add_gateway(generate)
    generate.add_argument("--scale", choices=SCALES, default="demo",
                          help="tiny: 14 days (tests); demo: 42 days; bench: 365 days, > 10 M rows")
    generate.add_argument("--seed", type=int, default=42, help="random seed (same seed, same rows)")
    generate.add_argument("--start", metavar="YYYY-MM-DD",
                          help="first day of history; when unset, history ends now")
    generate.add_argument("--days", type=int,
                          help="days of history; when unset, the scale's (14, 42 or 365)")
    generate.add_argument("--force", action="store_true",
                          help="replace raw tables that already hold data")
    generate.set_defaults(func=_warehouse_generate)
    load = _command(
        warehouse_commands, "load",
        help="append what the loaders would have delivered up to a time",
    )
    _add_gateway(load)
    load.add_argument("--until", required=True, metavar="TIMESTAMP",
                      help="deliver up to this UTC time, e.g. 2026-11-28T07:00:00Z (required)")
    load.set_defaults(func=_warehouse_load)


def _add_docs(commands) -> None:
    docs = _command(commands, "docs", help="static documentation site")
    docs_commands = docs.add_subparsers(
        dest="docs_command", required=True, parser_class=_Parser, metavar="COMMAND"
    )
    docs_build = _command(docs_commands, "build", help="write the static site (about a minute)")
    docs_build.add_argument("--output", default="site", metavar="DIR",
                            help="folder to write (relative to the project; replaced)")
    docs_build.set_defaults(func=_docs_build)
    docs_serve = _command(
        docs_commands, "serve",
        help="serve the site on 127.0.0.1 (builds it first when missing)",
    )
    docs_serve.add_argument("--output", default="site", metavar="DIR", help="folder of the site")
    docs_serve.add_argument("--port", type=int, default=8080, help="port on 127.0.0.1")
    docs_serve.set_defaults(func=_docs_serve)


def _add_plan(commands) -> None:
    plan = _command(
        commands, "plan",
        help="sqlmesh plan under the run lock (the way to plan prod); exit 75 if a run holds it",
        epilog="Options of catwalk come first, e.g. "
        "catwalk plan --gateway postgres prod --restate-model X\n"
        "exit codes: sqlmesh plan's own (0 done, 1 failed); 2 a problem named on one line of stderr;\n"
        "75 a catwalk run holds the lock, nothing was planned",
    )
    _add_gateway(plan)
    plan.add_argument("--wait", type=float, default=0, metavar="SECONDS",
                      help="wait this long for a running run to finish (0: refuse at once)")
    plan.add_argument("environment", nargs="?", default="prod", help="environment to plan")
    plan.add_argument("sqlmesh_args", nargs=argparse.REMAINDER,
                      help="passed to sqlmesh plan unchanged (--restate-model, --start, --auto-apply...)")
    plan.set_defaults(func=_plan)


def _add_review(commands) -> None:
    review = _command(
        commands, "review",
        help="plan review report for a pull request (builds a dev environment, never prod)",
        epilog=REVIEW_EXIT_CODES,
    )
    review.add_argument("env", help="dev environment to build and review, e.g. pr_123")
    _add_gateway(review)
    review.add_argument("--against", default="prod",
                        help="environment to compare with (must exist)")
    review.add_argument("--output", metavar="FILE",
                        help="write the report to this file; when unset, to stdout")
    review.add_argument("--format", choices=("markdown", "json"), default="markdown",
                        help="markdown for a pull-request comment, json for tools")
    review.set_defaults(func=_review)


def _add_tools(commands) -> None:
    parity = _command(commands, "parity", help="compare DuckDB and Postgres (or Spark) builds cell by cell")
    parity.add_argument("--scale", choices=("tiny", "demo"), default="tiny",
                        help="size of the generated warehouse built on both engines")
    parity.add_argument("--seed", type=int, default=42, help="random seed of the warehouse")
    parity.add_argument("--against", choices=("postgres", "spark"), default="postgres",
                        help="the engine compared with DuckDB: postgres (a scratch database) or spark "
                             "(local Spark with Iceberg tables in a scratch folder; after `make spark-setup`)")
    parity.set_defaults(func=_parity)

    postgres = _command(commands, "postgres", help="Postgres administration")
    postgres_commands = postgres.add_subparsers(
        dest="postgres_command", required=True, parser_class=_Parser, metavar="COMMAND"
    )
    roles = _command(
        postgres_commands, "setup-roles",
        help="create the transformer and tableau_reader roles (idempotent)",
    )
    roles.add_argument("--grant-archive", action="store_true",
                       help="also let tableau_reader read schema archive")
    roles.set_defaults(func=_setup_roles)

    bench = _command(commands, "bench", help="benchmark generator, backfill, runs and plans")
    bench.add_argument("--scale", choices=("demo", "bench"), default="bench",
                       help="warehouse size (bench: 365 days, about 40 minutes)")
    _add_gateway(bench)
    bench.add_argument(
        "--only", metavar="SECTIONS",
        help="re-measure only these sections (comma-separated: generator, generator_postgres, backfill, "
             "scheduled_run, plan_dev, double_history) into the existing bench/latest.json of the same "
             "scale and gateway; the report dates each re-measured section",
    )
    bench.set_defaults(func=_bench)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="catwalk", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=_version(),
                        help="print the catwalk and SQLMesh versions and exit")
    commands = parser.add_subparsers(
        dest="command", required=True, parser_class=_Parser, metavar="COMMAND"
    )
    _add_warehouse(commands)

    demo = _command(commands, "demo", help="generate the demo warehouse and apply the prod plan")
    demo.add_argument("--scale", choices=SCALES, default="demo",
                      help="warehouse size on the first run (later runs keep the warehouse)")
    demo.add_argument("--seed", type=int, default=42, help="random seed of the warehouse")
    demo.set_defaults(func=_demo)

    run = _command(
        commands, "run",
        help="the prod run cron calls: single-flight lock, scheduler, run log, janitor",
        epilog=RUN_EXIT_CODES,
    )
    _add_gateway(run)
    run.add_argument("--environment", default="prod", help="environment whose intervals run")
    run.set_defaults(func=_run)

    _add_plan(commands)
    _add_review(commands)
    _add_docs(commands)
    _add_tools(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    from catwalk import logs

    args = build_parser().parse_args(argv)
    logs.setup(args.command)
    message = None
    try:
        code = int(args.func(args) or 0)
    except CatwalkError as error:
        message, code = f"catwalk: error: {error}", error.exit_code
    except KeyboardInterrupt:
        message, code = "catwalk: interrupted", 130
    finally:
        logs.finish()
    if message:
        print(message, file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
