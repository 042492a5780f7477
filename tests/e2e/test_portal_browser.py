import re

import pytest

pytestmark = pytest.mark.e2e


def test_language_switcher_keeps_the_page(page, portal_server):
    page.goto(f"{portal_server}/en/countries/cambodia/")
    page.get_by_role("navigation", name="Languages").get_by_role("link", name="Français").click()
    page.wait_for_url(re.compile(r"/fr/countries/cambodia/$"))
    assert page.locator("html").get_attribute("lang") == "fr"
    page.locator("nav.language-switcher").get_by_role("link", name="ភាសាខ្មែរ").click()
    page.wait_for_url(re.compile(r"/km/countries/cambodia/$"))
    assert page.locator("html").get_attribute("lang") == "km"


def test_arabic_is_laid_out_right_to_left(page, portal_server):
    page.goto(f"{portal_server}/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"


def test_skip_link_is_first_and_moves_focus_to_main(page, portal_server):
    page.goto(f"{portal_server}/en/about/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_no_horizontal_scroll_on_a_phone(browser, portal_server):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    phone = context.new_page()
    for path in ("/en/", "/vi/countries/", "/ar/countries/jordan/"):
        phone.goto(portal_server + path)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
    context.close()


def test_works_without_javascript(browser, portal_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{portal_server}/es/")
    page.locator("nav.language-switcher").get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_url(re.compile(r"/vi/$"))
    assert page.locator("h1").count() == 1
    context.close()


def test_header_search_form_works_without_javascript(browser, portal_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{portal_server}/vi/")
    page.locator("#site-search").fill("Campuchia")
    page.locator("#site-search").press("Enter")
    page.wait_for_url(re.compile(r"/vi/search/\?q=Campuchia"))
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("#search-page-q").input_value() == "Campuchia"
    context.close()
