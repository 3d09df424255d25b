"""The `catwalk` command: a thin argparse layer over importable functions.

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
    from catwalk.docs import build

    build(output=args.output)
    return 0


def _docs_serve(args: argparse.Namespace) -> int:
    from catwalk.docs import serve

    serve(output=args.output, port=args.port)
    return 0


def _parity(args: argparse.Namespace) -> int:
    from catwalk.parity import parity

    return parity(scale=args.scale, seed=args.seed)


def _setup_roles(args: argparse.Namespace) -> int:
    from catwalk.postgres import setup_roles

    setup_roles(grant_archive=args.grant_archive)
    return 0


def _bench(args: argparse.Namespace) -> int:
    from catwalk.bench import bench

    only = tuple(name.strip() for name in args.only.split(",")) if args.only else None
    return bench(scale=args.scale, gateway=args.gateway, only=only)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="catwalk", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    warehouse = commands.add_parser("warehouse", help="the synthetic raw warehouse")
    warehouse_commands = warehouse.add_subparsers(dest="warehouse_command", required=True)
    generate = warehouse_commands.add_parser(
        "generate", help="write every raw table (domain.md §15.4) into DuckDB or Postgres"
    )
    generate.add_argument("--gateway", choices=GATEWAYS, default="local")
    generate.add_argument("--scale", choices=SCALES, default="demo")
    generate.add_argument("--seed", type=int, default=42)
    generate.add_argument(
        "--start", help="first day of history (YYYY-MM-DD); default: history ends now"
    )
    generate.add_argument("--days", type=int, help="days of history (default depends on --scale)")
    generate.add_argument(
        "--force", action="store_true", help="replace raw tables that already hold data"
    )
    generate.set_defaults(func=_warehouse_generate)
    load = warehouse_commands.add_parser(
        "load", help="append what the loaders would have delivered up to a time"
    )
    load.add_argument("--gateway", choices=GATEWAYS, default="local")
    load.add_argument("--until", required=True, help="timestamp (UTC) to deliver up to")
    load.set_defaults(func=_warehouse_load)

    demo = commands.add_parser("demo", help="generate the demo warehouse and apply the prod plan")
    demo.add_argument("--scale", choices=SCALES, default="demo")
    demo.add_argument("--seed", type=int, default=42)
    demo.set_defaults(func=_demo)

    run = commands.add_parser("run", help="the prod run cron calls: scheduler, then janitor")
    run.add_argument("--gateway", choices=GATEWAYS, default="local")
    run.add_argument("--environment", default="prod")
    run.set_defaults(func=_run)

    plan = commands.add_parser(
        "plan", help="sqlmesh plan under the run lock (the way to plan prod); exit 75 if a run holds it",
        description="Takes the lock of `catwalk run`, then runs `sqlmesh plan ENVIRONMENT ARGS...`. "
        "Options of catwalk come first, e.g. catwalk plan --gateway postgres prod --restate-model X",
    )
    plan.add_argument("--gateway", choices=GATEWAYS, default="local")
    plan.add_argument("--wait", type=float, default=0, metavar="SECONDS",
                      help="wait this long for a running run to finish (default: refuse at once)")
    plan.add_argument("environment", nargs="?", default="prod", help="environment (default: prod)")
    plan.add_argument("sqlmesh_args", nargs=argparse.REMAINDER,
                      help="passed to sqlmesh plan unchanged (--restate-model, --start, --auto-apply...)")
    plan.set_defaults(func=_plan)

    review = commands.add_parser("review", help="plan review report for a pull request")
    review.add_argument("env")
    review.add_argument("--gateway", choices=GATEWAYS, default="local")
    review.add_argument("--against", default="prod")
    review.add_argument("--output", help="write the report to this file (default: stdout)")
    review.add_argument("--format", choices=("markdown", "json"), default="markdown")
    review.set_defaults(func=_review)

    docs = commands.add_parser("docs", help="static documentation site")
    docs_commands = docs.add_subparsers(dest="docs_command", required=True)
    docs_build = docs_commands.add_parser("build", help="write the static site")
    docs_build.add_argument("--output", default="site")
    docs_build.set_defaults(func=_docs_build)
    docs_serve = docs_commands.add_parser("serve", help="serve the site on 127.0.0.1")
    docs_serve.add_argument("--output", default="site")
    docs_serve.add_argument("--port", type=int, default=8080)
    docs_serve.set_defaults(func=_docs_serve)

    parity = commands.add_parser("parity", help="compare DuckDB and Postgres builds cell by cell")
    parity.add_argument("--scale", choices=("tiny", "demo"), default="tiny")
    parity.add_argument("--seed", type=int, default=42)
    parity.set_defaults(func=_parity)

    postgres = commands.add_parser("postgres", help="Postgres administration")
    postgres_commands = postgres.add_subparsers(dest="postgres_command", required=True)
    roles = postgres_commands.add_parser(
        "setup-roles", help="create the transformer and tableau_reader roles (idempotent)"
    )
    roles.add_argument(
        "--grant-archive", action="store_true", help="also let tableau_reader read schema archive"
    )
    roles.set_defaults(func=_setup_roles)

    bench = commands.add_parser("bench", help="benchmark generator, backfill, runs and plans")
    bench.add_argument("--scale", choices=("demo", "bench"), default="bench")
    bench.add_argument("--gateway", choices=GATEWAYS, default="local")
    bench.add_argument(
        "--only", metavar="SECTIONS",
        help="re-measure only these sections (comma-separated: generator, generator_postgres, backfill, "
             "scheduled_run, plan_dev, double_history) into the existing bench/latest.json of the same "
             "scale and gateway; the report dates each re-measured section",
    )
    bench.set_defaults(func=_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CatwalkError as error:
        print(f"catwalk: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("catwalk: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
