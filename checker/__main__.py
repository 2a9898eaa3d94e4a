"""``python -m checker`` is the same as ``fzcheck`` (whose entry point is :func:`main`).

The garbage collector is paused while fzcheck starts: importing the stages and loading the rule
set make hundreds of thousands of objects, none of them garbage, and collecting them cost ~5 %
of a one-report run.  :func:`checker.cli.resume_gc` turns it back on before any file is checked.
"""
import gc

gc.disable()

from . import cli  # noqa: E402 - after the pause, on purpose

cli.GC_PAUSED = True


def main() -> None:
    cli.entry()


if __name__ == "__main__":
    main()
