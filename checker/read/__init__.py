"""Readers: a report file (or bytes, or standard input) to text with a map back to its lines."""
from . import regex_cache, regex_charset

regex_charset.install()  # every stage imports a reader first: all of fzcheck's patterns compile faster
regex_cache.install()  # and a pattern compiled by an earlier run is not compiled again
