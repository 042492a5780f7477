"""The one place that talks to the IMS HTTP API: timeouts, retries with back-off, and a
domain exception (IMSClientError) instead of transport errors."""

import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_PAGE_BYTES = 50 * 1024 * 1024


class IMSClientError(Exception):
    """The IMS API could not give us a usable page."""


class IMSClient:
    def __init__(self, base_url, token, *, timeout=30.0, retries=3, backoff=1.0, sleep=None):
        if not base_url:
            raise IMSClientError("IMS_API_URL is not set.")
        if urllib.parse.urlsplit(base_url).scheme not in ("http", "https"):
            raise IMSClientError(f"IMS_API_URL must be an http(s) URL, not {base_url!r}.")
        self.base_url = base_url
        self.token = token
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep or time.sleep

    def page_url(self, cursor):
        if not cursor:
            return self.base_url
        separator = "&" if "?" in self.base_url else "?"
        return f"{self.base_url}{separator}{urllib.parse.urlencode({'cursor': cursor})}"

    def fetch_page(self, cursor=""):
        """{"records": [...], "next_cursor": str | None} for the page after `cursor`."""
        url = self.page_url(cursor)
        last_error = None
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                body = self._get(url)
            except _Retryable as exc:
                last_error = str(exc)
                continue
            return self._parse(body)
        raise IMSClientError(f"IMS API unavailable after {self.retries + 1} attempts: {last_error}")

    def _get(self, url):
        request = urllib.request.Request(  # noqa: S310 - scheme checked in __init__
            url,
            headers={
                "Authorization": f"Bearer {self.token}",
                "Accept": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                body = response.read(MAX_PAGE_BYTES + 1)
        except urllib.error.HTTPError as exc:
            if exc.code in RETRY_STATUSES:
                raise _Retryable(f"HTTP {exc.code}") from None
            raise IMSClientError(f"IMS API refused the request: HTTP {exc.code}.") from None
        except TimeoutError:
            raise _Retryable(f"no answer within {self.timeout:g} s") from None
        except (urllib.error.URLError, ConnectionError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError | socket.timeout):
                raise _Retryable(f"no answer within {self.timeout:g} s") from None
            raise _Retryable(f"connection failed: {reason}") from None
        if len(body) > MAX_PAGE_BYTES:
            raise IMSClientError("IMS API page is larger than 50 MB.")
        return body

    @staticmethod
    def _parse(body):
        try:
            data = json.loads(body)
        except ValueError:
            raise IMSClientError("IMS API sent a malformed page (not JSON).") from None
        if not isinstance(data, dict) or not isinstance(data.get("records"), list):
            raise IMSClientError("IMS API sent a malformed page (no 'records' list).")
        cursor = data.get("next_cursor")
        if cursor is not None and not isinstance(cursor, str | int):
            raise IMSClientError("IMS API sent a malformed page (bad 'next_cursor').")
        return {"records": data["records"], "next_cursor": None if cursor is None else str(cursor)}


class _Retryable(Exception):
    pass
