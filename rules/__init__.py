"""Bundled rule sets: data, shipped inside the wheel as checker.rules."""
