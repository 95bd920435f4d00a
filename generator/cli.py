"""The `reportsite` command line."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import Abort

from generator import __version__
from generator.read import MAX_FILE_BYTES

log = logging.getLogger("reportsite")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reportsite", description="Build a report site from a corpus of documents.")
    parser.add_argument("--version", action="version", version=f"reportsite {__version__}")
    parser.add_argument("-q", "--quiet", action="store_true", help="print warnings and errors only")
    commands = parser.add_subparsers(dest="command", required=True)
    # Every command reads the corpus, so every command takes the limit.
    limit = argparse.ArgumentParser(add_help=False)
    limit.add_argument("--max-file-mb", type=float, default=MAX_FILE_BYTES / 2**20, metavar="MB",
                       help="pass over (with a warning) corpus files larger than this (default: %(default)g)")

    new = commands.add_parser("new", help="make a site folder: corpus/, mkdocs.yml and a README on using it")
    new.add_argument("folder", type=Path, help="the folder to make (it may exist, but hold no site)")

    build = commands.add_parser("build", parents=[limit], help="build the site from the corpus")
    build.add_argument("--corpus", type=Path, help="corpus folder (default: PROJECT/corpus)")
    build.add_argument("--site", type=Path, help="output folder (default: PROJECT/site)")
    build.add_argument("--project", type=Path, default=Path("."), help="site folder (default: .)")
    build.add_argument("--strict", action="store_true",
                       help="fail on any skipped document and on MkDocs warnings (broken links, anchors)")

    extract = commands.add_parser("extract", parents=[limit], help="write the report of a corpus, no site")
    extract.add_argument("corpus", type=Path, help="corpus folder")
    extract.add_argument("-o", "--output", type=Path, required=True, help="report.json to write")

    serve = commands.add_parser("serve", parents=[limit], help="live site that follows corpus changes")
    serve.add_argument("--corpus", type=Path, help="corpus folder (default: PROJECT/corpus)")
    serve.add_argument("--project", type=Path, default=Path("."), help="site folder (default: .)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--poll", action="store_true",
                       help="look for changes every half second, for file systems that report none (some network "
                            "and container mounts)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO,
                        format="%(levelname)-8s %(message)s", stream=sys.stderr)
    # Each command imports what it runs: the build's modules take a third of a second to import.
    try:
        if args.command == "new":
            from generator.scaffold import new_site

            new_site(args.folder)
            log.info("made %s: put documents into %s, then run `reportsite build` there",
                     args.folder, args.folder / "corpus")
        elif args.command == "build":
            from generator.search import Pagefind

            # Started first, Pagefind loads its dictionary on another core while the build is imported.
            with Pagefind() as pagefind:
                from generator.build import Project, build_site

                build_site(Project.at(args.project, args.corpus, args.site, _bytes(args.max_file_mb)),
                           strict=args.strict, pagefind=pagefind)
        elif args.command == "extract":
            from generator import export
            from generator.build import gather, survey

            corpus = gather(args.corpus, surveyed=survey(args.corpus, _bytes(args.max_file_mb)))
            args.output.parent.mkdir(parents=True, exist_ok=True)
            args.output.write_bytes(export.report_json(corpus))
            log.info("wrote %s: %d documents", args.output, len(corpus.documents))
        elif args.command == "serve":
            from generator.build import Project
            from generator.serve import serve

            serve(Project.at(args.project, args.corpus, max_file_bytes=_bytes(args.max_file_mb)), port=args.port,
                  poll=args.poll)
    except (OSError, RuntimeError, Abort) as error:  # MkDocs aborts a failed --strict build; a disk fills
        log.error("%s", error)
        return 1
    return 0


def run() -> None:
    """The `reportsite` command: `main`, then exit with its status.

    Python's collector goes over every object once more as the interpreter
    ends: with the theme, the templates and the dictionaries of a build
    loaded, a quarter of a second of a rebuild. Frozen, they are left to the
    process's end. (Only here: `main` also runs inside other processes, tests'.)
    """
    status = main()
    gc.freeze()
    sys.exit(status)


def _bytes(megabytes: float) -> int:
    return int(megabytes * 2**20)
