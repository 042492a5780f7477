"""The interface speaks the reader's language: no English left in the navigation, footer,
search form, skip link or error pages of the required languages (fr, es, ar, vi); Arabic reads
right to left; the language switcher keeps the page; the catalogues compile without GNU gettext
and a broken catalogue stops the build with the file and line.

The HTTP tests read the compiled catalogues in locale/ (`make test` runs
`manage.py compile_translations` first); `test_compiled_catalogues_are_current` says so if not.
"""

import gettext
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.utils import translation

from portal.views import bad_request, permission_denied, server_error

REQUIRED = ["fr", "es", "ar", "vi"]
ALL_LANGUAGES = [code for code, _name in settings.LANGUAGES]
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"

# English interface strings of the page chrome (base.html and its includes), the country page
# facts and the error pages. "Better Work" is a proper name and may stay.
CHROME_ENGLISH = [
    "Skip to main content",
    "Better Work knowledge portal",
    "Knowledge portal",
    "Search the portal",
    "Search resources, countries, discussions",
    "Search",
    "Better Work is a partnership between the International Labour Organization",
    "International Labour Organization",
    "Languages",
    "Main",
    "Footer",
    "Breadcrumb",
]
COUNTRY_ENGLISH = [
    "Programme facts",
    "Country",
    "Programme status",
    "Programme started",
    "Workers reached",
    "Factories reached",
    "Active programme",
    "No resources for this country yet.",
    "No communities for this country yet.",
    "Compliance data will appear here once it is imported.",
    "Nothing to show yet.",
]
# Baseline content that the navigation and the pages show (translated through wagtail-localize;
# tests/baseline_data.py).
CONTENT_ENGLISH = [
    "Countries",
    "About",
    "Cambodia",
    "Work better",
    "Featured",
    "Discussions",
    "Compliance rates",
    "Join a community",
    "Read more",
    "Resources",
    "Communities",
    "Compliance summary",
    "Contents",
    "Guides and tools.",
]
ERROR_ENGLISH = {
    400: ["Bad request", "The address or the form you sent could not be understood"],
    403: ["Access denied", "You do not have permission to see this page"],
    404: ["Page not found", "We could not find this page"],
    500: ["Something went wrong", "An error occurred on our side"],
}
ERROR_ENGLISH_COMMON = ["Go to the home page"]

# What must be there instead (a few anchors per language, written out so that the test does
# not depend on the catalogues it checks).
EXPECTED = {
    "fr": {
        "skip": "Aller au contenu principal",
        "search_button": "Rechercher",
        "search_label": "Rechercher dans le portail",
        "nav": ["Pays", "À propos"],
        "facts": "Le programme en bref",
        "404": "Page introuvable",
        "500": "Une erreur s’est produite",
        "403": "Accès refusé",
        "400": "Requête incorrecte",
        "home": "Aller à la page d’accueil",
        "hero": "Mieux travailler",
        "country": "Cambodge",
    },
    "es": {
        "skip": "Ir al contenido principal",
        "search_button": "Buscar",
        "search_label": "Buscar en el portal",
        "nav": ["Países", "Acerca de"],
        "facts": "Datos del programa",
        "404": "Página no encontrada",
        "500": "Algo ha salido mal",
        "403": "Acceso denegado",
        "400": "Solicitud incorrecta",
        "home": "Ir a la página de inicio",
        "hero": "Trabajar mejor",
        "country": "Camboya",
    },
    "ar": {
        "skip": "الانتقال إلى المحتوى الرئيسي",
        "search_button": "بحث",
        "search_label": "البحث في البوابة",
        "nav": ["البلدان", "حول"],
        "facts": "معلومات عن البرنامج",
        "404": "الصفحة غير موجودة",
        "500": "حدث خطأ ما",
        "403": "تم رفض الوصول",
        "400": "طلب غير صالح",
        "home": "الانتقال إلى الصفحة الرئيسية",
        "hero": "عمل أفضل",
        "country": "كمبوديا",
    },
    "vi": {
        "skip": "Chuyển đến nội dung chính",
        "search_button": "Tìm kiếm",
        "search_label": "Tìm kiếm trên cổng thông tin",
        "nav": ["Các quốc gia", "Giới thiệu"],
        "facts": "Thông tin chương trình",
        "404": "Không tìm thấy trang",
        "500": "Đã xảy ra lỗi",
        "403": "Truy cập bị từ chối",
        "400": "Yêu cầu không hợp lệ",
        "home": "Về trang chủ",
        "hero": "Làm việc tốt hơn",
        "country": "Campuchia",
    },
}

pytestmark = pytest.mark.django_db


class _VisibleText(HTMLParser):
    """Text a reader sees or hears: text nodes plus labelling attributes."""

    LABEL_ATTRIBUTES = {"aria-label", "placeholder", "title", "alt"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if value and (
                name in self.LABEL_ATTRIBUTES or (name == "value" and tag in ("button", "input"))
            ):
                self.pieces.append(" ".join(value.split()))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self._skip:
            self.pieces.append(text)


def visible_pieces(html):
    parser = _VisibleText()
    parser.feed(html)
    return parser.pieces


def english_left(html, english_strings):
    """English strings still shown: a whole text piece for one word, anywhere for longer ones."""
    pieces = visible_pieces(html)
    found = []
    for english in english_strings:
        if " " in english:
            if any(english in piece for piece in pieces):
                found.append(english)
        elif english in pieces or any(
            piece.startswith(f"{english} ") or piece.endswith(f" {english}") for piece in pieces
        ):
            found.append(english)
    return found


def _get(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


# --- catalogues ------------------------------------------------------------------------------


def test_compiled_catalogues_are_current():
    """Every .po has a .mo with the same translations (run `manage.py compile_translations`)."""
    for lang in ALL_LANGUAGES[1:]:
        po_path = LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"
        mo_path = po_path.with_suffix(".mo")
        assert mo_path.exists(), f"{mo_path} missing: run manage.py compile_translations"
        po = polib.pofile(str(po_path)).translated_entries()
        po_strings = {(e.msgctxt, e.msgid): e.msgstr for e in po}
        mo_strings = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(mo_path)) if e.msgid}
        assert po_strings == mo_strings, f"{mo_path} is stale: run manage.py compile_translations"


@pytest.mark.parametrize("lang", REQUIRED)
def test_required_catalogues_are_complete(lang):
    po = polib.pofile(str(LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"{lang}: untranslated {untranslated[:10]}"
    assert not fuzzy, f"{lang}: fuzzy {fuzzy[:10]}"


@pytest.mark.parametrize(
    ("lang", "nplurals"),
    [("fr", 2), ("es", 2), ("ar", 6), ("vi", 1), ("km", 1), ("id", 1), ("bn", 2)],
)
def test_plural_forms_headers(lang, nplurals):
    po = polib.pofile(str(LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"))
    assert po.metadata["Language"] == lang
    assert re.match(rf"nplurals={nplurals}; plural=", po.metadata["Plural-Forms"])
    assert not po.metadata_is_fuzzy


@pytest.fixture
def locale_copy(tmp_path, settings):
    """A private copy of locale/ (without .mo files) that LOCALE_PATHS points at."""
    target = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, target, ignore=shutil.ignore_patterns("*.mo"))
    settings.LOCALE_PATHS = [target]
    return target


def test_compile_translations_writes_mo_files_without_gnu_gettext(locale_copy, monkeypatch):
    monkeypatch.setenv("PATH", str(locale_copy))  # no msgfmt reachable
    call_command("compile_translations", verbosity=0)
    for lang in ALL_LANGUAGES[1:]:
        mo_path = locale_copy / lang / "LC_MESSAGES" / "django.mo"
        assert mo_path.exists(), lang
    with (locale_copy / "fr" / "LC_MESSAGES" / "django.mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    assert catalogue.gettext("Skip to main content") == "Aller au contenu principal"
    with (locale_copy / "ar" / "LC_MESSAGES" / "django.mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    assert catalogue.plural(11) == 4  # the six-form Arabic rule survived compilation
    assert not list(locale_copy.rglob("*.tmp"))


def test_compile_translations_check_mode_writes_nothing(locale_copy):
    call_command("compile_translations", "--check", verbosity=0)
    assert not list(locale_copy.rglob("*.mo"))


def test_compile_translations_leaves_unchanged_files_alone(locale_copy):
    call_command("compile_translations", verbosity=0)
    mo_path = locale_copy / "vi" / "LC_MESSAGES" / "django.mo"
    before = mo_path.stat().st_mtime_ns
    call_command("compile_translations", verbosity=0)
    assert mo_path.stat().st_mtime_ns == before


def _break(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    "broken",
    [
        'msgid "Skip to main content',  # unterminated string (polib alone would accept it)
        'msgid "Skip to "main" content"',  # unescaped quote
        "msgid Skip to main content",  # not quoted
    ],
)
def test_compile_translations_fails_clearly_on_a_syntax_error(locale_copy, broken):
    po_path = locale_copy / "es" / "LC_MESSAGES" / "django.po"
    lines = po_path.read_text(encoding="utf-8").splitlines()
    broken_line = lines.index('msgid "Skip to main content"') + 1
    _break(po_path, 'msgid "Skip to main content"', broken)
    with pytest.raises(CommandError) as excinfo:
        call_command("compile_translations", verbosity=0)
    assert str(excinfo.value).startswith(f"{po_path}:{broken_line}: syntax error")
    assert not (po_path.with_suffix(".mo")).exists()
    # The real catalogue is untouched.
    real = polib.pofile(str(LOCALE_DIR / "es" / "LC_MESSAGES" / "django.po"))
    assert real.find("Skip to main content").msgstr == "Ir al contenido principal"


def test_compile_translations_rejects_unknown_placeholders(locale_copy):
    po_path = locale_copy / "fr" / "LC_MESSAGES" / "django.po"
    with po_path.open("a", encoding="utf-8") as handle:
        handle.write(
            '\n#, python-format\nmsgid "%(count)s resources"\nmsgstr "%(nombre)s ressources"\n'
        )
    line = len(po_path.read_text(encoding="utf-8").splitlines()) - 2  # the entry's first line
    with pytest.raises(CommandError, match=rf"{re.escape(str(po_path))}:{line}: .*%\(nombre\)s"):
        call_command("compile_translations", verbosity=0)


def test_compile_translations_rejects_a_missing_plural_header(locale_copy):
    po_path = locale_copy / "km" / "LC_MESSAGES" / "django.po"
    _break(po_path, '"Plural-Forms: nplurals=1; plural=0;\\n"\n', "")
    with pytest.raises(CommandError, match=rf"{re.escape(str(po_path))}:1: .*Plural-Forms"):
        call_command("compile_translations", verbosity=0)


def test_compile_translations_rejects_wrong_number_of_plural_forms(locale_copy):
    po_path = locale_copy / "ar" / "LC_MESSAGES" / "django.po"
    with po_path.open("a", encoding="utf-8") as handle:
        handle.write(
            '\nmsgid "one file"\nmsgid_plural "many files"\nmsgstr[0] "ملف"\nmsgstr[1] "ملفات"\n'
        )
    with pytest.raises(CommandError, match="nplurals=6"):
        call_command("compile_translations", verbosity=0)


# --- rendered pages --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", REQUIRED)
def test_home_page_has_no_english_interface(client, lang):
    html = _get(client, f"/{lang}/")
    assert english_left(html, CHROME_ENGLISH + CONTENT_ENGLISH) == []
    expected = EXPECTED[lang]
    pieces = visible_pieces(html)
    for text in [expected["skip"], expected["search_button"], expected["search_label"]]:
        assert text in pieces, text
    for title in expected["nav"]:
        assert title in pieces, title
    assert expected["hero"] in pieces


@pytest.mark.parametrize("lang", REQUIRED)
def test_country_page_has_no_english_interface(client, lang):
    html = _get(client, f"/{lang}/countries/cambodia/")
    assert english_left(html, CHROME_ENGLISH + COUNTRY_ENGLISH + CONTENT_ENGLISH) == []
    pieces = visible_pieces(html)
    assert EXPECTED[lang]["facts"] in pieces
    assert EXPECTED[lang]["country"] in pieces


@pytest.mark.parametrize("lang", REQUIRED)
def test_about_page_has_no_english_interface(client, lang):
    html = _get(client, f"/{lang}/about/")
    assert english_left(html, CHROME_ENGLISH + CONTENT_ENGLISH) == []
    assert EXPECTED[lang]["nav"][1] in visible_pieces(html)


@pytest.mark.parametrize("lang", REQUIRED)
def test_404_page_has_no_english(client, lang):
    html = _get(client, f"/{lang}/no-such-page/", status=404)
    english = CHROME_ENGLISH + ERROR_ENGLISH[404] + ERROR_ENGLISH_COMMON
    assert english_left(html, english) == []
    pieces = visible_pieces(html)
    assert EXPECTED[lang]["404"] in pieces
    assert EXPECTED[lang]["home"] in pieces


@pytest.mark.parametrize("lang", REQUIRED)
@pytest.mark.parametrize(
    ("view", "status"), [(bad_request, 400), (permission_denied, 403), (server_error, 500)]
)
def test_other_error_pages_have_no_english(lang, view, status):
    request = RequestFactory().get(f"/{lang}/anything/", HTTP_HOST="localhost")
    request.user = AnonymousUser()
    with translation.override(lang):
        response = view(request)
    assert response.status_code == status
    html = response.content.decode()
    english = CHROME_ENGLISH + ERROR_ENGLISH[status] + ERROR_ENGLISH_COMMON
    assert english_left(html, english) == []
    assert EXPECTED[lang][str(status)] in visible_pieces(html)


@pytest.mark.parametrize("lang", ["km", "id", "bn"])
def test_further_languages_have_translated_chrome(client, lang):
    """km, id and bn are not required to be complete, but the page chrome is translated."""
    html = _get(client, f"/{lang}/countries/cambodia/")
    assert english_left(html, CHROME_ENGLISH + COUNTRY_ENGLISH[:6]) == []


def test_english_pages_still_show_english(client):
    """The check above can fail: the same strings are found on the English pages."""
    html = _get(client, "/en/countries/cambodia/")
    assert english_left(html, ["Skip to main content", "Search", "Programme facts"]) == [
        "Skip to main content",
        "Search",
        "Programme facts",
    ]
    html = _get(client, "/en/no-such-page/", status=404)
    assert english_left(html, ERROR_ENGLISH[404]) == ERROR_ENGLISH[404]


@pytest.mark.parametrize(
    "path", ["/ar/", "/ar/countries/cambodia/", "/ar/about/", "/ar/countries/"]
)
def test_arabic_pages_are_right_to_left(client, path):
    html = _get(client, path)
    assert '<html lang="ar" dir="rtl">' in html


def test_arabic_404_is_right_to_left(client):
    html = _get(client, "/ar/no-such-page/", status=404)
    assert '<html lang="ar" dir="rtl">' in html


@pytest.mark.parametrize("lang", ["fr", "vi", "km"])
def test_left_to_right_languages(client, lang):
    assert f'<html lang="{lang}" dir="ltr">' in _get(client, f"/{lang}/about/")


def test_language_switcher_keeps_the_page(client):
    html = _get(client, "/fr/countries/cambodia/")
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    links = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+" dir="([^"]+)"', switcher)
    assert {(url, code) for url, code, _dir in links} == {
        (f"/{code}/countries/cambodia/", code) for code in ALL_LANGUAGES
    }
    assert ("/km/countries/cambodia/", "km", "ltr") in links
    assert ("/ar/countries/cambodia/", "ar", "rtl") in links
    # Each language is named in its own language, and the current one is marked.
    for code, native_name in settings.LANGUAGES:
        assert f'hreflang="{code}" lang="{code}"' in switcher
        assert f">{native_name}</a>" in switcher
    assert re.search(r'hreflang="fr"[^>]*aria-current="true"', switcher)
    # The switcher's label is translated too.
    assert 'aria-label="Langues"' in html


def test_switcher_target_is_the_translated_page(client):
    html = _get(client, "/km/countries/cambodia/")
    assert '<html lang="km" dir="ltr">' in html
    assert "កម្ពុជា" in visible_pieces(html)
