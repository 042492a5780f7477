"""The bounded set of hostile values, and the requests that carry them to one endpoint.

Values are written as they travel in a URL or a form body (percent-encoded where needed);
JSON bodies get their own set.
"""

from urllib.parse import parse_qsl, quote

from .calls import form_for, path_for, query_for
from .endpoints import HTML_QUERY_PARAMETERS

HOSTILE = (
    "%00",  # NUL: PostgreSQL refuses it in text
    "a%00b",
    "%",  # invalid percent-escapes
    "%zz",
    "%c3%28",  # invalid UTF-8
    "%ed%a0%80",  # a lone surrogate, as a browser would encode it
    "99999999999999999999",  # past 64 bits
    "-1",
    "1e309",  # a float that overflows to infinity
    "a" * 10_240,  # 10 KB
    "%ef%bf%bf%e2%80%ae%d8%a7",  # a non-character, a right-to-left override, Arabic
)
REPEATED = "repeated"  # the parameter sent twice (x=1&x=2): an array for a scalar
JSON_HOSTILE = (
    "\x00",
    "a\x00b",
    "\ud800",  # a lone surrogate (JSON can carry it as \ud800)
    "a" * 10_240,
    10**20,
    -1,
    ["x", "y"],
    {"a": 1},
    None,
)


def _query(pairs):
    """A raw query string: values are already encoded (or deliberately broken)."""
    return "&".join(f"{name}={value}" for name, value in pairs)


def _with(base, name, value):
    pairs = [(n, v) for n, v in parse_qsl(base, keep_blank_values=True) if n != name]
    pairs = [(n, quote(v, safe="")) for n, v in pairs]
    if value == REPEATED:
        return _query([*pairs, (name, "1"), (name, "2")])
    return _query([*pairs, (name, value)])


def _form(data, name, value):
    pairs = [(n, quote(str(v), safe="")) for n, v in data.items() if n != name]
    if value == REPEATED:
        return _query([*pairs, (name, "1"), (name, "2")])
    return _query([*pairs, (name, value)])


def requests_for(endpoint, case, world, bodies=True):
    """(method, path, query, body, content type) for every hostile variant of one endpoint.

    GET is left out where the table says every role gets 405 (the method is refused before
    any of the request is read); `bodies=False` leaves out the form and JSON bodies."""
    get_refused = set(case.GET.values()) == {"405"}
    methods = (() if get_refused else ("GET",)) + (("POST",) if case.POST is not None else ())
    path = path_for(endpoint, case, world)
    query = query_for(case, world)
    data = form_for(case, world) if case.POST is not None else {}
    # Path parameters (the page path itself only for the home page: one page type stands for
    # the page router).
    params = [p for p in endpoint.path_params if p != "page_path"]
    if endpoint.key == "page:portal.HomePage":
        params = ["page_path"]
    for name in params:
        for value in HOSTILE:
            if name == "page_path":
                value = f"/en/{value}/"
            hostile_path = path_for(endpoint, case, world, **{name: value})
            for method in methods:
                yield method, hostile_path, query, None, None
    # Query parameters: each of the API's documented ones on its own; for HTML views the
    # documented filters all at once (they are read by the views that know them).
    names = endpoint.query if endpoint.api else HTML_QUERY_PARAMETERS
    for value in (*HOSTILE, REPEATED) if not get_refused else ():
        if endpoint.api:
            for name in names:
                yield "GET", path, _with(query, name, value), None, None
        else:
            hostile_query = query
            for name in names:
                hostile_query = _with(hostile_query, name, value)
            yield "GET", path, hostile_query, None, None
    # Form fields and JSON bodies of write endpoints.
    for name in data if bodies else ():
        if case.json is not None:
            for value in JSON_HOSTILE:
                yield "POST", path, query, {**data, name: value}, "application/json"
        else:
            for value in (*HOSTILE, REPEATED):
                yield (
                    "POST",
                    path,
                    query,
                    _form(data, name, value),
                    "application/x-www-form-urlencoded",
                )
