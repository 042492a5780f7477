"""No CSV the portal serves can attack the spreadsheet that opens it.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by spreadsheet programs (OWASP, "CSV injection"); such a cell gets a leading
apostrophe, which shows the text as it was. The middleware applies this to every ``text/csv``
response, the portal's own tables and the Wagtail admin's exports alike, streaming or not, so a
new export cannot forget it."""

import codecs
import csv
import io

from django.utils.encoding import force_str

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """The cell as a spreadsheet shows it but never evaluates it."""
    text = "" if value is None else force_str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _rows_to_text(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def _lines(chunks, charset):
    """Text lines ending in "\\n" (as the csv module reads them: a quoted cell may hold line
    breaks) from byte chunks that may split lines, or characters, anywhere."""
    decoder = codecs.getincrementaldecoder(charset)(errors="replace")
    pending = ""
    for chunk in chunks:
        pending += decoder.decode(chunk) if isinstance(chunk, bytes) else chunk
        *complete, pending = pending.split("\n")
        for line in complete:
            yield line + "\n"
    pending += decoder.decode(b"", final=True)
    if pending:
        yield pending


class SpreadsheetFormulaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.get("Content-Type", "").startswith("text/csv"):
            return response
        charset = response.charset or "utf-8"
        rows = csv.reader(
            _lines(
                response.streaming_content if response.streaming else [response.content],
                charset,
            )
        )
        safe = (text.encode(charset) for text in _rows_to_text(rows))
        if response.streaming:
            response.streaming_content = safe
        else:
            response.content = b"".join(safe)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
