"""A small client of the portal's API, using only Python's standard library.

    python docs/examples/api_client.py --base http://127.0.0.1:8000 --lang fr
    python docs/examples/api_client.py --base http://127.0.0.1:8000 --token KEY --reply "Merci !"

It does what a decoupled front end does first: reads the API's index, walks the page tree of
one language (Wagtail's pages API), runs a faceted search, and, given a token with write
access, replies to the newest thread of a community. Every error the API answers is a JSON
object with ``error`` (for a person) and ``code`` (for a program); the client shows both and
stops. tests/portal/test_api_example_client.py runs this script against a served portal.
"""

import argparse
import json
import sys
import urllib.error
import urllib.parse
import urllib.request


class ApiError(Exception):
    def __init__(self, status, body):
        self.status = status
        self.code = body.get("code", "?")
        self.message = body.get("error", "")
        self.retry_after = body.get("retry_after")
        super().__init__(f"{status} {self.code}: {self.message}")


class Client:
    def __init__(self, base, token=None):
        if urllib.parse.urlsplit(base).scheme not in ("http", "https"):
            raise SystemExit(f"--base must be an http(s) address, not {base!r}")
        self.base = base.rstrip("/")
        self.token = token

    def request(self, method, path, params=None, body=None):
        url = self.base + path
        if params:
            url += "?" + urllib.parse.urlencode(params, doseq=True)
        headers = {"Accept": "application/json"}
        data = None
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(url, data=data, headers=headers, method=method)  # noqa: S310 - http(s) only (__init__)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            try:
                payload = json.loads(error.read())
            except ValueError:
                payload = {}
            raise ApiError(error.code, payload) from None

    def get(self, path, **params):
        return self.request("GET", path, params)

    def post(self, path, body):
        return self.request("POST", path, body=body)


def page_tree(client, lang, depth=2):
    """The home page of ``lang`` and its children, ``depth`` levels down (title and path)."""
    home = client.get("/api/v2/pages/find/", html_path=f"/{lang}/")
    lines = [home["title"]]

    def walk(page_id, level):
        children = client.get("/api/v2/pages/", child_of=page_id, locale=lang, limit=50)
        for child in children["items"]:
            lines.append("  " * level + f"- {child['title']}  ({child['meta']['html_url']})")
            if level < depth:
                walk(child["id"], level + 1)

    walk(home["id"], 1)
    return lines


def faceted_search(client, lang, query, country=None):
    params = {"q": query, "lang": lang}
    if country:
        params["country"] = country
    found = client.get("/api/v2/search/", **params)
    lines = [f"{found['count']} results for {query!r}"]
    for result in found["results"][:5]:
        lines.append(f"  {result['title']}  ({result['url']})")
    for facet, options in found["facets"].items():
        counted = ", ".join(f"{o['label']} {o['count']}" for o in options if o["count"])
        if counted:
            lines.append(f"  {facet}: {counted}")
    return lines


def reply_to_newest_thread(client, community, text):
    threads = client.get(f"/api/v2/communities/{community}/threads/", page_size=1)
    thread = threads["results"][0]
    post = client.post(f"/api/v2/communities/threads/{thread['id']}/replies/", {"body": text})
    return [f"replied to {thread['title']!r}: post {post['id']}"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--query", default="overtime")
    parser.add_argument("--country")
    parser.add_argument("--token", help="a personal token (profile page); needed to reply")
    parser.add_argument("--community", default="trainers-network")
    parser.add_argument("--reply", help="reply with this text to the community's newest thread")
    args = parser.parse_args(argv)
    client = Client(args.base, args.token)
    try:
        index = client.get("/api/")
        print("API version", index["version"], "-", ", ".join(index["endpoints"]))
        print("\n".join(page_tree(client, args.lang)))
        print("\n".join(faceted_search(client, args.lang, args.query, args.country)))
        if args.reply:
            print("\n".join(reply_to_newest_thread(client, args.community, args.reply)))
    except ApiError as error:
        print(f"error {error.status} ({error.code}): {error.message}", file=sys.stderr)
        if error.retry_after:
            print(f"try again in {error.retry_after} s", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
