"""Browser fixtures (a pytest plugin, registered in tests/conftest.py so the security suite can
use them too): Debian's chromium driven by Playwright against the production stack (gunicorn +
whitenoise) serving a freshly migrated and seeded SQLite database.

Playwright never downloads a browser here: it is pointed at /usr/bin/chromium. Without chromium
the tests skip on a laptop and fail under CI=true."""

import contextlib
import email
import email.policy
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def chromium_path():
    if not Path(CHROMIUM).exists():
        message = (
            "chromium not found: install Debian's browser with `sudo apt-get install chromium` "
            "(or set CHROMIUM_PATH) to run the browser tests"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="session")
def portal_env(tmp_path_factory):
    """The server's environment: `manage.py` run with it works on the server's database."""
    workdir = tmp_path_factory.mktemp("e2e")
    return {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", str(workdir)),
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DEBUG": "0",
        "SECURE_SSL": "0",
        "SECRET_KEY": "e2e-only-key-4f9c2a7b1d6e8f3a5c0b9d2e7f1a4c6b8d0e3f5a",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{workdir / 'e2e.sqlite3'}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private_media"),
        # The test outbox: Django's file backend writes each message the server sends to a file
        # in this folder (`outbox_messages`). django-environ drops the first slash of the path
        # after "filemail://", hence four slashes for an absolute path.
        "EMAIL_URL": f"filemail:///{workdir / 'outbox'}",
    }


def outbox_messages(env, recipient):
    """The e-mails the server sent to `recipient` (email.message.Message, oldest first)."""
    folder = Path(env["EMAIL_URL"].removeprefix("filemail:///"))
    found = []
    for path in sorted(folder.glob("*.log"), key=lambda p: p.stat().st_mtime):
        for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if raw.strip():
                message = email.message_from_bytes(raw.strip(), policy=email.policy.default)
                if recipient in str(message.get("To", "")):
                    found.append(message)
    return found


def run_manage(env, *args, timeout=900):
    """Run a management command against the server's database."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=timeout,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def portal_server(portal_env, chromium_path):
    env = portal_env
    workdir = Path(env["MEDIA_ROOT"]).parent
    run_manage(env, "migrate", "--noinput", "-v0")
    run_manage(env, "collectstatic", "--noinput", "-v0")
    run_manage(env, "seed_demo", "--demo-accounts")
    port = _free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [str(gunicorn), "portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    for _attempt in range(150):
        try:
            urllib.request.urlopen(base_url + "/healthz", timeout=1)  # noqa: S310
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.terminate()
        pytest.fail("gunicorn did not start: " + (workdir / "gunicorn.log").read_text())
    yield base_url
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:  # a worker stuck on a busy machine
        process.kill()
        process.wait(timeout=10)
    log.close()
    # Kept beside the screenshots, for reading after a failed run.
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    shutil.copyfile(workdir / "gunicorn.log", artifacts / "gunicorn.log")


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        yield browser
        browser.close()


@contextlib.contextmanager
def patience(seconds=20):
    """Journeys post forms that send e-mail and update search indexes, on a test machine that
    may be busy: `expect` waits `seconds` instead of 5 before it fails (then 5 again)."""
    from playwright.sync_api import expect

    expect.set_options(timeout=seconds * 1000)
    try:
        yield
    finally:
        expect.set_options(timeout=5_000)


@pytest.fixture
def patient_expect():
    with patience():
        yield


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
