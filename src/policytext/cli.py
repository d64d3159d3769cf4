"""The ``policytext`` command: a thin shell over the library.

Exit codes: 0 success, 1 failure on the input, 2 usage. Messages go to stderr and name the file.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence

from policytext import __version__

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def _quiet_dependencies() -> None:
    """jieba and friends log at DEBUG to stderr; the CLI, not the library, silences them."""
    for name in ("jieba", "gensim", "distributed", "numexpr"):
        logging.getLogger(name).setLevel(logging.WARNING)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policytext",
        description="Read, clean and extract numeric targets and programmes from Chinese policy documents.",
    )
    parser.add_argument("--version", action="version", version=f"policytext {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="extract one file and print the result")
    ex.add_argument("file", help="a .txt, .md or .html file")
    ex.add_argument("--format", choices=("json", "text"), default="json",
                    help="json: the CONTRACT.md record (default); text: the cleaned text")
    ex.set_defaults(func=_cmd_extract)
    return parser


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
