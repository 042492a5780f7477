"""Turning a table case into a request, and a response into a table value."""

import re

from django.db import connection

from .endpoints import discover

LOGIN_PATHS = ("/accounts/login/", "/admin/login/", "/django-admin/login/", "/_util/login/")
# Tables a refused request may still touch: the signed-in user's session, and the Wagtail
# user profile that the user bar creates on first sight of a staff user.
UNWATCHED_TABLES = {"django_session", "wagtailusers_userprofile"}


def resolve(value, world):
    """ "@name" -> world.ids[name] ("@page:<label>" -> that page's path); other strings are
    literal with {name} filled from world.ids."""
    if not isinstance(value, str):
        return value
    if value.startswith("@"):
        name = value[1:]
        if name.startswith("page:"):
            return world.pages[name.removeprefix("page:")].url
        return world.ids[name]
    return value.format_map(world.ids) if "{" in value else value


def path_for(endpoint, case, world, **overrides):
    """The case's URL path; `overrides` replace parameter values as they are (raw, already
    percent-encoded where needed)."""
    values = {name: str(resolve(value, world)) for name, value in case.params.items()}
    if endpoint.page_model and "page_path" not in values:
        values["page_path"] = world.pages[endpoint.page_model].url
    unknown = set(values) - set(endpoint.path_params)
    assert not unknown, f"{endpoint.key}: the table gives parameters it has not: {unknown}"
    values.update(overrides)
    return endpoint.template.format(**values)


def query_for(case, world):
    return resolve(case.query, world) if case.query else ""


def form_for(case, world):
    if case.json is not None:
        return {key: resolve(value, world) for key, value in case.json.items()}
    return {key: resolve(value, world) for key, value in (case.data or {}).items()}


def send(client, method, path, query="", case=None, world=None, body=None):
    url = f"{path}?{query}" if query else path
    if method == "GET":
        return client.get(url)
    if body is None and case is not None:
        body = form_for(case, world)
    # A POST from the site's own page, as a browser sends it (with its Origin).
    origin = f"http://{client.defaults.get('HTTP_HOST', 'testserver')}"
    if case is not None and case.json is not None:
        return client.post(url, body, content_type="application/json", HTTP_ORIGIN=origin)
    return client.post(url, body or {}, HTTP_ORIGIN=origin)


def request_case(client, world, key, case, method):
    endpoint = discover()[key]
    path = path_for(endpoint, case, world)
    return send(client, method, path, query_for(case, world), case, world)


def outcome(response):
    """The table's name for what a response did."""
    if response.status_code in (301, 302, 303, 307, 308):
        location, _sep, query = response["Location"].partition("?")
        to_login = location.endswith(LOGIN_PATHS) and "next=" in query
        return "302 login" if to_login else "302"
    return str(response.status_code)


def row_counts():
    """Every table's row count, in one statement."""
    with connection.cursor() as cursor:
        tables = [
            t for t in connection.introspection.table_names(cursor) if t not in UNWATCHED_TABLES
        ]
        quote = connection.ops.quote_name
        cursor.execute(
            " UNION ALL ".join(
                f"SELECT '{t}', COUNT(*) FROM {quote(t)}"  # noqa: S608 - names from the schema
                for t in tables
            )
        )
        return dict(cursor.fetchall())


WRITE_STATEMENT = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.I)


def written_tables(queries):
    """The watched tables that the captured statements insert into, update or delete from."""
    tables = set()
    for query in queries:
        match = WRITE_STATEMENT.match(query["sql"])
        if match and match.group(1) not in UNWATCHED_TABLES:
            tables.add(match.group(1))
    return sorted(tables)


def changed_counts(before, after):
    return sorted(t for t in before.keys() | after.keys() if before.get(t) != after.get(t))
