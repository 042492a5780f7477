"""The XSS corpus and what a browser page must not show after rendering it.

Every payload, if it ran, would call ``__xss(<id>)`` (or open a dialog with its id): the page's
init script records the calls. A payload that did not run may still have been injected as
markup that the Content-Security-Policy stopped, so the page is also checked for what only
injected markup makes: event-handler attributes, script URLs in links, an injected ``<base>``
or refresh, and any CSP violation (the portal's own pages cause none, tests/e2e shows that)."""

TOKEN = "xsscorpus"  # a word in every stored value, so a search finds them

PAYLOADS = [
    "<script>__xss(1)</script>",
    "<img src=x onerror=__xss(2)>",
    "<svg onload=__xss(3)>",
    "<body onload=__xss(4)>",
    "<details open ontoggle=__xss(5)>",
    '"><svg onload=__xss(6)>',
    "'><img src=x onerror=__xss(7)>",
    "</textarea><script>__xss(8)</script>",
    "</title><script>__xss(9)</script>",
    "</script><script>__xss(10)</script>",
    "<a href=javascript:__xss(11)>l11</a>",
    "<a href='data:text/html,<script>__xss(12)</script>'>l12</a>",
    "[l13](javascript:__xss(13))",
    "![i14](javascript:__xss(14))",
    "[l15](data:text/html;base64,PHNjcmlwdD5fX3hzcygxNSk8L3NjcmlwdD4=)",
    "<iframe srcdoc='<script>parent.__xss(16)</script>'></iframe>",
    "<math><mtext><table><mglyph><style><img src=x onerror=__xss(17)>",
    "<svg><a xlink:href=javascript:__xss(18)><text y=9>l18</text></a></svg>",
    "<base href=//xss.invalid/>",
    "<meta http-equiv=refresh content='0;url=javascript:__xss(20)'>",
    "<div style=width:expression(__xss(21))>s21</div>",
    "{{ 7*7 }}{% debug %}xss22",
    "${__xss(23)}",
    "<ScRiPt>__xss(24)</sCrIpT>",
    "&lt;script&gt;__xss(25)&lt;/script&gt;",
    "%3Cscript%3E__xss(26)%3C/script%3E",
    "\uff1cscript\uff1e__xss(27)\uff1c/script\uff1e",
    "<img src=x onerror=&#95;&#95;xss&#40;28&#41;>",
    "javascript:__xss(29)",
    "<input autofocus onfocus=__xss(30)>",
    "<object data=javascript:__xss(31)></object>",
    "<form><button formaction=javascript:__xss(32)>b32</button></form>",
    "<marquee onstart=__xss(33)>m33</marquee>",
    "<style>@import'//xss.invalid/34.css';</style>",
    "<a href=' javas&#9;cript:__xss(35)'>l35</a>",
    "<img src=x onerror=alert(36)>",
    "<svg><script>confirm(37)</script></svg>",
    "<noscript><p title='</noscript><img src=x onerror=prompt(38)>'>",
    '"onmouseover="__xss(39)" x="',
    "'-__xss(40)-'",
    "<link rel=stylesheet href=//xss.invalid/41.css>",
    "<video><source onerror=__xss(42)></video>",
]


def groups(payloads, limit, token=TOKEN):
    """The payloads in groups whose text (the token, then the payloads, space-separated) fits
    in ``limit`` characters: one group per short field, every payload in one of them."""
    packed, current, length = [], [], len(token)
    for payload in payloads:
        if current and length + 1 + len(payload) > limit:
            packed.append(current)
            current, length = [], len(token)
        current.append(payload)
        length += 1 + len(payload)
    packed.append(current)
    return packed


def chunks(payloads, limit, token=TOKEN):
    return [" ".join([token, *group]) for group in groups(payloads, limit, token)]


RECORD = """
window.__xssHits = [];
window.__xss = (id) => window.__xssHits.push(id);
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        [event.violatedDirective, event.blockedURI, event.sample].join(" ")
    );
});
"""

# Markup only an injection makes. Attributes that hold user text by design (a form value, a
# title, a data-label) may contain a payload as text; event handlers, script URLs and injected
# <base>/<meta refresh> may not exist at all.
INJECTED = """
() => {
    const found = [];
    const urlAttributes = ["href", "src", "action", "formaction", "data", "xlink:href", "srcdoc"];
    const scriptUrl = /^(javascript|vbscript|data):/;
    for (const element of document.querySelectorAll("*")) {
        for (const attribute of element.attributes) {
            const name = attribute.name.toLowerCase();
            const value = attribute.value.replace(/[\\s\\u0000-\\u001f]/g, "").toLowerCase();
            if (name.startsWith("on")) {
                found.push(`${element.tagName} ${name}=${attribute.value}`);
            } else if (urlAttributes.includes(name) && scriptUrl.test(value)) {
                found.push(`${element.tagName} ${name}=${attribute.value}`);
            } else if (["style", "srcdoc"].includes(name) && value.includes("xss")) {
                found.push(`${element.tagName} ${name}=${attribute.value}`);
            }
        }
    }
    for (const element of document.querySelectorAll("base, meta[http-equiv], iframe, object")) {
        found.push(`injected <${element.tagName.toLowerCase()}>`);
    }
    for (const script of document.querySelectorAll("script")) {
        const type = (script.type || "").toLowerCase();
        if (type !== "application/json" && script.textContent.includes("xss")) {
            found.push(`injected script: ${script.textContent.slice(0, 80)}`);
        }
    }
    return found;
}
"""


class Watch:
    """One browser context: records dialogs, console errors, script errors, failed loads of the
    portal's own files, CSP violations, executed payloads and injected markup, page by page."""

    def __init__(self, context, base_url):
        self.base_url = base_url
        self.context = context
        self.problems = []
        self.pages = 0
        context.add_init_script(RECORD)
        self.page = context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        self.page.on("response", self._response)

    def _dialog(self, dialog):
        self.problems.append(f"dialog {dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _console(self, message):
        if message.type != "error" or message.location.get("url", "").endswith("/favicon.ico"):
            return
        url = message.location.get("url", "")
        if message.text.startswith("Failed to load resource") and "/static/" not in url:
            return  # the document's own status is checked; the portal's files in _response
        self.problems.append(f"console: {message.text}")

    def _response(self, response):
        if response.url.startswith(self.base_url + "/static/") and response.status >= 400:
            self.problems.append(f"the page's own file failed: {response.status} {response.url}")

    def visit(self, path, expect_status=200):
        response = self.page.goto(self.base_url + path)
        self.check(path, response, expect_status)
        return self.page

    def check(self, where, response=None, expect_status=200):
        """Everything wrong on the page now; the page's state is read, then forgotten."""
        self.pages += 1
        page = self.page
        page.wait_for_load_state("load")
        found = list(self.problems)
        self.problems = []
        if response is not None and response.status != expect_status:
            found.append(f"status {response.status}")
        found += [f"payload ran: __xss({hit})" for hit in page.evaluate("window.__xssHits")]
        found += [f"CSP: {v}" for v in page.evaluate("window.__cspViolations")]
        found += page.evaluate(INJECTED)
        assert not found, f"{where}: {found}"
