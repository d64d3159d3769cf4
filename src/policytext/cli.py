"""The ``policytext`` command: a thin shell over the library.

Exit codes: 0 success, 1 failure on the input, 2 usage. Messages go to stderr and name the file.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from typing import Any

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def _quiet_dependencies() -> None:
    """jieba and friends log at DEBUG to stderr; the CLI, not the library, silences them."""
    for name in ("jieba", "gensim", "distributed", "dask", "tornado", "numexpr"):
        logging.getLogger(name).setLevel(logging.WARNING)


class _VersionAction(argparse.Action):
    """``--version``, reading the installed metadata only when asked (it is slow to import)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        import policytext

        print(f"policytext {policytext.__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policytext",
        description="Read, clean and extract numeric targets and programmes from Chinese policy documents.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="print the version and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="extract one file and print the result")
    ex.add_argument("file", help="a .txt, .md or .html file")
    ex.add_argument("--format", choices=("json", "text"), default="json",
                    help="json: the CONTRACT.md record (default); text: the cleaned text")
    ex.set_defaults(func=_cmd_extract)

    ba = sub.add_parser("batch", help="extract every file of a folder into tables (resumable)",
                        description="Extract every file of IN_DIR into tables in OUT_DIR: manifest, "
                                    "documents, quantities, programmes, removed, masked. A rerun "
                                    "skips files already done; errors are listed in the manifest.")
    ba.add_argument("in_dir", metavar="IN_DIR", help="folder of documents (searched recursively)")
    ba.add_argument("-o", "--out", dest="out_dir", metavar="OUT_DIR", required=True,
                    help="folder for the tables (created if needed)")
    ba.add_argument("--format", dest="table_format", choices=("parquet", "csv", "jsonl", "dta"),
                    default="parquet", help="table format: parquet (default), csv (utf-8-sig, for "
                                            "Excel), jsonl, dta (Stata 14+)")
    ba.add_argument("--jobs", type=_positive_int, default=1, metavar="N",
                    help="worker processes (default 1: run in this process)")
    ba.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="local process pool (default) or a Dask cluster")
    ba.add_argument("--scheduler", metavar="ADDRESS", default=None,
                    help="Dask scheduler address (with --engine dask); default: a LocalCluster")
    ba.add_argument("--pattern", metavar="GLOB", default=None,
                    help="only files whose relative path matches GLOB, e.g. '*.txt' (default: all "
                         "files except hidden ones)")
    ba.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    ba.set_defaults(func=_cmd_batch)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return value


def _cmd_batch(args: argparse.Namespace) -> int:
    from policytext.batch import BatchConfig, run_batch
    from policytext.errors import ConfigError, PolicyTextError

    if args.scheduler and args.engine != "dask":
        print("policytext batch: --scheduler needs --engine dask", file=sys.stderr)
        return EXIT_USAGE
    try:
        config = BatchConfig(pattern=args.pattern, jobs=args.jobs, engine=args.engine,
                             scheduler=args.scheduler, progress=not args.quiet)
        summary = run_batch(args.in_dir, args.out_dir, config, fmt=args.table_format)
    except ConfigError as exc:
        print(f"policytext batch: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except PolicyTextError as exc:
        print(f"policytext batch: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except OSError as exc:  # the output folder cannot be written, say
        print(f"policytext batch: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if not args.quiet:
        new = summary.n_files - summary.n_skipped
        print(f"policytext batch: {summary.n_files} files: {summary.n_done} done, {summary.n_error} errors "
              f"({new} processed now, {summary.n_skipped} already done); tables in {summary.out_dir}",
              file=sys.stderr)
        for source, reason in summary.errors[:20]:
            print(f"  error: {source}: {reason}", file=sys.stderr)
        if len(summary.errors) > 20:
            print(f"  ... {len(summary.errors) - 20} more errors in the manifest", file=sys.stderr)
    return EXIT_OK


def _cmd_extract(args: argparse.Namespace) -> int:
    from policytext.errors import PolicyTextError
    from policytext.pipeline import extract_file

    try:
        result = extract_file(args.file)
    except PolicyTextError as exc:
        print(f"policytext: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if args.format == "text":
        sys.stdout.write("\n\n".join(doc.text for doc in result.documents) + "\n")
    else:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=1) + "\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code instead of exiting, so tests can call it."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    _quiet_dependencies()
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    return int(args.func(args))
