"""kostenbaten: kosten en baten van sociaal-juridische hulp in de bibliotheek."""

__version__ = "0.1.0"

# Of dit proces één opdracht draait en daarna stopt; `cli.main` zet het aan. Alleen dan bevriest het lezen van een
# casussenmap de gelezen objecten voor de garbage collector (invoer/casussen.py): in een proces dat blijft lopen (de
# tests, wie de API gebruikt) zou een bevroren kring nooit meer opgeruimd worden.
EEN_OPDRACHT = False
