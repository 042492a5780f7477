"""Request bodies are capped before they are read: a 40 MB post is answered 413 from its
headers alone (the view never runs, not one byte of the body is read), in the reader's language
on pages and as JSON under /api/; a chunked body is refused as soon as it passes the limit."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from communities.models import Attachment, Thread

from .conftest import MB, login

pytestmark = pytest.mark.django_db

FORTY_MB = 40 * MB


class CountingStream:
    """A request body that remembers how much of it was read."""

    def __init__(self, data):
        self._data = io.BytesIO(data)
        self.bytes_read = 0

    def read(self, size=-1):
        chunk = self._data.read(size)
        self.bytes_read += len(chunk)
        return chunk

    def readline(self, size=-1):
        line = self._data.readline(size)
        self.bytes_read += len(line)
        return line


def declared_post(client, url, length, content_type="multipart/form-data; boundary=x"):
    """A POST whose headers announce ``length`` bytes; the stream fails the test if read."""
    stream = CountingStream(b"--x\r\n")
    response = client.generic(
        "POST",
        url,
        CONTENT_TYPE=content_type,
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": stream},
    )
    return response, stream


def chunked_post(client, url, data, content_type):
    """A chunked POST as gunicorn passes it: no Content-Length, a stream that ends by itself."""
    stream = CountingStream(data)
    response = client.generic(
        "POST",
        url,
        CONTENT_TYPE=content_type,
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": stream, "wsgi.input_terminated": True},
    )
    return response, stream


def template_names(response):
    return [t.name for t in response.templates]


def test_a_40_mb_attachment_is_refused_before_the_view_runs(client, people, make_community):
    community = make_community("members")
    login(client, people["member"])
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + bytes(FORTY_MB))
    response = client.post(
        f"/en/communities/{community.slug}/new/",
        {"title": "Big", "body": "A big file", "attachment": upload},
    )
    assert response.status_code == 413
    assert "413.html" in template_names(response)
    assert "communities/thread_form.html" not in template_names(response)
    assert "The most this address accepts is 12 MB" in response.content.decode()
    assert not Thread.objects.filter(title="Big").exists() and not Attachment.objects.exists()


def test_the_body_is_not_read_at_all(client, people, make_community):
    community = make_community("members")
    login(client, people["member"])
    response, stream = declared_post(client, f"/en/communities/{community.slug}/new/", FORTY_MB)
    assert response.status_code == 413 and stream.bytes_read == 0


def test_the_413_page_is_in_the_readers_language(client, people, make_community):
    community = make_community("members")
    login(client, people["member"])
    response, stream = declared_post(client, f"/fr/communities/{community.slug}/new/", FORTY_MB)
    html = response.content.decode()
    assert response.status_code == 413 and stream.bytes_read == 0
    assert '<html lang="fr"' in html
    assert "La requête est trop volumineuse" in html and "12 Mo" in html
    response, _stream = declared_post(client, f"/ar/communities/{community.slug}/new/", FORTY_MB)
    assert 'lang="ar" dir="rtl"' in response.content.decode()


def test_a_40_mb_api_post_is_a_json_413(client, people, make_community):
    community = make_community("members")
    client.force_login(people["member"])
    body = json.dumps({"title": "Big", "body": "x" * FORTY_MB})
    response = client.post(
        f"/api/v2/communities/{community.slug}/threads/", body, content_type="application/json"
    )
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert "too large" in response.json()["error"]
    assert not Thread.objects.filter(title="Big").exists()
    response, stream = declared_post(
        client, f"/api/v2/communities/{community.slug}/threads/", FORTY_MB, "application/json"
    )
    assert response.status_code == 413 and stream.bytes_read == 0


def test_limits_depend_on_the_path(client, people, make_community, settings):
    settings.REQUEST_BODY_MAX_SIZE = 1000
    settings.REQUEST_BODY_MAX_SIZE_BY_PATH = {"/admin/": 5000, "/admin/documents/": 9000}
    community = make_community("members")
    login(client, people["member"])
    page = f"/en/communities/{community.slug}/new/"
    assert declared_post(client, page, 1000)[0].status_code != 413
    assert declared_post(client, page, 1001)[0].status_code == 413
    assert declared_post(client, "/admin/pages/", 5001)[0].status_code == 413
    # the longest matching prefix wins
    response, _stream = declared_post(client, "/admin/documents/add/", 8000)
    assert response.status_code != 413
    response, stream = declared_post(client, "/admin/documents/add/", 9001)
    assert response.status_code == 413 and stream.bytes_read == 0


def test_a_chunked_body_over_the_limit_is_refused_while_reading(
    client, people, make_community, settings
):
    settings.REQUEST_BODY_MAX_SIZE = 100_000
    community = make_community("members")
    client.force_login(people["member"])
    body = json.dumps({"title": "Chunked", "body": "x" * 500_000}).encode()
    response, stream = chunked_post(
        client, f"/api/v2/communities/{community.slug}/threads/", body, "application/json"
    )
    assert response.status_code == 413 and "too large" in response.json()["error"]
    assert stream.bytes_read <= 100_001  # stopped one byte past the limit
    assert not Thread.objects.filter(title="Chunked").exists()


def test_a_chunked_body_under_the_limit_reaches_the_view(client, people, make_community):
    community = make_community("members")
    client.force_login(people["member"])
    body = json.dumps({"title": "Chunked", "body": "Small enough."}).encode()
    response, stream = chunked_post(
        client, f"/api/v2/communities/{community.slug}/threads/", body, "application/json"
    )
    assert response.status_code == 201, response.content
    assert stream.bytes_read == len(body)
    assert Thread.objects.get(title="Chunked").posts.get().body == "Small enough."
