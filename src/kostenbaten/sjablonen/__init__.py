"""Meegeleverde startbestanden (pakketgegevens), zodat `kostenbaten nieuw` vanuit elke map werkt."""
