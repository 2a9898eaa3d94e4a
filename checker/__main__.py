"""``python -m checker`` is the same as ``fzcheck``."""
from .cli import entry

if __name__ == "__main__":
    entry()
