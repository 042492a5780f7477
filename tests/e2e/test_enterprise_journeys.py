"""The enterprise side in a browser (ims_bridge/enterprise/README.md): a factory user working
through a self-assessment and the improvement plan, a buyer reading what the factory shares, a
programme officer finding the factory, and the pages at a phone's width.

The demo (`seed_demo --demo-accounts`) gives the factory user "factory" the factory KH-00001
(Star Footwear KH1, Cambodia) with one submitted and one in-progress self-assessment and a plan
with actions in every state; "buyer" is granted by it, "staff" runs the Cambodian programme.
Each journey signs in in its own browser context, kept for the module. The buyer's journey reads
any completed action, so the journeys pass in any order."""

import re

import pytest
from playwright.sync_api import expect

from .audit import DESKTOP, PHONE, Auditor, new_context
from .i18n import tr, tr_pattern

pytestmark = pytest.mark.e2e

PASSWORD = "betterwork-demo"  # the public password of every demo account (README.md)
FACTORY = "Star Footwear KH1"
STAR_ID = "KH-00001"
PHONE_WIDTH = 390


def _log_in(page, base_url, username):
    page.goto(f"{base_url}/en/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def _signed_in_page(browser, base_url, username, **context_options):
    context = browser.new_context(**context_options)
    page = context.new_page()
    _log_in(page, base_url, username)
    return context, page


@pytest.fixture(scope="module")
def buyer(browser, portal_server):
    context, page = _signed_in_page(browser, portal_server, "buyer")
    yield page
    context.close()


@pytest.fixture(scope="module")
def staff(browser, portal_server):
    context, page = _signed_in_page(browser, portal_server, "staff")
    yield page
    context.close()


def _answered(text):
    """(answered, total) from "12 of 40" or "12 of 40 questions answered"."""
    match = re.search(r"(\d+) of (\d+)", text)
    assert match, f"no count in {text!r}"
    return int(match.group(1)), int(match.group(2))


def _open_factory(page, base_url):
    page.goto(f"{base_url}/en/factory/")
    expect(page.get_by_role("heading", name="My factories", level=1)).to_be_visible()
    page.locator("main").get_by_role("link", name=FACTORY).click()
    expect(page.get_by_role("heading", name=FACTORY, level=1)).to_be_visible()
    expect(page.locator("main p.meta").first).to_contain_text(f"STAR id {STAR_ID}")


def _tools(page):
    return page.get_by_role("navigation", name="Factory tools")


def _breadcrumb(page, name):
    return page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name=name)


def _plan_nav(page):
    return page.get_by_role("navigation", name="Improvement plan")


def _action_links(page):
    return set(
        page.locator("table.plan-actions tbody td:first-child a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
    )


def _in_progress_row(page):
    return page.locator("table.data-table tbody tr").filter(
        has=page.get_by_role("link", name="Continue", exact=True)
    )


def _answer_one_question_by_value(page):
    """Answer the first unanswered question of the step shown (radio value "" is "not
    answered", "0" is "yes, compliant"); returns the question's input name."""
    questions = page.locator("fieldset.question")
    expect(questions.first).to_be_visible()
    for question in questions.all():
        not_answered = question.locator("input[type=radio][value='']")
        if not_answered.count():
            if not_answered.is_checked():
                radio = question.locator("input[type=radio][value='0']")
                radio.check()
                return radio.get_attribute("name")
        else:
            box = question.locator("input:not([type=hidden]), textarea").first
            if not box.input_value().strip():
                box.fill("42")
                return box.get_attribute("name")
    pytest.fail("the step the self-assessment resumes at has no unanswered question")


@pytest.mark.parametrize("width", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", ["en", "km"])
def test_factory_user_answers_plans_and_completes_an_action(
    browser, portal_server, lang, width, patient_expect
):
    """Sign in, continue the self-assessment, leave it and resume it, read the result, turn a
    non-compliance into a plan action and complete it; in English and Khmer (the factory is
    Cambodian), on a phone and a desktop, every page audited."""
    context = new_context(browser, width)
    auditor = Auditor(context, portal_server)
    page = context.new_page()
    base = f"{portal_server}/{lang}/factory/{STAR_ID}/"
    try:
        page.goto(f"{portal_server}/{lang}/accounts/login/")
        auditor.check(page, "login")
        page.locator("input[name=username]").fill("factory")
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator("main form button[type=submit]").click()
        expect(page).not_to_have_url(re.compile(r"/accounts/login/"))

        page.goto(f"{portal_server}/{lang}/factory/")
        expect(page.get_by_role("heading", name=tr(lang, "My factories"), level=1)).to_be_visible()
        auditor.check(page, "factory list")
        page.locator(f"main a[href='/{lang}/factory/{STAR_ID}/']").first.click()
        expect(page.get_by_role("heading", name=FACTORY, level=1)).to_be_visible()
        auditor.check(page, "factory dashboard")

        # The self-assessment in progress: answer one more question and leave.
        tools = page.get_by_role("navigation", name=tr(lang, "Factory tools"))
        tools.locator(f"a[href='/{lang}/factory/{STAR_ID}/self-assessments/']").click()
        list_heading = page.get_by_role("heading", name=tr(lang, "Self-assessments"), level=1)
        expect(list_heading).to_be_visible()
        in_progress = page.locator("table.data-table tbody tr").filter(
            has_not=page.locator("a[href$='/result/']")
        )
        expect(in_progress).to_have_count(1)
        of = tr_pattern(lang, "%(answered)s of %(total)s", answered=r"(\d+)", total=r"(\d+)")
        before, total = _numbers(of, in_progress.locator("td").nth(3).inner_text())
        assert 0 < before < total
        auditor.check(page, "self-assessment list")
        continue_link = in_progress.locator("td").last.get_by_role("link")
        resume_href = continue_link.get_attribute("href")
        continue_link.click()
        expect(
            page.get_by_role("heading", name=tr(lang, "Self-assessment"), level=1)
        ).to_be_visible()
        answered = tr_pattern(
            lang, "%(answered)s of %(total)s questions answered", answered=r"(\d+)", total=r"(\d+)"
        )
        meta = page.locator("main p.meta").first
        assert _numbers(answered, meta.inner_text()) == (before, total)
        expect(page.locator(".step-nav [aria-current='step']")).to_have_count(1)
        auditor.check(page, "self-assessment step")
        question = _answer_one_question_by_value(page)
        step = page.locator("main form input[name=step]").input_value()
        page.locator("button[name=action][value=later]").click()
        expect(list_heading).to_be_visible()
        expect(page.locator("main .messages")).to_contain_text(
            tr(lang, "Your answers are saved. Continue whenever you like.")
        )
        assert _numbers(of, in_progress.locator("td").nth(3).inner_text()) == (before + 1, total)
        auditor.check(page, "self-assessment list, after saving")

        # Resume: the answer given is still there.
        page.locator(f"main a[href='{resume_href}']").click()
        assert _numbers(answered, meta.inner_text()) == (before + 1, total)
        if page.locator("main form input[name=step]").input_value() != step:
            # That answer completed its cluster: the form resumes at the next one.
            page.locator(f".step-nav a[href='?step={step}']").click()
            expect(page.locator("main form input[name=step]")).to_have_value(step)
        saved = page.locator(f"[name='{question}']")
        if saved.first.get_attribute("type") == "radio":
            expect(page.locator(f"input[name='{question}'][value='0']")).to_be_checked()
        else:
            expect(saved.first).to_have_value("42")
        auditor.check(page, "self-assessment resumed")

        # The submitted one's result.
        page.goto(base + "self-assessments/")
        page.locator("table.data-table a[href$='/result/']").first.click()
        expect(
            page.get_by_role("heading", name=tr(lang, "Self-assessment result"), level=1)
        ).to_be_visible()
        expect(page.locator("article.result-point").first).to_be_visible()
        auditor.check(page, "self-assessment result")

        # An action from the results: a non-compliant point not yet in the plan, else a new
        # action written by hand.
        tools.locator(f"a[href='/{lang}/factory/{STAR_ID}/plan/']").click()
        plan_heading = page.get_by_role("heading", name=tr(lang, "Improvement plan"), level=1)
        expect(plan_heading).to_be_visible()
        progress = page.locator("p.plan-progress")
        completed = tr_pattern(
            lang, "%(done)s of %(total)s actions completed", done=r"(\d+)", total=r"(\d+)"
        )
        done_before, total_before = _numbers(completed, progress.inner_text())
        known = _action_links(page)
        auditor.check(page, "improvement plan")
        page.locator(f"nav.plan-nav a[href='/{lang}/factory/{STAR_ID}/plan/from-results/']").click()
        expect(
            page.get_by_role("heading", name=tr(lang, "Actions from results"), level=1)
        ).to_be_visible()
        page.locator("ul.plan-sources a[href*='kind=self_assessment']").first.click()
        points = page.locator("main form fieldset")
        expect(points.locator("input[type=checkbox]").first).to_be_visible()
        auditor.check(page, "actions from results")
        free = points.locator("input[type=checkbox]:not([disabled])")
        if free.count():
            free.first.check()
            page.locator("main form button[type=submit]").click()
            expect(page.locator("main")).to_contain_text(
                tr(
                    lang,
                    "Actions added: %(created)s; already in the plan: %(skipped)s.",
                    created=1,
                    skipped=0,
                )
            )
        else:
            page.goto(base + "plan/actions/add/")
            form = page.locator("main form")
            form.locator("select[name=compliance_point]").select_option(index=1)
            form.locator("[name=action]").fill("Display the overtime rules in every line")
            auditor.check(page, "add a plan action")
            form.locator("button[type=submit]").click()
            expect(page.locator("main")).to_contain_text(
                tr(lang, "The action was added to the plan.")
            )
            page.goto(base + "plan/")
        expect(plan_heading).to_be_visible()
        assert _numbers(completed, progress.inner_text()) == (done_before, total_before + 1)
        added = _action_links(page) - known
        assert len(added) == 1, added
        (added_href,) = added

        # Open it, mark it completed, see the change in its history and on the plan.
        page.locator(f"table.plan-actions a[href='{added_href}']").click()
        title = page.get_by_role("heading", level=1).inner_text()
        auditor.check(page, "plan action")
        page.locator(f"main a.button[href='{added_href}edit/']").click()
        expect(page.get_by_role("heading", name=tr(lang, "Edit action"), level=1)).to_be_visible()
        status = page.locator("select[name=status]")
        pending_label = status.locator("option:checked").inner_text().strip()
        completed_label = status.locator("option[value=completed]").inner_text().strip()
        status.select_option("completed")
        page.locator("input[name=owner]").fill("Lim Vanna")
        auditor.check(page, "edit a plan action")
        page.locator("main form button[type=submit]").click()
        expect(page.locator("main")).to_contain_text(tr(lang, "The action was saved."))
        expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
        expect(page.locator("dl.plan-action-fields")).to_contain_text(completed_label)
        history = page.locator("ol.plan-history li")
        status_change = history.filter(has=page.locator("ins", has_text=completed_label))
        expect(status_change.first.locator("del")).to_have_text(pending_label)
        expect(history.filter(has_text="Lim Vanna").first).to_be_visible()
        auditor.check(page, "plan action, completed")
        page.goto(base + "plan/")
        assert _numbers(completed, progress.inner_text()) == (done_before + 1, total_before + 1)
        completed_group = page.locator("section.plan-group").filter(
            has=page.get_by_role("heading", name=re.compile("^" + re.escape(completed_label)))
        )
        expect(completed_group.locator(f"a[href='{added_href}']")).to_be_visible()

        # The timeline: the same action, completed, in the table beside the drawing.
        page.locator(f"nav.plan-nav a[href='/{lang}/factory/{STAR_ID}/plan/timeline/']").click()
        expect(page.get_by_role("heading", name=tr(lang, "Plan timeline"), level=1)).to_be_visible()
        timeline_row = page.locator("table.plan-actions tbody tr").filter(
            has=page.locator(f"a[href='{added_href}']")
        )
        expect(timeline_row).to_have_count(1)
        expect(timeline_row.locator("td").nth(2)).to_have_text(completed_label)
        expect(page.locator("figure.plan-timeline svg")).to_be_visible()
        auditor.check(page, "plan timeline")
        auditor.assert_clean()
    finally:
        context.close()


def _numbers(pattern, text):
    match = pattern.search(text)
    assert match, f"{pattern.pattern!r} not in {text!r}"
    return tuple(int(group) for group in match.groups())


def test_buyer_reads_the_plan_but_cannot_change_it(buyer, portal_server):
    page = buyer
    page.goto(f"{portal_server}/en/compliance/dashboard/")
    expect(page.get_by_role("heading", name="Factory reports", level=1)).to_be_visible()
    row = page.get_by_role("table", name="Factories").locator("tbody tr").filter(has_text=FACTORY)
    row.get_by_role("link", name="Plan, self-assessments and indicators").click()
    expect(page.get_by_role("heading", name=FACTORY, level=1)).to_be_visible()
    expect(page.locator("main .notice")).to_have_text(
        "You see what this factory shares with the buyers it has granted access."
    )

    _tools(page).get_by_role("link", name="Improvement plan").click()
    expect(page.get_by_role("heading", name="Improvement plan", level=1)).to_be_visible()
    plan_nav = _plan_nav(page)
    expect(plan_nav.get_by_role("link", name="Timeline")).to_be_visible()
    for refused in ("Add an action", "Actions from results", "Participants (PICC)"):
        expect(plan_nav.get_by_role("link", name=refused)).to_have_count(0)
    expect(page.locator("main").get_by_role("link", name="Edit", exact=True)).to_have_count(0)
    completed_group = page.locator("section.plan-group").filter(
        has=page.get_by_role("heading", name=re.compile(r"^Completed"))
    )
    completed = completed_group.locator("table.plan-actions tbody tr")
    expect(completed.first).to_be_visible()
    expect(completed.first.locator("td").nth(4)).to_contain_text("Completed")
    completed.first.locator("td").first.get_by_role("link").click()

    expect(page.locator("dl.plan-action-fields")).to_contain_text("Completed (completed ")
    history = page.locator("ol.plan-history li")
    expect(
        history.filter(has_text="Pending → Completed")
        .or_(history.filter(has_text="In progress → Completed"))
        .first
    ).to_be_visible()
    main = page.locator("main")
    expect(main.get_by_role("link", name="Edit", exact=True)).to_have_count(0)
    expect(main.get_by_role("heading", name="Evidence")).to_have_count(0)

    # Indicators are shared with buyers only when the factory chooses to (off in the demo).
    response = None
    with page.expect_response(re.compile(r"/indicators/$")) as response_info:
        _tools(page).get_by_role("link", name="Indicators").click()
    response = response_info.value
    if response.status == 403:
        expect(page.get_by_role("heading", name="Access denied", level=1)).to_be_visible()
        expect(
            page.get_by_role("heading", name="Productivity and quality indicators")
        ).to_have_count(0)
    else:
        assert response.status == 200, response.status
        expect(
            page.get_by_role("heading", name="Productivity and quality indicators", level=1)
        ).to_be_visible()


def test_staff_finds_the_factory_in_the_programme_overview(staff, portal_server):
    page = staff
    page.goto(f"{portal_server}/en/factory/")
    expect(page.get_by_role("heading", name="My factories", level=1)).to_be_visible()
    page.get_by_role("link", name=re.compile(r"^Programme overview")).click()
    expect(page.get_by_role("heading", name="Programme factories", level=1)).to_be_visible()
    table = page.get_by_role("table", name="Factories of the programme")
    row = table.locator("tbody tr").filter(has=page.get_by_role("link", name=FACTORY))
    expect(row).to_have_count(1)
    expect(row.locator("td").first).to_have_text("Cambodia")
    expect(row).to_contain_text("in progress")
    expect(row).to_contain_text(re.compile(r"\d+ of \d+ completed"))
    row.get_by_role("link", name=FACTORY).click()
    expect(page.get_by_role("heading", name=FACTORY, level=1)).to_be_visible()
    expect(page.get_by_role("region", name="Advisory")).to_contain_text(
        "Back to the programme's factories"
    )


PUBLIC_PAGES = ("/", "/resources/", "/compliance/", "/compliance/countries/cambodia/")
FACTORY_PAGES = (
    "",
    "plan/",
    "plan/timeline/",
    "self-assessments/{current}/",
    "indicators/",
    "trainings/",
    "progress/",
)


def _sideways_overflow(page):
    """How far the page is wider than the viewport, and the widest elements that cause it."""
    return page.evaluate(
        """(width) => {
            const over = document.documentElement.scrollWidth - width;
            if (over <= 0) return {over, culprits: []};
            const culprits = [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > width + 1
                              || el.getBoundingClientRect().left < -1)
                .slice(0, 5)
                .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
                           + ' ' + Math.round(el.getBoundingClientRect().width) + 'px');
            return {over, culprits};
        }""",
        PHONE_WIDTH,
    )


@pytest.fixture(scope="module")
def phone(browser, portal_server):
    context, page = _signed_in_page(
        browser, portal_server, "factory", viewport={"width": PHONE_WIDTH, "height": 844}
    )
    page.goto(f"{portal_server}/en/factory/{STAR_ID}/self-assessments/")
    href = _in_progress_row(page).get_by_role("link", name="Continue").get_attribute("href")
    current = re.search(r"/self-assessments/(\d+)/", href).group(1)
    yield page, current
    context.close()


@pytest.mark.parametrize("lang", ["en", "ar", "km"])
def test_pages_do_not_scroll_sideways_on_a_phone(phone, portal_server, lang):
    page, current = phone
    paths = [f"/{lang}{path}" for path in PUBLIC_PAGES]
    paths += [f"/{lang}/factory/{STAR_ID}/{path.format(current=current)}" for path in FACTORY_PAGES]
    failures = {}
    for path in paths:
        response = page.goto(portal_server + path)
        assert response.status == 200, (path, response.status)
        assert page.locator("html").get_attribute("lang") == lang
        overflow = _sideways_overflow(page)
        if overflow["over"] > 0:
            failures[path] = overflow
    assert not failures, failures
