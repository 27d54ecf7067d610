"""Terminaluitvoer (rich): per analyse een module met `toon(uitkomst, console, ...)`."""
