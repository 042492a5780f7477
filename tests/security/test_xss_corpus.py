"""The XSS corpus (tests/security/xss.py) through every field a user or an import file can
write and every parameter a page reflects, rendered in Chromium against the production stack:
no payload runs, no dialog opens, nothing is injected, the CSP blocks nothing, and where the
value is shown it reads as the text that was written.

Values are written through the site's own forms (a signed-in browser context posting them) and,
for IMS data, through `manage.py ims_import` on the server's database. Short fields take the
corpus in chunks, one chunk per round; each round's pages are checked before the next writes."""

import csv
import re
from urllib.parse import quote, urlencode

import pytest
from playwright.sync_api import expect

from knowledge.pdf import make_pdf
from tests.e2e.browser_fixtures import run_manage

from .xss import PAYLOADS, TOKEN, Watch, chunks, groups

pytestmark = pytest.mark.e2e

PASSWORD = "betterwork-demo"  # the demo accounts' public password (README.md)
COMMUNITY = "trainers-network"  # public; the demo trainer is a member, the moderator moderates it
ROUNDS = chunks(PAYLOADS, 120)  # display names hold 120 characters, the shortest field here
GROUPS = groups(PAYLOADS, 120)


def test_the_corpus_is_large_and_every_chunk_fits():
    assert len(set(PAYLOADS)) == len(PAYLOADS) >= 30
    packed = " ".join(ROUNDS)
    assert all(payload in packed for payload in PAYLOADS)
    assert all(len(chunk) <= 120 for chunk in ROUNDS)


def _signed_in(browser, base_url, username):
    context = browser.new_context()
    watch = Watch(context, base_url)
    if username:
        page = watch.visit("/en/accounts/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page).not_to_have_url(re.compile(r"/accounts/login/"))
        watch.check(f"{username} logged in")
    return watch


def _post(watch, path, data, **options):
    """POST a form as the signed-in browser does (with its cookies and CSRF token)."""
    token = next(c["value"] for c in watch.context.cookies() if c["name"] == "csrftoken")
    response = watch.context.request.post(
        watch.base_url + path,
        form={"csrfmiddlewaretoken": token, **data},
        headers={"Referer": watch.base_url + path},
        **options,
    )
    assert response.status < 500, (path, response.status)
    return response


def _post_ids(html):
    return [int(pk) for pk in re.findall(r'id="post-(\d+)"', html)]


def _shown(page, selector, text):
    """The element's text is exactly what was written (whitespace aside)."""
    shown = " ".join(page.locator(selector).first.inner_text().split())
    assert shown == " ".join(text.split()), (selector, shown, text)


@pytest.fixture(scope="module")
def people(browser, portal_server):
    watches = {
        name: _signed_in(browser, portal_server, name)
        for name in ("trainer", "buyer", "moderator", "admin")
    }
    watches["anonymous"] = _signed_in(browser, portal_server, None)
    yield watches
    for watch in watches.values():
        watch.context.close()


def test_stored_community_text_never_runs(people):
    trainer, buyer, moderator, reader = (
        people[name] for name in ("trainer", "buyer", "moderator", "anonymous")
    )
    threads = []
    for chunk, group in zip(ROUNDS, GROUPS, strict=True):
        # Profile: display name, organisation and bio, shown on the person page and by posts.
        response = _post(
            trainer,
            "/en/accounts/profile/",
            {"display_name": chunk, "organisation": chunk, "bio": chunk, "email_mode": "off"},
        )
        assert response.ok, response.status
        # A thread: the chunk as its title, each payload a paragraph of its Markdown body.
        body = "\n\n".join([TOKEN, *group])
        response = _post(
            trainer, f"/en/communities/{COMMUNITY}/new/", {"title": chunk, "body": body}
        )
        assert response.ok and "/t/" in response.url, (response.status, response.url)
        path = response.url.removeprefix(trainer.base_url)
        threads.append(path)

        page = reader.visit(path)
        _shown(page, "main h1", chunk)
        assert chunk in page.title()
        post_id = _post_ids(page.content())[0]
        # A new URL each round: the reader's browser keeps an anonymous page for its max-age
        # (PAGE_CACHE_MAX_AGE), as a returning reader's would.
        page = reader.visit(f"/en/communities/people/trainer/?round={len(threads)}")
        _shown(page, "main h1", chunk)
        expect(page.locator("main")).to_contain_text(chunk)

        # A flag with the chunk as its detail, read by the moderator in the queue.
        _post(buyer, f"/en/communities/posts/{post_id}/flag/", {"reason": "other", "detail": chunk})

    # The whole corpus as a reply, a moderator's hiding reason and an edit with its history.
    first = threads[0]
    everything = "\n\n".join(PAYLOADS)
    response = _post(trainer, first + "reply/", {"body": everything})
    assert response.ok, response.status
    page = reader.visit(first + "?after-reply")  # a URL the reader's browser has not kept
    ids = _post_ids(page.content())
    opening, reply = ids[0], ids[-1]
    _post(
        trainer, f"/en/communities/posts/{opening}/edit/", {"title": ROUNDS[-1], "body": everything}
    )
    _post(moderator, f"/en/communities/posts/{reply}/hide/", {"reason": " ".join(PAYLOADS)[:300]})

    for path in threads:
        moderator.visit(path)
    moderator.visit(f"/en/communities/posts/{opening}/history/")
    page = moderator.visit(f"/en/communities/{COMMUNITY}/moderation/")
    expect(page.locator("main")).to_contain_text(ROUNDS[0])
    for path in ("/en/", "/en/communities/", f"/en/communities/{COMMUNITY}/", first):
        reader.visit(path)
    page = reader.visit(f"/en/search/?q={TOKEN}")
    expect(page.locator("#search-results")).to_contain_text(TOKEN)


def test_api_token_names_never_run(people):
    """A personal API token's name (100 characters) is shown back with its new key and in the
    profile's list of tokens, and inside each token's Revoke button."""
    trainer = people["trainer"]
    page = trainer.page
    for chunk in chunks(PAYLOADS, 100)[:8]:
        trainer.visit("/en/accounts/profile/")
        page.get_by_label("Token name").fill(chunk)
        page.get_by_role("button", name="Create the token").click()
        trainer.check("token created")
        expect(page.locator("#api-tokens .notice")).to_contain_text(" ".join(chunk.split()))
        _shown(page, "#api-tokens tbody th", chunk)  # the newest first
    revoke = page.get_by_role("button", name=re.compile(r"^Revoke"))
    while revoke.count():
        revoke.first.click()
        trainer.check("token revoked")
    assert "Active" not in page.locator("#api-tokens tbody").inner_text()


def test_attachment_file_names_never_run(people):
    """A reply's attachment keeps the uploader's file name for display: a name made of a payload
    is shown as text on the thread. (Django keeps only the last path part of an uploaded name,
    so payloads with a slash cannot be a file name at all.)"""
    trainer, reader = people["trainer"], people["anonymous"]
    names = [f"{p}.pdf" for p in PAYLOADS if "/" not in p and "\\" not in p][:10]
    assert len(names) >= 8
    token = next(c["value"] for c in trainer.context.cookies() if c["name"] == "csrftoken")
    response = _post(
        trainer, f"/en/communities/{COMMUNITY}/new/", {"title": f"{TOKEN} files", "body": TOKEN}
    )
    thread = response.url.removeprefix(trainer.base_url)
    pdf = make_pdf("Attachment")
    for name in names:
        response = trainer.context.request.post(
            trainer.base_url + thread + "reply/",
            multipart={
                "csrfmiddlewaretoken": token,
                "body": TOKEN,
                "attachment": {"name": name, "mimeType": "application/pdf", "buffer": pdf},
            },
            headers={"Referer": trainer.base_url + thread},
        )
        assert response.ok, (name, response.status)
    page = reader.visit(thread)
    shown = [" ".join(t.split()) for t in page.locator("ul.attachments a").all_inner_texts()]
    # Browsers (and Playwright) send a double quote in a multipart file name as %22.
    assert shown == [" ".join(name.replace('"', "%22").split()) for name in names]


def test_reflected_parameters_never_run(people):
    reader = people["anonymous"]
    for chunk in chunks(PAYLOADS, 200):
        page = reader.visit("/en/search/?" + urlencode({"q": chunk}))
        shown = page.get_by_label("Search for").input_value()
        assert shown == " ".join(chunk.replace('"', " ").split())
        facets = {"q": chunk, "country": chunk, "industry": chunk, "topic": chunk}
        reader.visit("/en/search/?" + urlencode({**facets, "type": chunk, "language": chunk}))
        reader.visit("/en/resources/?" + urlencode({**facets, "type": chunk, "page": chunk}))
        reader.visit("/en/communities/?" + urlencode({"q": chunk, "page": chunk}))
        reader.visit("/en/" + quote(chunk) + "/", expect_status=404)


def test_forms_that_show_input_again_never_run_it(people, browser, portal_server):
    watch = _signed_in(browser, portal_server, None)
    try:
        page = watch.page
        for chunk in chunks(PAYLOADS, 150)[:4]:  # a few: failed logins count towards a lockout
            watch.visit("/en/accounts/login/")
            page.get_by_label("Username").fill(chunk)
            page.get_by_label("Password").fill("wrong")
            page.get_by_role("button", name="Log in").click()
            watch.check("login error")
            assert page.get_by_label("Username").input_value() == chunk.strip()
        for chunk in chunks(PAYLOADS, 120)[:2]:  # sign-ups per address are limited too
            watch.visit("/en/accounts/signup/")
            page.get_by_label("Username").fill(chunk[:150])
            page.get_by_label("E-mail address").fill(chunk)
            page.get_by_label("Display name").fill(chunk)
            page.locator("input[type=password]").first.fill("a-long-pass-phrase-1")
            page.locator("input[type=password]").nth(1).fill("a-different-one-2")
            page.locator("main form button[type=submit]").click()
            watch.check("sign-up error", expect_status=None)
            assert page.get_by_label("Display name").input_value() == chunk
        # The moderator's join-request queue shows a request's message.
        response = _post(
            people["buyer"], "/en/communities/enterprise-advisors/join/", {"message": ROUNDS[1]}
        )
        assert response.status < 500
        people["moderator"].visit("/en/communities/enterprise-advisors/moderation/")
    finally:
        watch.context.close()


def _rewrite(path, columns, values):
    """Give every distinct value of each column a payload chunk, consistently across rows."""
    with open(path, newline="", encoding="utf-8") as source:
        rows = list(csv.DictReader(source))
    fieldnames = list(rows[0])
    for column, key in columns.items():
        chosen = {}
        for row in rows:
            chosen.setdefault(row[key], values[len(chosen) % len(values)])
            row[column] = chosen[row[key]]
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=fieldnames)
        writer.writeheader()
        writer.writerows(rows)
    return rows


def test_imported_ims_labels_never_run(people, portal_env, tmp_path):
    findings, plans = tmp_path / "star.csv", tmp_path / "plans.csv"
    run_manage(
        portal_env,
        "ims_generate",
        str(findings),
        "--factories=6",
        "--cycles=1",
        "--questions=20",
        "--countries=cambodia",
        "--seed=31",
        f"--plans={plans}",
    )
    names = chunks(PAYLOADS, 250)
    rows = _rewrite(
        findings,
        {"Factory.Assessed.Name": "Factory.Assessed.ID", "Q.Label": "Question.ID"},
        ROUNDS,
    )
    _rewrite(findings, {"Factory.Assessed.Name": "Factory.Assessed.ID"}, names)
    _rewrite(plans, {"Action": "CP"}, ROUNDS)
    run_manage(portal_env, "ims_import", str(findings), "--force", "-v0")
    run_manage(portal_env, "ims_import", str(plans), "--force", "-v0")

    admin, reader = people["admin"], people["anonymous"]
    page = admin.visit("/en/compliance/dashboard/")
    expect(page.locator("main")).to_contain_text(names[0])
    for star_id in sorted({row["Factory.Assessed.ID"] for row in rows}):
        page = admin.visit(f"/en/compliance/factories/{star_id}/")
        assert page.locator("main h1").inner_text().startswith(TOKEN)
    for path in ("/en/compliance/", "/en/compliance/transparency/"):
        reader.visit(path)
    reader.visit("/en/compliance/countries/cambodia/")


# The enterprise tools (ims_bridge/enterprise): the demo factory's user writes, the buyer
# (granted by that factory) and the country's programme staff read.
SHORT = chunks(PAYLOADS, 200)  # owner, participant name and position, programme: 200 characters
SHORT_GROUPS = groups(PAYLOADS, 200)


@pytest.fixture(scope="module")
def factory_side(browser, portal_server):
    watches = {
        name: _signed_in(browser, portal_server, name) for name in ("factory", "buyer", "staff")
    }
    yield watches
    for watch in watches.values():
        watch.context.close()


def _json(watch, path):
    response = watch.context.request.get(watch.base_url + path)
    assert response.ok, (path, response.status)
    return response.json()


def _demo_factory(watch):
    """The STAR id of the factory the demo factory user works on."""
    mine = [
        f
        for f in _json(watch, "/api/v2/enterprise/factories?page_size=100")["results"]
        if f["role"] == "member"
    ]
    assert mine, "the demo factory user has no factory"
    return mine[0]["star_id"]


def _pk(url, pattern):
    return int(re.search(pattern, url).group(1))


def _text(page, selector):
    return [" ".join(t.split()) for t in page.locator(selector).all_inner_texts()]


def _flat(text):
    return " ".join(text.split())


def test_enterprise_plan_and_trainings_never_run(factory_side):
    factory, buyer, staff = (factory_side[name] for name in ("factory", "buyer", "staff"))
    star_id = _demo_factory(factory)
    base = f"/en/factory/{star_id}"
    progress = _json(factory, f"/api/v2/enterprise/factories/{star_id}/progress")
    # Started between the last two STAR assessments, so the progress report lists them.
    started = progress["previous_assessment"] or "2024-01-15"

    # Trainings: the programme's name and the notes.
    for chunk, group in zip(SHORT, SHORT_GROUPS, strict=True):
        training = {"programme": chunk, "start_date": started, "end_date": started}
        counts = {"managers": 1, "supervisors": 0, "workers": 1, "women": 1, "men": 1}
        notes = "\n\n".join(group)
        response = _post(factory, base + "/trainings/", {**training, **counts, "notes": notes})
        assert response.ok and response.url.endswith("/trainings/"), response.status
    page = factory.visit(base + "/trainings/")
    shown = _text(page, "main table th[scope=row]")
    for chunk, group in zip(SHORT, SHORT_GROUPS, strict=True):
        assert _flat(f"{chunk} {' '.join(group)}") in shown
    links = page.locator("main a[href$='/edit/']").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    # The newest ids are ours, in the order they were written (the demo's come first).
    trainings = sorted(_pk(href, r"/trainings/(\d+)/edit/") for href in links)[-len(SHORT) :]
    page = factory.visit(f"{base}/trainings/{trainings[0]}/edit/")
    assert page.locator("input[name=programme]").input_value() == SHORT[0]
    assert page.locator("textarea[name=notes]").input_value() == "\n\n".join(SHORT_GROUPS[0])

    # Plan actions: the action's text, its owner and notes, then an edit of each (history).
    page = factory.visit(base + "/plan/actions/add/")
    point = page.locator("select[name=compliance_point] option:not([value=''])").first
    point = point.get_attribute("value")
    actions = []
    for index, (chunk, group) in enumerate(zip(SHORT, SHORT_GROUPS, strict=True)):
        fields = {"compliance_point": point, "action": chunk, "owner": chunk, "status": "pending"}
        fields |= {"due_date": "2031-06-30", "notes": "\n\n".join(group)}
        fields["trainings"] = str(trainings[index])
        response = _post(factory, base + "/plan/actions/add/", fields)
        assert response.ok and "/plan/actions/" in response.url, response.status
        actions.append(_pk(response.url, r"/plan/actions/(\d+)/"))
    edits = {}
    for index, pk in enumerate(actions):
        owner = SHORT[-1 - index]
        status = "completed" if index % 2 else "in_progress"  # completed: the charts' markers
        edits[pk] = {"owner": owner, "status": status, "due_date": "2030-01-31"}
        edits[pk] |= {"notes": " ".join(PAYLOADS), "trainings": str(trainings[index])}
        response = _post(factory, f"{base}/plan/actions/{pk}/edit/", edits[pk])
        assert response.ok and response.url.endswith(f"/plan/actions/{pk}/"), response.status

    # Evidence files named by payloads (not a slash: Django keeps only a name's last part).
    names = [f"{p}.pdf" for p in PAYLOADS if "/" not in p and "\\" not in p][:8]
    token = next(c["value"] for c in factory.context.cookies() if c["name"] == "csrftoken")
    pdf = make_pdf("Evidence")
    for name in names:
        response = factory.context.request.post(
            f"{factory.base_url}{base}/plan/actions/{actions[0]}/evidence/",
            multipart={
                "csrfmiddlewaretoken": token,
                "file": {"name": name, "mimeType": "application/pdf", "buffer": pdf},
            },
            headers={"Referer": f"{factory.base_url}{base}/plan/actions/{actions[0]}/"},
        )
        assert response.ok and response.url.endswith(f"/plan/actions/{actions[0]}/"), name

    # PICC participants: the browser shows the "… was added." message after each.
    for chunk in SHORT:
        fields = {"name": chunk, "position": chunk, "side": "workers", "picc_member": "on"}
        response = _post(
            factory,
            base + "/plan/participants/",
            {**fields, "since": "2024-01-01"},
            max_redirects=0,
        )
        assert response.status == 302, response.status
        page = factory.visit(base + "/plan/participants/")
        expect(page.locator("main")).to_contain_text(chunk)
    row = page.locator("table.plan-participants tbody tr").filter(has_text=SHORT[-1])
    removed = row.locator("input[name=remove]").get_attribute("value")
    response = _post(factory, base + "/plan/participants/", {"remove": removed}, max_redirects=0)
    assert response.status == 302, response.status
    page = factory.visit(base + "/plan/participants/")
    expect(page.locator("main")).to_contain_text(f"{SHORT[-1]} was removed.")
    shown = _text(page, "table.plan-participants tbody td:first-child")
    ours = [name for name in shown if name.startswith(TOKEN)]  # the demo has some too
    assert sorted(ours) == sorted(_flat(chunk) for chunk in SHORT[:-1])

    # Every page that shows them, for the factory, its buyer and the programme staff.
    for watch in (factory, buyer, staff):
        page = watch.visit(base + "/")
        page = watch.visit(base + "/plan/")
        expect(page.locator("main")).to_contain_text(SHORT[0])
        watch.visit(base + "/plan/?group=point")
        watch.visit(base + "/plan/?" + urlencode({"owner": SHORT[-1], "status": SHORT[0]}))
        page = watch.visit(base + "/plan/timeline/")
        expect(page.locator("main table")).to_contain_text(SHORT[0][:90])
        page = watch.visit(base + "/trainings/")
        expect(page.locator("main table")).to_contain_text(SHORT[0])
        page = watch.visit(base + "/progress/")
        if progress["ready"]:
            expect(page.locator("main")).to_contain_text(SHORT[0])
        for index, pk in enumerate(actions):
            page = watch.visit(f"{base}/plan/actions/{pk}/")
            values = _text(page, "dl.plan-action-fields dd")
            assert values[0] == _flat(SHORT[index]), values[0]
            assert values[3] == _flat(edits[pk]["owner"]), values[3]
            assert values[6] == _flat(edits[pk]["notes"]), values[6]
            assert values[7] == _flat(SHORT[index]), values[7]  # the training it addresses
            history = page.locator("ol.plan-history").inner_text()
            assert _flat(SHORT[index]) in _flat(history)  # the owner before the edit
        if watch is not buyer:  # buyers read neither participants nor (unshared) indicators
            watch.visit(base + "/plan/participants/")
            watch.visit(base + "/indicators/")
    page = factory.visit(f"{base}/plan/actions/{actions[0]}/")
    assert _text(page, "ul.plan-evidence a") == [_flat(n.replace('"', "%22")) for n in names]
    page = factory.visit(f"{base}/plan/actions/{actions[0]}/edit/")
    assert page.locator("textarea[name=notes]").input_value() == edits[actions[0]]["notes"]
    assert page.locator("input[name=owner]").input_value() == edits[actions[0]]["owner"]
    staff.visit("/en/factory/programme/")
    staff.visit("/en/factory/")


def test_enterprise_uploads_and_answers_never_run(factory_side):
    factory = factory_side["factory"]
    star_id = _demo_factory(factory)
    base = f"/en/factory/{star_id}"
    page = factory.visit(base + "/indicators/upload/")

    # An indicators CSV whose cells are payloads: the error list echoes codes and values.
    rows = [["month", "indicator", "value"]]
    rows += [[p, p, PAYLOADS[-1 - i]] for i, p in enumerate(PAYLOADS)]
    header = [PAYLOADS[:20]]  # no month/indicator/value column: the header is echoed
    for table in (rows, header):
        with_payloads = "\r\n".join(
            ",".join('"' + cell.replace('"', '""') + '"' for cell in row) for row in table
        )
        page = factory.visit(base + "/indicators/upload/")
        page.locator("input[type=file]").set_input_files(
            {"name": "values.csv", "mimeType": "text/csv", "buffer": with_payloads.encode()}
        )
        page.locator("main form button[type=submit]").click()
        factory.check("indicators upload errors")
        errors = _flat(page.locator("main .errors").inner_text())
        if table is rows:
            for payload in PAYLOADS:
                assert f"“{payload.strip()[:40]}”" in errors, payload
        else:
            assert all(_flat(p.strip()[:30]) in errors for p in PAYLOADS[:20]), errors

    # Self-assessment: the text answers (FGW questions) of the one in progress.
    items = _json(factory, f"/api/v2/enterprise/factories/{star_id}/self-assessments")["results"]
    current = next(item["id"] for item in items if item["status"] == "in_progress")
    path = f"{base}/self-assessments/{current}/"
    page = factory.visit(path + "?step=1")
    steps = page.locator("nav.step-nav li").count()
    written = {}
    for step in range(1, steps + 1):
        page = factory.visit(f"{path}?step={step}")
        boxes = page.locator("main form textarea")
        for index in range(boxes.count()):
            text = "\n".join(SHORT_GROUPS[len(written) % len(SHORT_GROUPS)])
            written[(step, index)] = text
            boxes.nth(index).fill(text)
        if boxes.count():
            page.locator("button[name=action]:is([value=stay], [value=next])").click()
            factory.check(f"self-assessment step {step} saved")
    assert written, "the demo self-assessment has no text questions"
    for step in sorted({step for step, _index in written}):
        page = factory.visit(f"{path}?step={step}")
        boxes = page.locator("main form textarea")
        for index in range(boxes.count()):
            assert boxes.nth(index).input_value() == written[(step, index)]
    factory.visit(base + "/self-assessments/")
    factory.visit(base + "/")
