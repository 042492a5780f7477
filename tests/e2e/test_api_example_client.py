"""docs/examples/api_client.py, the example client of docs/api.md, against the production stack
(gunicorn, the seeded demo): it reads the index, the French page tree and a faceted search, and
replies with a write token; a read token and an unknown token end with the error's code."""

import subprocess
import sys

import pytest

from .browser_fixtures import ROOT, run_manage

pytestmark = pytest.mark.e2e

SCRIPT = ROOT / "docs" / "examples" / "api_client.py"
COMMUNITY = "enterprise-advisors"  # members only; the demo's trainer is a member


def run_client(base_url, *args):
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--base", base_url, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def token(env, scope):
    return run_manage(env, "community_token", "trainer", "--scope", scope).stdout.strip()


@pytest.fixture(scope="module")
def tokens(portal_server, portal_env):
    return {scope: token(portal_env, scope) for scope in ("read", "write")}


def test_reads_the_index_the_french_page_tree_and_a_faceted_search(portal_server):
    result = run_client(portal_server, "--lang", "fr", "--query", "heures supplémentaires")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("API version 2 - ")
    assert "pages" in lines[0] and "search" in lines[0]
    assert any("(/fr/resources/)" in line for line in lines), result.stdout
    assert not any("(/en/" in line for line in lines), result.stdout  # French pages only
    assert any(line.endswith("results for 'heures supplémentaires'") for line in lines)


def test_replies_with_a_write_token(portal_server, tokens):
    text = "Merci pour ce fil : nous l'utilisons dans nos formations."
    result = run_client(
        portal_server, "--token", tokens["write"], "--community", COMMUNITY, "--reply", text
    )
    assert result.returncode == 0, result.stderr
    assert "replied to" in result.stdout.splitlines()[-1]


def test_a_read_token_may_not_reply(portal_server, tokens):
    result = run_client(
        portal_server, "--token", tokens["read"], "--community", COMMUNITY, "--reply", "x"
    )
    assert result.returncode == 1
    assert "error 403 (insufficient_scope)" in result.stderr


def test_an_unknown_token_is_refused_with_its_code(portal_server):
    result = run_client(portal_server, "--token", "not-a-token")
    assert result.returncode == 1
    assert "error 401 (invalid_token)" in result.stderr
