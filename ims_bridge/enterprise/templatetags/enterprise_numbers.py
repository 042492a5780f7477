from decimal import Decimal, InvalidOperation

from django import template

from portal.formatting import format_number

register = template.Library()


@register.filter
def quantity(value):
    """A stored decimal as people write it: no trailing zeros ("70.2", not "70.200"), in the
    reader's locale ("70,2" in French, "៧០,២" in Khmer)."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return value
    places = max(0, -number.normalize().as_tuple().exponent)
    return format_number(number, decimal_pos=places)
