"""kostenbaten: kosten en baten van sociaal-juridische hulp in de bibliotheek."""

__version__ = "0.1.0"
