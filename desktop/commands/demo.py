"""``rapport demo``: fill the data folder with a realistic, deterministic network."""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import asdict

from desktop.commands import CommandError, add_command, open_store, print_json


def demo_command(args: argparse.Namespace) -> int:
    folder = open_store(args)
    from desktop.services.demo import build_demo, count_people

    existing = count_people()
    if existing and not args.add:
        raise CommandError(
            f"{folder} already holds {existing} people; use --add to add a demo network anyway "
            "or choose an empty --data-dir"
        )
    started = time.perf_counter()

    def progress(stage: str, done: int, total: int) -> None:
        if sys.stderr.isatty() and not args.json:
            print(f"\r{stage}: {done}/{total}   ", end="", file=sys.stderr, flush=True)

    try:
        summary = build_demo(people=args.people, seed=args.seed, progress=progress)
    except ValueError as exc:
        raise CommandError(str(exc), exit_code=2) from exc
    elapsed = time.perf_counter() - started
    if sys.stderr.isatty() and not args.json:
        print(file=sys.stderr)
    if args.json:
        print_json({**asdict(summary), "seconds": round(elapsed, 2), "data_dir": str(folder)})
    else:
        print(
            f"Demo network in {folder}: {summary.people} people, {summary.conversations} "
            f"conversations, {summary.commitments} promises, {summary.exchanges} exchanges, "
            f"{summary.introductions} introductions, {summary.events} events "
            f"({elapsed:.1f} s)."
        )
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1 or value > 1_000_000:
        raise argparse.ArgumentTypeError("choose between 1 and 1,000,000 people")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers, "demo", "fill the data folder with a deterministic demo network", demo_command
    )
    parser.add_argument("--people", type=_positive, default=200, metavar="N", help="default 200")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="default 1")
    parser.add_argument("--add", action="store_true", help="add even if people exist already")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
