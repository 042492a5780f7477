"""ims_sync against a real HTTP server on 127.0.0.1 (slow, failing, malformed pages)."""

import contextlib
import io
import json
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from ims_bridge.models import AggregateCell, BatchStatus, Finding, ImportBatch, SyncState

pytestmark = pytest.mark.django_db


def record(factory, quest, question, finding="0"):
    return {
        "kind": "finding",
        "country": "Cambodia",
        "factory_id": factory,
        "factory_name": f"Factory {factory}",
        "assessment_id": quest,
        "start_date": "2024-02-01",
        "cycle": 1,
        "question_id": question,
        "label": question,
        "type": "NCQ",
        "finding": finding,
        "cp": "Overtime",
        "cluster": "Working Time",
        "tags": "",
        "cat_version": "KH CAT",
    }


PAGES = {
    "": {"records": [record(f"S{i}", f"SA{i}", "Q1", "1") for i in range(3)], "next_cursor": "p2"},
    "p2": {"records": [record(f"S{i}", f"SA{i}", "Q2") for i in range(3, 6)], "next_cursor": None},
}


class IMSServer:
    def __init__(self):
        self.requests = []
        self.behaviour = {}  # cursor -> list of actions consumed one per request
        self.pages = json.loads(json.dumps(PAGES))
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                cursor = parse_qs(urlsplit(self.path).query).get("cursor", [""])[0]
                server.requests.append((cursor, self.headers.get("Authorization")))
                actions = server.behaviour.get(cursor) or []
                action = actions.pop(0) if actions else "ok"
                if action == "slow":
                    time.sleep(0.6)
                if action == "fail":
                    self.send_response(503)
                    self.end_headers()
                    return
                if action == "deny":
                    self.send_response(401)
                    self.end_headers()
                    return
                body = (
                    b"{not json"
                    if action == "malformed"
                    else json.dumps(server.pages[cursor]).encode()
                )
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/export"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def ims(settings):
    server = IMSServer()
    settings.IMS_API_URL = server.url
    settings.IMS_API_TOKEN = "secret-token"
    yield server
    server.close()


def sync(*args):
    out = io.StringIO()
    call_command("ims_sync", "--timeout", "0.3", "--backoff", "0.01", *args, stdout=out)
    return out.getvalue()


def test_pulls_every_page_with_the_token_and_saves_the_cursor(ims):
    output = sync()
    assert "2 page(s)" in output
    assert Finding.objects.count() == 6
    assert [cursor for cursor, _auth in ims.requests] == ["", "p2"]
    assert {auth for _cursor, auth in ims.requests} == {"Bearer secret-token"}
    assert SyncState.objects.get().cursor == "p2"
    assert ImportBatch.objects.filter(kind="api").count() == 2
    assert AggregateCell.objects.exists()
    # Incremental: the next run starts from the saved cursor and changes nothing.
    ims.requests.clear()
    sync()
    assert [cursor for cursor, _auth in ims.requests] == ["p2"]
    assert Finding.objects.count() == 6 and ImportBatch.objects.count() == 2


def test_failures_and_slow_answers_are_retried(ims):
    ims.behaviour = {"": ["fail", "slow"], "p2": ["fail"]}
    sync()
    assert [cursor for cursor, _auth in ims.requests] == ["", "", "", "p2", "p2"]
    assert Finding.objects.count() == 6


def test_gives_up_after_retries_and_resumes_later(ims):
    ims.behaviour = {"p2": ["fail"] * 4}
    with pytest.raises(CommandError, match="unavailable after 4 attempts: HTTP 503"):
        sync()
    # Page 1 was committed and its cursor saved; page 2 never arrived.
    assert Finding.objects.count() == 3
    assert SyncState.objects.get().cursor == "p2"
    ims.requests.clear()
    sync()
    assert [cursor for cursor, _auth in ims.requests] == ["p2"]
    assert Finding.objects.count() == 6


def test_timeouts_are_reported(ims):
    ims.behaviour = {"": ["slow"] * 4}
    with pytest.raises(CommandError, match="no answer within 0.3 s"):
        sync()
    assert Finding.objects.count() == 0


def test_malformed_page_stops_without_moving_the_cursor(ims):
    ims.behaviour = {"p2": ["malformed"]}
    with pytest.raises(CommandError, match="malformed page"):
        sync()
    assert SyncState.objects.get().cursor == "p2"
    assert Finding.objects.count() == 3


def test_bad_records_in_a_page_are_reported_not_fatal(ims):
    ims.pages["p2"]["records"].append({"kind": "finding", "country": "Cambodia"})
    sync()
    batch = ImportBatch.objects.order_by("pk").last()
    assert batch.rows_rejected == 1 and batch.errors[0]["line"] == 5


def test_sync_stores_a_batch_whose_process_stopped_as_failed(ims):
    stopped = ImportBatch.objects.create(source="page", kind="api", status=BatchStatus.RUNNING)
    ImportBatch.objects.filter(pk=stopped.pk).update(created_at=timezone.now() - timedelta(days=1))
    sync()
    stopped.refresh_from_db()
    assert stopped.status == BatchStatus.FAILED
    assert stopped.message.startswith("The import process stopped (no progress since")
    assert Finding.objects.count() == 6


def test_refused_token_is_not_retried(ims):
    ims.behaviour = {"": ["deny"]}
    with pytest.raises(CommandError, match="HTTP 401"):
        sync()
    assert len(ims.requests) == 1


def test_missing_configuration(settings):
    settings.IMS_API_URL = ""
    with pytest.raises(CommandError, match="IMS_API_URL is not set"):
        sync()
    settings.IMS_API_URL = "file:///etc/passwd"
    with pytest.raises(CommandError, match="http"):
        sync()
