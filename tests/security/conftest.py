"""Fixtures for the security suite: the world built once per test module (inside a
transaction rolled back at the module's end; each test runs in a savepoint inside it), the other
suites' builders, a view of every stored file,
and a multipart encoder that sends file names exactly as given (Django's test client keeps only
the last path part, so it cannot send ``../../x.pdf``)."""

import os
import secrets

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation

from tests.communities.conftest import (  # noqa: F401  (fixtures)
    _fresh_rate_limits,
    login,
    make_community,
    make_thread,
    make_user,
    people,
)
from tests.knowledge.conftest import library, make_document, make_resource  # noqa: F401

from .world import build_world

MB = 1024 * 1024


def stored_files():
    """Every file under public media and private storage, as {(where, relative path)}."""
    found = set()
    for where, root in (("public", settings.MEDIA_ROOT), ("private", settings.PRIVATE_MEDIA_ROOT)):
        for folder, _dirs, files in os.walk(root):
            for name in files:
                found.add((where, os.path.relpath(os.path.join(folder, name), root)))
    return found


def public_files():
    return {path for where, path in stored_files() if where == "public"}


def multipart(fields, files):
    """(body, content type) with ``files`` = [(field, filename, bytes)] sent verbatim."""
    boundary = secrets.token_hex(16)
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + str(value).encode()
            + b"\r\n"
        )
    for field, filename, content in files:
        header = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        )
        parts.append(header.encode("utf-8", "surrogateescape") + content + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def post_multipart(client, url, fields, files, **extra):
    body, content_type = multipart(fields, files)
    return client.generic("POST", url, body, content_type=content_type, **extra)


@pytest.fixture
def staff(client, make_user):  # noqa: F811  (the fixture imported above)
    user = make_user("boss", is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


@pytest.fixture(autouse=True)
def _reset_language():
    """A request to /fr/... leaves French active in the thread; later tests expect English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world()
        translation.activate(settings.LANGUAGE_CODE)
        yield built
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _fresh_state():
    """Rate-limit counters live in the cache; a request to /fr/ leaves French active."""
    cache.clear()
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
