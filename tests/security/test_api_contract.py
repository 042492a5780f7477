"""The API against its own OpenAPI document (schemathesis), anonymously and with a personal
token of the community member of the security world (tests/security/world.py): for every
operation and a bounded number of generated requests each (``API_CONTRACT_EXAMPLES``, 10
unless set), no answer is a 5xx, every status code is one the document declares for that
operation, and every body matches the schema declared for its status."""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("API_CONTRACT_EXAMPLES", "10"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Django's handler closes the database connection after each request (as Django's own test
    client stops it doing): that would end the test's transaction under the next request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def write_token(world):
    from communities.models import ApiToken

    _token, key = ApiToken.issue(world.user("member"), "contract test", ApiToken.WRITE)
    return key


# Loaded at collection (the document needs no database); requests run in each test, inside
# the world's transaction.
schema = schemathesis.openapi.from_wsgi("/api/v2/openapi.json", get_wsgi_application())

HYPOTHESIS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same requests on every run: a failure reproduces
    suppress_health_check=list(HealthCheck),
)


# One test per operation, parametrised here rather than by ``schema.parametrize()``, whose items
# all share one node id: under ``make test`` (pytest-xdist, ``--dist loadgroup``) the scheduler
# keys work by node id, so only the first operation of each test ever ran.
OPERATIONS = [result.ok() for result in schema.get_all_operations()]


def _conforms(operation, headers):
    @given(case=operation.as_strategy())
    @HYPOTHESIS
    def check(case):
        case.call_and_validate(headers=headers, checks=CHECKS)

    check()


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.label)
def test_anonymous_requests_conform(operation, world):
    _conforms(operation, {"Host": "localhost"})


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.label)
def test_token_requests_conform(operation, write_token):
    _conforms(operation, {"Host": "localhost", "Authorization": f"Bearer {write_token}"})


def test_every_operation_is_a_test_of_its_own():
    """Each operation has its own node id (the reason the tests are parametrised here)."""
    labels = [operation.label for operation in OPERATIONS]
    assert len(labels) == len(set(labels)) > 50
