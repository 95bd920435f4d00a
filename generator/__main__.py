"""`python -m generator` is the `reportsite` command."""

from generator.cli import run

run()
