# Arabic with Latin digits (portal/formatting.py): Latin separators as in Jordan and Egypt
# (12,345.6), grouped; date-times day first (Django has none and falls back to m/d/Y).
DATETIME_FORMAT = "j F، Y، g:i A"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y g:i A"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
