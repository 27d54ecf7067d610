"""De opdrachten van de opdrachtregel, één module per groep; `cli.py` zet ze op de app."""
