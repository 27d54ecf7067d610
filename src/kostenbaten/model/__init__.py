"""Gegevensmodellen (pydantic): `casus` voor pilots en casussen, `begroting` voor begrotingen."""
