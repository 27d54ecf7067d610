"""Het rapport voor de gemeenteraad: per analyse de onderdelen, samen één HTML-pagina of een PDF.

Elke module `<analyse>.py` zet een uitkomst uit `berekening/` om in blokken
(`blokken.py`) op een vaste plek in het rapport; `document.py` zet de plekken
op volgorde, `html.py` en `pdf.py` maken er het bestand van. Rekenen doet het
rapport niet: elk cijfer komt uit een uitkomstobject, elke tekst voor een getal
uit `notatie.py`. matplotlib, jinja2 en typst laden alleen hier.
"""
