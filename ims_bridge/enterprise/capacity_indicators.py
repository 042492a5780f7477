"""A factory's monthly indicator values: months, the CSV upload (all rows or none), the
table of recent months and the CSV export."""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Indicator, IndicatorValue

MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
FIRST_YEAR = 2000
UPLOAD_MAX_BYTES = 1024 * 1024
UPLOAD_MAX_ROWS = 5000
MAX_VALUE = Decimal("999999999.999")
HEADER_ALIASES = {
    "month": "month",
    "indicator": "indicator",
    "indicator code": "indicator",
    "code": "indicator",
    "value": "value",
}


def this_month():
    return timezone.localdate().replace(day=1)


def parse_month(text):
    """The first day of a "YYYY-MM" month, or ValueError with a message for the reader."""
    match = MONTH_PATTERN.match((text or "").strip())
    if not match:
        raise ValueError(_("Write the month as YYYY-MM, for example 2024-03."))
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        raise ValueError(_("Write the month as YYYY-MM, for example 2024-03."))
    first = date(year, month, 1)
    if year < FIRST_YEAR or first > this_month():
        raise ValueError(
            _("The month must be between %(first)s and this month.") % {"first": f"{FIRST_YEAR}-01"}
        )
    return first


def parse_value(text):
    """A value of a CSV cell ("12.5" or "12,5"); None for a blank cell; ValueError if bad."""
    text = (text or "").strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(_("“%(value)s” is not a number.") % {"value": text[:40]}) from None
    if not value.is_finite() or value < 0 or value > MAX_VALUE:
        raise ValueError(_("The value must be a number from 0 to 999,999,999."))
    return value.quantize(Decimal("0.001"))


def active_indicators():
    return list(Indicator.objects.filter(active=True))


def save_month(factory, month, values, user):
    """Store {indicator: Decimal or None} for one month; None removes the value."""
    with transaction.atomic():
        for indicator, value in values.items():
            _store(factory, indicator, month, value, user)


def _store(factory, indicator, month, value, user):
    if value is None:
        IndicatorValue.objects.filter(factory=factory, indicator=indicator, month=month).delete()
    else:
        IndicatorValue.objects.update_or_create(
            factory=factory,
            indicator=indicator,
            month=month,
            defaults={"value": value, "entered_by": user},
        )


@dataclass
class Upload:
    rows: list = field(default_factory=list)  # (indicator, month, value or None)
    errors: list = field(default_factory=list)  # messages, with line numbers

    @property
    def ok(self):
        return not self.errors and bool(self.rows)


def _decode(data):
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def parse_upload(data):
    """Read an uploaded CSV (bytes): columns month (YYYY-MM), indicator (code), value. Every
    bad row is reported with its line number; the caller saves nothing unless ``ok``."""
    result = Upload()
    if len(data) > UPLOAD_MAX_BYTES:
        result.errors.append(_("The file is larger than 1 MB."))
        return result
    try:
        text = _decode(data)
    except UnicodeDecodeError:
        result.errors.append(_("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again."))
        return result
    if "\x00" in text:
        result.errors.append(_("The file is not a CSV text file."))
        return result
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error:
        header = None
    columns = {}
    for index, name in enumerate(header or []):
        key = HEADER_ALIASES.get(name.strip().lower())
        if key and key not in columns:
            columns[key] = index
    if set(columns) != {"month", "indicator", "value"}:
        result.errors.append(
            _("Line 1 must name the columns: month, indicator, value (found: %(found)s).")
            % {"found": ", ".join(h.strip()[:30] for h in header or []) or "—"}
        )
        return result
    indicators = {i.code: i for i in active_indicators()}
    seen = {}
    try:
        for cells in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(result.rows) + len(result.errors) >= UPLOAD_MAX_ROWS:
                result.errors.append(
                    _("Line %(line)s: the file has more than %(max)s rows.")
                    % {"line": line, "max": UPLOAD_MAX_ROWS}
                )
                break
            _read_row(result, cells, columns, indicators, seen, line)
    except csv.Error as error:
        result.errors.append(
            _("Line %(line)s: %(error)s") % {"line": reader.line_num, "error": error}
        )
    if not result.rows and not result.errors:
        result.errors.append(_("The file has no rows of values."))
    return result


def _read_row(result, cells, columns, indicators, seen, line):
    def cell(name):
        index = columns[name]
        return cells[index] if index < len(cells) else ""

    problems = []
    try:
        month = parse_month(cell("month"))
    except ValueError as error:
        month = None
        problems.append(str(error))
    code = cell("indicator").strip()
    indicator = indicators.get(code)
    if indicator is None:
        problems.append(
            _("“%(code)s” is not an indicator code (codes: %(codes)s).")
            % {"code": code[:40], "codes": ", ".join(indicators)}
        )
    try:
        value = parse_value(cell("value"))
    except ValueError as error:
        problems.append(str(error))
    if not problems:
        key = (indicator.code, month)
        if key in seen:
            problems.append(
                _("the same month and indicator as line %(line)s.") % {"line": seen[key]}
            )
        seen[key] = line
    if problems:
        result.errors.append(
            _("Line %(line)s: %(problems)s") % {"line": line, "problems": " ".join(problems)}
        )
    else:
        result.rows.append((indicator, month, value))


def save_upload(factory, upload, user):
    """All rows of a valid upload in one transaction (a failure leaves nothing behind)."""
    assert upload.ok
    with transaction.atomic():
        for indicator, month, value in upload.rows:
            _store(factory, indicator, month, value, user)
    return len(upload.rows)


def values_by_month(factory, indicators):
    """{month: {indicator_id: value}} of a factory, oldest month first."""
    by_month = {}
    for row in IndicatorValue.objects.filter(factory=factory, indicator__in=indicators).values_list(
        "month", "indicator_id", "value"
    ):
        by_month.setdefault(row[0], {})[row[1]] = row[2]
    return dict(sorted(by_month.items()))


def recent_table(by_month, indicators, months=12):
    """Rows (month, [value or None per indicator]) of the last months with values, newest first."""
    recent = list(by_month.items())[-months:]
    return [
        (month, [values.get(indicator.pk) for indicator in indicators])
        for month, values in reversed(recent)
    ]


def export_rows(factory):
    values = IndicatorValue.objects.filter(factory=factory).select_related("indicator")
    for value in values.order_by("month", "indicator__sort_order", "indicator__code"):
        yield (f"{value.month:%Y-%m}", value.indicator.code, value.value, value.indicator.name)
