"""The body cap behind the real server (gunicorn, as deployed): a declared 40 MB body is
answered before it is sent, and a chunked body is cut off one byte past the limit."""

import json
import os
import select
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.portal.test_deploy import free_port
from tests.portal.test_settings import PRODUCTION_ENV

ROOT = Path(__file__).resolve().parents[2]
URL = "/api/v2/communities/somewhere/threads/"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("gunicorn")
    env = {
        "PATH": os.environ["PATH"],
        **PRODUCTION_ENV,
        "SECURE_SSL": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private"),
        "REQUEST_BODY_MAX_MB": "1",
    }
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _attempt in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)  # noqa: S310
            break
        except OSError:
            time.sleep(0.2)
    yield port
    process.terminate()
    process.wait(timeout=10)


def exchange(port, head, body_parts):
    """Send ``head`` and then the body until the server answers; the response. A server that
    answers early closes without reading the rest, so the connection may be reset under us:
    what it sent before is kept."""
    received = b""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        try:
            sock.sendall(head)
            for part in body_parts:
                if select.select([sock], [], [], 0)[0]:
                    break  # the answer has started: stop sending
                sock.sendall(part)
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        try:
            while chunk := sock.recv(65536):
                received += chunk
        except ConnectionResetError:
            pass
    assert received, "no response"
    status = int(received.split(b" ", 2)[1])
    return status, received.split(b"\r\n\r\n", 1)[1]


def request_head(**headers):
    lines = [f"POST {URL} HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def test_a_declared_40_mb_body_is_answered_before_it_is_sent(server):
    started = time.monotonic()
    status, body = exchange(server, request_head(Content_Length=40 * 1024 * 1024), [b'{"ti'])
    assert status == 413 and "too large" in json.loads(body)["error"]
    assert time.monotonic() - started < 5  # the server did not wait for the 40 MB


def chunked(total, size=64 * 1024):
    sent = 0
    while sent < total:
        part = b"x" * min(size, total - sent)
        sent += len(part)
        yield f"{len(part):x}\r\n".encode() + part + b"\r\n"
    yield b"0\r\n\r\n"


def test_a_chunked_body_over_the_limit_is_refused(server):
    status, body = exchange(server, request_head(Transfer_Encoding="chunked"), chunked(3 * 2**20))
    assert status == 413 and "too large" in json.loads(body)["error"]


def test_a_chunked_body_under_the_limit_goes_on_to_the_view(server):
    status, body = exchange(server, request_head(Transfer_Encoding="chunked"), chunked(1000))
    # past the cap, the API's own check answers (the in-process tests follow a chunked body
    # all the way into a view)
    assert status == 403 and json.loads(body)["code"] == "csrf_failed"
