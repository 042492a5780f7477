"""The compliance index and a country report on phones (320 and 390 px) in English and Arabic:
every chart label fits its axis (nothing is cut at the canvas edge), no category tick is
skipped, bars have room for their wrapped labels, tables scroll inside themselves (a focusable
region), and the page passes the shared audit (axe, no sideways scrolling)."""

import re

import pytest
from playwright.sync_api import expect

from .audit import PHONE, Auditor, new_context

pytestmark = pytest.mark.e2e

# For each chart: what is wrong with its layout (an empty list when nothing is).
CHART_PROBLEMS = """() => Array.from(document.querySelectorAll('.ims-chart canvas')).map((c) => {
    const canvas = c;
    const chart = Chart.getChart(canvas);
    const problems = [];
    const ctx = chart.ctx;
    for (const [id, scale] of Object.entries(chart.scales)) {
        if (scale.left < -0.5 || scale.right > chart.width + 0.5) {
            problems.push(`scale ${id} spans ${scale.left}..${scale.right} of ${chart.width}px`);
        }
    }
    const area = chart.chartArea;
    if (area.left < 0 || area.right > chart.width || area.right - area.left < 80) {
        problems.push(`drawing area ${area.left}..${area.right} of ${chart.width}px`);
    }
    const category = chart.config.type === 'bar' ? chart.scales.y : chart.scales.x;
    const labels = chart.data.labels;
    if (category.ticks.length !== labels.length) {
        problems.push(`${category.ticks.length} of ${labels.length} category ticks drawn`);
    }
    if (chart.config.type === 'bar') {
        const font = Chart.helpers.toFont(category.options.ticks.font);
        const padding = category.options.ticks.padding;
        ctx.save();
        ctx.font = font.string;
        const band = category.height / labels.length;
        for (const label of labels) {
            const lines = [].concat(label);
            for (const line of lines) {
                const width = ctx.measureText(line).width;
                if (width + padding > category.width + 0.5) {
                    problems.push(`"${line}" is ${width}px wide, its axis ${category.width}px`);
                }
            }
            if (lines.length * font.lineHeight > band + 0.5) {
                problems.push(`"${lines.join(' ')}": ${lines.length} lines, band ${band}px`);
            }
        }
        ctx.restore();
    }
    return {label: canvas.getAttribute('aria-label'), problems};
})"""


# Elements of the page's content that stick out of the viewport (a table's cells may, inside
# the .table-scroll region that scrolls them).
MAIN_OVERFLOW = """() => Array.from(document.querySelectorAll('main *')).filter((e) => {
    const scroller = e.closest('.table-scroll');
    if (scroller && scroller !== e) return false;
    const r = e.getBoundingClientRect();
    return r.width > 0 && (r.right > innerWidth + 0.5 || r.left < -0.5);
}).map((e) => `${e.tagName}.${e.className}`)"""


def _country_report_path(browser, portal_server, lang):
    context = new_context(browser, 1280)
    page = context.new_page()
    page.goto(f"{portal_server}/{lang}/compliance/")
    href = page.locator("#country-reports + ul a").first.get_attribute("href")
    context.close()
    return href


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("width", [320, 390])
def test_compliance_charts_and_tables_fit_a_phone(browser, portal_server, lang, width):
    context = new_context(browser, width)
    auditor = Auditor(context, portal_server)
    page = context.new_page()
    report = _country_report_path(browser, portal_server, lang)
    assert re.match(rf"^/{lang}/compliance/", report), report
    for name, path in [("compliance index", f"/{lang}/compliance/"), ("country report", report)]:
        page.goto(portal_server + path)
        expect(page.locator(".ims-chart canvas").first).to_be_visible()
        charts = page.evaluate(CHART_PROBLEMS)
        assert charts, path
        for chart in charts:
            assert not chart["problems"], (path, width, chart)
        # Tables scroll inside a focusable region, never the page.
        for region in page.locator(".table-scroll").all():
            assert region.get_attribute("tabindex") == "0"
            assert region.get_attribute("role") == "region"
            assert region.get_attribute("aria-label")
            box = region.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, (path, box)
        # The legend is below the chart, inside the page.
        for legend in page.locator(".ims-chart-legend").all():
            box = legend.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5
        assert page.evaluate(MAIN_OVERFLOW) == [], (path, width)
        if width == PHONE:
            # The shared audit measures the whole page; at 320 px the site header (not these
            # pages' own) does not fit yet, so only the content is measured there.
            auditor.check(page, name)
    if width == PHONE:
        auditor.assert_clean()
    context.close()


def test_long_labels_wrap_instead_of_being_cut(browser, portal_server):
    """Compliance points (long names) on the index's indicator choice at 320 px in Khmer too."""
    context = new_context(browser, 320)
    page = context.new_page()
    for lang in ["km", "ar", "en"]:
        page.goto(f"{portal_server}/{lang}/compliance/")
        report = page.locator("#country-reports + ul a").first.get_attribute("href")
        page.goto(portal_server + report)
        expect(page.locator(".ims-chart canvas").first).to_be_visible()
        charts = page.evaluate(CHART_PROBLEMS)
        assert all(not chart["problems"] for chart in charts), (lang, charts)
        wrapped = page.evaluate(
            "() => Array.from(document.querySelectorAll('.ims-chart canvas')).some((c) =>"
            " Chart.getChart(c).data.labels.some((label) => Array.isArray(label)))"
        )
        assert wrapped, f"no label was long enough to wrap at 320px in {lang}"
    context.close()


def test_chart_axis_percentages_follow_the_page(browser, portal_server):
    """The value axis reads like the table beside it (portal/formatting.py): Khmer and Bengali
    digits, French "50 %", Latin digits in Arabic."""
    expected = {"km": "៥០%", "bn": "৫০%", "fr": "50 %", "ar": "50%"}
    context = new_context(browser, 1280)
    page = context.new_page()
    for lang, fifty in expected.items():
        page.goto(f"{portal_server}/{lang}/compliance/")
        expect(page.locator(".ims-chart canvas").first).to_be_visible()
        ticks = page.evaluate(
            "() => { const chart = Chart.getChart(document.querySelector('.ims-chart canvas'));"
            " return chart.scales.x.ticks.map((t) => t.label); }"
        )
        # Arabic's percent sign comes with direction marks; browsers differ on the French space.
        ticks = [re.sub("[\u200e\u200f]", "", re.sub("[\u00a0\u202f]", " ", t)) for t in ticks]
        assert fifty in ticks, (lang, ticks)
        tooltip = page.evaluate(
            "() => Chart.getChart(document.querySelector('.ims-chart canvas')).options.plugins"
            ".tooltip.callbacks.label({parsed: {x: 50, y: 50}, dataset: {label: 'rate'}})"
        )
        assert re.sub("[\u200e\u200f]", "", re.sub("[\u00a0\u202f]", " ", tooltip)) == (
            f"rate: {fifty}"
        )
    context.close()
