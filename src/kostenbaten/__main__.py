"""Maakt `python -m kostenbaten` mogelijk."""

from kostenbaten.cli import main

main()
