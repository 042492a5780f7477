"""The upload corpus (HTML named .pdf, SVG with script, oversized files, path-traversal and
device names, a zip bomb) through every upload entry point: community attachments (page and
API), the admin document upload (single and multiple) and the admin IMS upload.

Each file is either refused with a clear message and nothing stored (no row, no file anywhere),
or stored under a clean name in private storage and served only as a download that cannot run
script (``nosniff``, ``Content-Disposition: attachment``, a sandboxing CSP)."""

import functools
import io
import re
import zipfile

import pytest
from django.test import override_settings
from wagtail.documents.models import Document
from wagtail.models import Collection

from communities.models import Attachment, Thread
from ims_bridge.models import ImportBatch
from knowledge.pdf import make_pdf
from tests.ims_bridge.helpers import star_csv, star_row

from .conftest import MB, login, post_multipart, stored_files

pytestmark = pytest.mark.django_db

PDF = make_pdf("Corpus")
HTML = b"<!DOCTYPE html><html><body><script>fetch('/api/').then(alert)</script></body></html>"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(document.domain)</script></svg>"
)
CSV = star_csv([star_row(question="Q1")]).encode()
DEVICE_NAMES = {"con", "prn", "aux", "nul", "com1", "lpt1"}


@functools.cache
def zip_bomb():
    """A real one: about 300 KB that expands to 310 MB, with a Word manifest."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            for _ in range(310):
                entry.write(bytes(MB))
    return buffer.getvalue()


def small_xlsx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


CONTENT = {"html": HTML, "svg": SVG, "pdf": PDF, "bomb": zip_bomb, "csv": CSV}


def content(key):
    value = CONTENT.get(key, key)
    return value() if callable(value) else value


# Names an attacker (or a careless client) may send; each must end up as a plain file name.
HOSTILE_NAMES = [
    "../../x.pdf",
    "../../../../etc/cron.d/x.pdf",
    "/etc/passwd.pdf",
    "..\\..\\windows\\x.pdf",
    "C:\\Windows\\System32\\x.pdf",
    "a\x00b.pdf",
    "\u202egnp.pdf",  # right-to-left override
    "A" * 300 + ".pdf",
    "CON.pdf",
    "nul.pdf",
    "LPT1.pdf",
    ".hidden.pdf",
]


def assert_clean_name(name, max_length):
    assert name and len(name) <= max_length
    assert "/" not in name and "\\" not in name and ".." not in name
    assert not any(ord(ch) < 32 or ch in "\u202e" for ch in name)
    assert name.split(".")[0].lower() not in DEVICE_NAMES


def assert_safe_download(response):
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]


def new_private_files(before):
    """Files stored since ``before``; every one of them must be private."""
    added = stored_files() - before
    assert {where for where, _path in added} <= {"private"}, added
    return {path for _where, path in added}


# --- community attachments (the page) -------------------------------------------------------


def post_thread(client, community, filename, data, lang="en"):
    return post_multipart(
        client,
        f"/{lang}/communities/{community.slug}/new/",
        {"title": "A file", "body": "See the attachment."},
        [("attachment", filename, data)],
    )


ATTACHMENT_REFUSALS = [
    ("html-named-pdf", "report.pdf", "html", "does not match its type (.pdf)"),
    ("svg-with-script", "logo.svg", "svg", "SVG images are not accepted"),
    ("svg-named-png", "logo.png", "svg", "does not match its type (.png)"),
    ("html-named-txt", "notes.txt", "html", "does not match its type (.txt)"),
    ("pdf-named-docx", "notes.docx", "pdf", "does not match its type (.docx)"),
    ("zip-bomb-docx", "bomb.docx", "bomb", "expands to more than 300 MB"),
    ("html-no-extension", "index", "html", "This file type is not accepted"),
]


@pytest.mark.parametrize(
    "filename,key,message",
    [case[1:] for case in ATTACHMENT_REFUSALS],
    ids=[case[0] for case in ATTACHMENT_REFUSALS],
)
def test_attachment_page_refuses(client, people, make_community, filename, key, message):
    community = make_community("members")
    login(client, people["member"])
    before, threads = stored_files(), Thread.objects.count()
    response = post_thread(client, community, filename, content(key))
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert stored_files() == before
    assert Thread.objects.count() == threads and not Attachment.objects.exists()


@override_settings(COMMUNITIES_ATTACHMENT_MAX_SIZE=64 * 1024)
def test_attachment_page_refuses_an_oversized_file(client, people, make_community):
    community = make_community("members")
    login(client, people["member"])
    before = stored_files()
    response = post_thread(client, community, "big.pdf", PDF + b"0" * 100_000)
    assert response.status_code == 400 and "too large" in response.content.decode()
    assert stored_files() == before and not Attachment.objects.exists()


@pytest.mark.parametrize("filename", HOSTILE_NAMES)
def test_attachment_page_stores_hostile_names_safely(client, people, make_community, filename):
    community = make_community("members")
    login(client, people["member"])
    before = stored_files()
    response = post_thread(client, community, filename, PDF)
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert_clean_name(attachment.original_name, 200)
    stored = new_private_files(before)
    assert stored == {attachment.file.name}
    assert re.fullmatch(r"communities/attachments/\d{4}/\d{2}/[\w-]{22}\.pdf", attachment.file.name)
    download = client.get(attachment.get_absolute_url())
    assert_safe_download(download)
    assert b"".join(download.streaming_content) == PDF


# --- community attachments (the API) --------------------------------------------------------


@pytest.mark.parametrize("filename,key", [("../../x.pdf", "pdf"), ("report.pdf", "html")])
def test_api_posting_takes_no_files(client, people, make_community, filename, key):
    """Starting a thread posts JSON only (files go through the upload operation below): a
    multipart body is refused and nothing is kept."""
    community = make_community("members")
    client.force_login(people["member"])
    before, threads = stored_files(), Thread.objects.count()
    response = post_multipart(
        client,
        f"/api/v2/communities/{community.slug}/threads/",
        {"title": "A file", "body": "See the attachment."},
        [("attachment", filename, content(key))],
    )
    assert 400 <= response.status_code < 500 and "error" in response.json()
    assert stored_files() == before and Thread.objects.count() == threads
    assert not Attachment.objects.exists()


def api_upload(client, community, filename, data):
    return post_multipart(
        client, f"/api/v2/communities/{community.slug}/attachments/", {}, [("file", filename, data)]
    )


@pytest.mark.parametrize(
    "filename,key,message",
    [case[1:] for case in ATTACHMENT_REFUSALS],
    ids=[case[0] for case in ATTACHMENT_REFUSALS],
)
def test_api_upload_refuses(client, people, make_community, filename, key, message):
    community = make_community("members")
    login(client, people["member"])
    before = stored_files()
    response = api_upload(client, community, filename, content(key))
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_file" and message in response.json()["error"]
    assert stored_files() == before and not Attachment.objects.exists()


@override_settings(COMMUNITIES_ATTACHMENT_MAX_SIZE=64 * 1024)
def test_api_upload_refuses_an_oversized_file(client, people, make_community):
    community = make_community("members")
    login(client, people["member"])
    before = stored_files()
    response = api_upload(client, community, "big.pdf", PDF + b"0" * 100_000)
    assert response.status_code == 400 and "too large" in response.json()["error"]
    assert stored_files() == before and not Attachment.objects.exists()


@pytest.mark.parametrize("filename", HOSTILE_NAMES)
def test_api_upload_stores_hostile_names_safely(client, people, make_community, filename):
    community = make_community("members")
    login(client, people["member"])
    before = stored_files()
    response = api_upload(client, community, filename, PDF)
    assert response.status_code == 201, response.content
    attachment = Attachment.objects.get()
    assert response.json()["name"] == attachment.original_name
    assert_clean_name(attachment.original_name, 200)
    assert new_private_files(before) == {attachment.file.name}
    download = client.get(response.json()["url"])
    assert_safe_download(download)
    assert b"".join(download.streaming_content) == PDF


# --- the admin document upload --------------------------------------------------------------


def add_document(client, filename, data):
    root = Collection.get_first_root_node()
    return post_multipart(
        client,
        "/admin/documents/add/",
        {"title": "Corpus document", "collection": root.pk, "tags": ""},
        [("file", filename, data)],
    )


DOCUMENT_REFUSALS = [
    ("html-named-pdf", "report.pdf", "html", "does not match its type (.pdf)"),
    ("svg-with-script", "logo.svg", "svg", "is not allowed"),
    ("html-named-csv", "table.csv", "html", "does not match its type (.csv)"),
    ("html-named-json", "data.json", "html", "does not match its type (.json)"),
    ("pdf-named-xlsx", "sheet.xlsx", "pdf", "does not match its type (.xlsx)"),
    ("zip-bomb-docx", "bomb.docx", "bomb", "expands to more than 300 MB"),
    ("zip-bomb-zip", "bomb.zip", "bomb", "expands to more than 300 MB"),
    ("html-named-html", "page.html", "html", "is not allowed"),
]


@pytest.mark.parametrize(
    "filename,key,message",
    [case[1:] for case in DOCUMENT_REFUSALS],
    ids=[case[0] for case in DOCUMENT_REFUSALS],
)
def test_admin_document_upload_refuses(client, staff, filename, key, message):
    before, documents = stored_files(), Document.objects.count()
    response = add_document(client, filename, content(key))
    # Wagtail's admin answers a refused form as it answers every invalid form: the form again,
    # with the error on the file field.
    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert stored_files() == before and Document.objects.count() == documents


@pytest.mark.parametrize("filename,key", [("report.pdf", "html"), ("bomb.docx", "bomb")])
def test_admin_multiple_document_upload_refuses(client, staff, filename, key):
    before, documents = stored_files(), Document.objects.count()
    response = post_multipart(
        client,
        "/admin/documents/multiple/add/",
        {"collection": Collection.get_first_root_node().pk},
        [("files[]", filename, content(key))],
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    data = response.json()
    assert data["success"] is False and data["error_message"]
    assert stored_files() == before and Document.objects.count() == documents


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=64 * 1024)
def test_admin_document_upload_refuses_an_oversized_file(client, staff):
    before = stored_files()
    response = add_document(client, "big.pdf", PDF + b"0" * 100_000)
    assert "This file is too big" in response.content.decode()
    assert stored_files() == before


@pytest.mark.parametrize("filename", HOSTILE_NAMES)
def test_admin_document_upload_stores_hostile_names_safely(client, staff, filename):
    before, documents = stored_files(), Document.objects.count()
    response = add_document(client, filename, PDF)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Document.objects.count() == documents + 1
    document = Document.objects.latest("pk")
    assert_clean_name(document.filename, 100)
    assert new_private_files(before) == {document.file.name}
    assert document.file.name == f"documents/{document.filename}"
    client.logout()
    download = client.get(document.url)
    assert_safe_download(download)
    assert b"".join(download.streaming_content) == PDF


# --- the admin IMS upload -------------------------------------------------------------------

IMS_ADD = "/admin/snippets/ims_bridge/importbatch/add/"


def upload_export(client, filename, data):
    return post_multipart(client, IMS_ADD, {}, [("upload", filename, data)])


def latin1_csv():
    return star_csv([star_row(question="Q1", label="Qualité de l'air")]).encode("latin-1")


IMS_REFUSALS = [
    ("html-named-csv", "export.csv", "html", "This is a web page or XML document"),
    ("svg", "export.svg", "svg", "This is a web page or XML document"),
    ("pdf", "export.pdf", "pdf", "This is a PDF file"),
    ("pdf-named-csv", "export.csv", "pdf", "This is a PDF file"),
    ("xlsx", "export.xlsx", small_xlsx(), "This is a ZIP file"),
    ("zip-bomb", "export.csv", "bomb", "This is a ZIP file"),
    ("binary", "export.csv", bytes(range(256)) * 8, "This is a binary file"),
    ("latin-1", "export.csv", latin1_csv(), "not UTF-8"),
    ("not-star", "export.csv", b"just,some,columns\n1,2,3\n", "missing column(s)"),
    ("json-array", "export.jsonl", b'{"format": "ims-bridge", "version": 1}\n[1]\n', "Line 2"),
    ("json-header", "export.jsonl", b'{"kind": "finding"}\n', "Line 1 must be"),
    ("empty", "export.csv", b"", "empty"),
]


@pytest.mark.parametrize(
    "filename,key,message",
    [case[1:] for case in IMS_REFUSALS],
    ids=[case[0] for case in IMS_REFUSALS],
)
def test_admin_ims_upload_refuses(client, staff, filename, key, message):
    before = stored_files()
    response = upload_export(client, filename, content(key))
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert stored_files() == before and not ImportBatch.objects.exists()


def test_admin_ims_upload_refuses_an_oversized_file_before_reading_it(client, staff, settings):
    settings.REQUEST_BODY_MAX_SIZE_BY_PATH = {IMS_ADD: 64 * 1024}
    before = stored_files()
    big = star_csv([star_row(question=f"Q{n}") for n in range(1000)]).encode()
    assert len(big) > 64 * 1024
    response = upload_export(client, "big.csv", big)
    assert response.status_code == 413
    assert stored_files() == before and not ImportBatch.objects.exists()


@pytest.mark.parametrize("filename", [name.replace(".pdf", ".csv") for name in HOSTILE_NAMES])
def test_admin_ims_upload_keeps_hostile_names_out_of_storage(client, staff, filename):
    before = stored_files()
    response = upload_export(client, filename, CSV)
    assert response.status_code == 302
    batch = ImportBatch.objects.get()
    assert_clean_name(batch.source, 200)
    assert re.fullmatch(r"ims_uploads/\d{4}/\d{2}/[0-9a-f]{32}\.csv", batch.upload.name)
    assert new_private_files(before) == {batch.upload.name}
    # Never served: the file has no URL and the admin pages do not name it.
    with pytest.raises(NotImplementedError):
        batch.upload.url  # noqa: B018
    for page in ("inspect", "edit"):
        html = client.get(f"/admin/snippets/ims_bridge/importbatch/{page}/{batch.pk}/")
        assert html.status_code == 200
        assert batch.upload.name not in html.content.decode()
        assert "ims_uploads" not in html.content.decode()


def test_admin_ims_upload_accepts_json_lines(client, staff):
    header = b'{"format": "ims-bridge", "version": 1}\n'
    response = upload_export(client, "export.jsonl", header)
    assert response.status_code == 302
    batch = ImportBatch.objects.get()
    assert batch.upload.name.endswith(".jsonl") and batch.source == "export.jsonl"
