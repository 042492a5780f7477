"""The production stack as deployed: gunicorn serving portal.wsgi, static files by whitenoise."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .test_settings import PRODUCTION_ENV

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gunicorn(tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        **PRODUCTION_ENV,
        "SECURE_SSL": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(tmp_path / "static"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    port = free_port()
    gunicorn_bin = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn_bin), "portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _attempt in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)  # noqa: S310
            break
        except OSError:
            time.sleep(0.2)
    yield base, tmp_path / "static"
    process.terminate()
    process.wait(timeout=10)


def test_gunicorn_serves_health_and_hashed_static_files(gunicorn):
    base, static_root = gunicorn
    with urllib.request.urlopen(base + "/healthz", timeout=5) as response:  # noqa: S310
        assert response.status == 200
        assert b'"ok"' in response.read()
    hashed_css = next(static_root.glob("portal/site.*.css"))
    url = f"{base}/static/portal/{hashed_css.name}"
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
        assert response.status == 200
        assert "max-age" in response.headers["Cache-Control"]
