"""Issue 12, part 6: hostile values in every path parameter, query parameter and form field of
every discovered endpoint answer 4xx (JSON under /api/), never 5xx. Run on PostgreSQL too:
that is where a NUL in text fails."""

import json
import logging

import pytest
from django.db import transaction

from .endpoints import discover
from .hostile import requests_for
from .matrix import TABLE

pytestmark = pytest.mark.django_db

# The superuser passes every permission check, so hostile values reach the deepest code; the
# anonymous reader takes the other branches (login redirects, sessions) with the same URLs.
ROLES_WALKED = ("superuser", "anonymous")


@pytest.fixture
def quiet_request_log():
    """A 500 is reported by the test; Django's traceback log of it would only repeat it."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    yield
    logger.setLevel(level)


def _send(client, method, path, query, body, content_type):
    url = f"{path}?{query}" if query else path
    if method == "GET":
        return client.get(url)
    if content_type == "application/json":
        return client.post(url, json.dumps(body), content_type=content_type)
    return client.post(url, body or "", content_type=content_type or "application/octet-stream")


def _json_error(response):
    try:
        return "error" in response.json()
    except ValueError:
        return False


@pytest.mark.parametrize("role", ROLES_WALKED)
@pytest.mark.parametrize("key", sorted(TABLE))
def test_hostile_values_never_answer_5xx(client, world, quiet_request_log, key, role):
    endpoint = discover().get(key)
    if endpoint is None:
        pytest.skip("not an endpoint (test_every_endpoint_has_an_entry says so)")
    case = next(iter(TABLE[key].values()))
    user = world.user(role)
    if user is not None:
        client.force_login(user)
    client.raise_request_exception = False
    failures = []
    variants = requests_for(endpoint, case, world, bodies=role == "superuser")
    for method, path, query, body, content_type in variants:
        # Each request in its own savepoint: a failed statement must not poison the next.
        with transaction.atomic():
            response = _send(client, method, path, query, body, content_type)
            transaction.set_rollback(True)
        where = f"{method} {path[:80]}?{(query or '')[:80]} {str(body)[:60]}"
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {where}")
        elif path.startswith("/api/") and response.status_code >= 400 and not _json_error(response):
            failures.append(f"{response.status_code} without a JSON error: {where}")
    assert not failures, f"{len(failures)} hostile requests failed:\n" + "\n".join(failures)
