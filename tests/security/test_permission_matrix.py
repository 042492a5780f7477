"""The permission matrix (matrix.py) against the running portal, one test per cell."""

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from .calls import changed_counts, outcome, request_case, row_counts, written_tables
from .endpoints import discover
from .matrix import GET_WRITES, KNOWN_DEFECTS, REFUSALS, TABLE
from .world import ROLES

pytestmark = pytest.mark.django_db


def test_every_endpoint_has_an_entry():
    discovered = set(discover())
    assert sorted(discovered - set(TABLE)) == [], "endpoints without a row in matrix.TABLE"
    assert sorted(set(TABLE) - discovered) == [], "rows of matrix.TABLE for no endpoint"


def test_every_case_checks_every_role():
    for key, cases in TABLE.items():
        for name, case in cases.items():
            assert case.GET is not None, (key, name)
            for expected in (case.GET, case.POST):
                if expected is not None:
                    assert set(expected) == set(ROLES), (key, name)


def _cells():
    for key, cases in TABLE.items():
        for case_name, case in cases.items():
            for method in ("GET", "POST"):
                expected = getattr(case, method)
                if expected is None:
                    continue
                for role in ROLES:
                    cell = (key, case_name, method, role)
                    marks = []
                    if cell in KNOWN_DEFECTS:
                        marks = [pytest.mark.xfail(reason=KNOWN_DEFECTS[cell], strict=True)]
                    yield pytest.param(*cell, expected[role], id="|".join(cell), marks=marks)


@pytest.mark.parametrize(("key", "case_name", "method", "role", "expected"), list(_cells()))
def test_cell(client, world, key, case_name, method, role, expected):
    case = TABLE[key][case_name]
    user = world.user(role)
    if user is not None:
        client.force_login(user)
    watch = method == "POST" and expected in REFUSALS
    before = row_counts() if watch else None
    reset_queries()  # the query log is a bounded deque: a full one captures nothing
    with CaptureQueriesContext(connection) as queries:
        response = request_case(client, world, key, case, method)
    assert outcome(response) == expected
    if method == "GET":
        unexpected = set(written_tables(queries)) - GET_WRITES.get(key, set())
        assert sorted(unexpected) == [], "a GET wrote to these tables"
    if watch:
        assert written_tables(queries) == [], "a refused write wrote to these tables"
        assert changed_counts(before, row_counts()) == [], "a refused write changed row counts"
