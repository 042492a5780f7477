# ruff: noqa: F811 - the fixtures imported from trainer_fixtures are parameters here
"""The public directory of certified trainers (issue 18), page and API: only trainers who
opted in and hold a valid certificate; filters by country, language and topic, a text search,
pages, a query budget; bad input is a 400 that says what was wrong; no e-mail address shown;
in English, Arabic and Khmer."""

import pytest

from communities.trainers.records import revoke_certificate

from .trainer_fixtures import (  # noqa: F401 - fixtures
    PROGRAMME_EN,
    PROGRAMME_KM,
    certify,
    coordinator,
    make_trainer,
    programme,
    second_programme,
)

pytestmark = pytest.mark.django_db

URL = "/en/trainers/"
API = "/api/v2/trainers/"


def names(client, query=None, url=URL):
    response = client.get(url, query or {})
    assert response.status_code == 200, response.content[:500]
    return response.content.decode()


def api_names(client, query=None):
    response = client.get(API, query or {})
    assert response.status_code == 200, response.content[:500]
    return [t["name"] for t in response.json()["results"]]


@pytest.fixture
def trainers(make_trainer, programme, second_programme, certify):
    """Sokha (Cambodia, km, certified, listed), Thu (Viet Nam, vi+en, certified, listed),
    Hidden (certified, not listed), Uncertified (listed, no certificate)."""
    sokha = make_trainer(
        "sokha",
        "Sokha Chan",
        languages=["km", "en"],
        topics=["social-dialogue"],
        bio="Trains supervisors in Phnom Penh.",
    )
    thu = make_trainer(
        "thu",
        "Tran Thi Thu",
        languages=["vi", "en"],
        countries=["vietnam"],
        topics=["supervisory-skills", "productivity"],
    )
    hidden = make_trainer("hidden", "Hidden Trainer", listed=False, bio="Kampot pepper farms.")
    uncertified = make_trainer("uncertified", "Uncertified Trainer")
    certify(sokha, programme, "km")
    certify(thu, second_programme, "vi")
    certify(hidden, programme)
    return {"sokha": sokha, "thu": thu, "hidden": hidden, "uncertified": uncertified}


def test_only_listed_certified_trainers_appear(client, trainers):
    html = names(client)
    assert "Sokha Chan" in html and "Tran Thi Thu" in html
    assert "Hidden Trainer" not in html and "Uncertified Trainer" not in html
    assert sorted(api_names(client)) == ["Sokha Chan", "Tran Thi Thu"]


def test_a_trainer_who_did_not_opt_in_is_never_found(client, trainers):
    queries = [{"q": "Hidden"}, {"q": "Kampot"}, {"country": "cambodia"}, {"language": "km"}]
    for query in [*queries, {"q": PROGRAMME_EN}]:
        assert "Hidden Trainer" not in names(client, query)
        assert "Hidden Trainer" not in api_names(client, query)
    for words in ("Kampot pepper", "Kampot"):
        response = client.get("/en/search/", {"q": words})
        assert "Hidden Trainer" not in response.content.decode()
        found = client.get("/api/v2/search/", {"q": words})
        assert "Hidden Trainer" not in found.content.decode()


def test_a_revoked_certificate_removes_the_trainer(client, trainers, coordinator):
    certificate = trainers["sokha"].certificates.get()
    assert "Sokha Chan" in names(client)
    revoke_certificate(certificate, coordinator, "Issued by mistake")
    assert "Sokha Chan" not in names(client)  # the cached page is replaced too
    assert "Sokha Chan" not in api_names(client)


def test_opting_out_removes_the_trainer(client, trainers):
    sokha = trainers["sokha"]
    sokha.listed = False
    sokha.save()
    assert "Sokha Chan" not in names(client)


def test_an_entry_shows_what_factories_need_and_no_email(client, trainers):
    html = names(client)
    assert "Khmer" in html and "Cambodia" in html and "Social dialogue" in html
    assert PROGRAMME_EN in html  # the programme's title in the reader's language
    number = trainers["sokha"].certificates.get().number
    assert f"/en/trainers/verify/{number}/" in html
    assert "@example.org" not in html
    data = client.get(API).json()["results"]
    sokha = next(t for t in data if t["name"] == "Sokha Chan")
    assert {lang["code"] for lang in sokha["languages"]} == {"km", "en"}
    assert sokha["countries"] == [{"slug": "cambodia", "name": "Cambodia"}]
    assert sokha["programmes"][0]["title"] == PROGRAMME_EN
    assert "@example.org" not in str(data) and "email" not in str(data)


def test_in_khmer_the_programme_title_is_khmer(client, trainers):
    html = names(client, url="/km/trainers/")
    assert PROGRAMME_KM in html
    assert '<html lang="km"' in html
    data = client.get(API, {"lang": "km"}).json()["results"]
    sokha = next(t for t in data if t["name"] == "Sokha Chan")
    assert sokha["programmes"][0]["title"] == PROGRAMME_KM


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"country": "cambodia"}, ["Sokha Chan"]),
        ({"country": "vietnam"}, ["Tran Thi Thu"]),
        ({"country": ["cambodia", "vietnam"]}, ["Sokha Chan", "Tran Thi Thu"]),
        ({"language": "vi"}, ["Tran Thi Thu"]),
        ({"language": "en"}, ["Sokha Chan", "Tran Thi Thu"]),
        ({"topic": "productivity"}, ["Tran Thi Thu"]),
        ({"topic": "productivity", "country": "cambodia"}, []),
        ({"q": "phnom penh"}, ["Sokha Chan"]),
        ({"q": "bipartite"}, ["Tran Thi Thu"]),  # a certified programme's title
        ({"q": "thu"}, ["Tran Thi Thu"]),
        ({"q": "   "}, ["Sokha Chan", "Tran Thi Thu"]),
    ],
)
def test_filters(client, trainers, query, expected):
    assert sorted(api_names(client, query)) == expected
    html = names(client, query)
    for name in ("Sokha Chan", "Tran Thi Thu"):
        assert (name in html) is (name in expected)


@pytest.mark.parametrize(
    "query, field",
    [
        ({"country": "atlantis"}, "country"),
        ({"topic": "knitting"}, "topic"),
        ({"language": "xx"}, "language"),
        ({"q": "x" * 201}, "q"),
        ({"country": '=HYPERLINK("http://x")'}, "country"),
    ],
)
def test_bad_filters_are_a_400_that_says_which(client, trainers, query, field):
    response = client.get(URL, query)
    assert response.status_code == 400
    html = response.content.decode()
    assert "These filters could not be used" in html and f"{field}:" in html
    assert "Sokha Chan" not in html
    api = client.get(API, query)
    assert api.status_code == 400
    body = api.json()
    assert body["code"] == "invalid_filter" and f"{field}:" in body["error"]


def test_nul_bytes_are_refused(client, trainers):
    assert client.get(URL, {"q": "a\x00b"}).status_code == 400
    assert client.get(API, {"q": "a\x00b"}).status_code == 400


def test_bad_api_parameters(client, trainers):
    assert client.get(API, {"lang": "xx"}).json()["code"] == "unknown_language"
    assert client.get(API, {"page": 0}).status_code == 400
    assert client.get(API, {"page": 99}).status_code == 404


def test_pages(client, make_trainer, programme, certify, settings):
    for n in range(23):
        certify(make_trainer(f"t{n}", f"Trainer {n:02d}"), programme)
    first = names(client)
    assert "Trainer 00" in first and "Trainer 20" not in first
    assert "Page 1 of 2" in first
    second = names(client, {"page": 2})
    assert "Trainer 20" in second and "Trainer 22" in second and "Trainer 00" not in second
    assert names(client, {"page": "abc"})  # a bad page number shows the first page
    data = client.get(API, {"page_size": 5, "page": 5}).json()
    assert data["count"] == 23 and data["num_pages"] == 5 and len(data["results"]) == 3


def test_query_budget(
    client, make_trainer, programme, second_programme, certify, django_assert_max_num_queries
):
    def add(n):
        for i in range(n):
            trainer = make_trainer(
                f"q{n}-{i}",
                f"Budget {n}-{i}",
                languages=["km", "vi"],
                countries=["cambodia", "vietnam"],
                topics=["productivity", "social-dialogue"],
            )
            certify(trainer, programme)
            certify(trainer, second_programme)

    add(2)
    client.get(URL)  # warm what is cached per process (locales, site)
    with django_assert_max_num_queries(12) as small:
        names(client, {"country": "cambodia"})
    add(15)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert names(client, {"country": "cambodia"}).count("card trainer-card") == 17
    with django_assert_max_num_queries(12) as api_small:
        client.get(API, {"country": "cambodia", "page_size": 50})
    add(3)
    with django_assert_max_num_queries(len(api_small.captured_queries)):
        client.get(API, {"country": "cambodia", "page_size": 50})


@pytest.mark.parametrize(
    "language, heading",
    [("en", "Certified trainers"), ("ar", None), ("km", None)],
)
def test_translated(client, trainers, language, heading):
    from django.utils import translation

    with translation.override(language):
        expected = translation.gettext("Certified trainers")
    assert (expected == "Certified trainers") is (language == "en")
    html = names(client, url=f"/{language}/trainers/")
    assert f"<h1>{expected}</h1>" in html
    if language == "ar":
        assert 'dir="rtl"' in html
