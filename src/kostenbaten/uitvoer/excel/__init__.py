"""De werkmappen (openpyxl): per analyse één module met `werkmap(...)`, en `blad` met de gedeelde stijlen.

Alleen geladen als om een .xlsx gevraagd wordt.
"""
