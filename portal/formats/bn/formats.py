# Bengali: lakh grouping (12,34,567) as written in Bangladesh; date-times day first (Django has
# none and falls back to m/d/Y).
DATETIME_FORMAT = "j F, Y, g:i A"
SHORT_DATETIME_FORMAT = "j M, Y, g:i A"
NUMBER_GROUPING = (3, 2, 0)
