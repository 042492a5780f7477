"""Reading the staff and inspectorate lists of the enterprise API the way a client does."""


def api_ids(response):
    return [row["star_id"] for row in response.json()["results"]]


def every_page(client, url):
    """Every result of a paged list, following ``next``."""
    response = client.get(url)
    assert response.status_code == 200, response.content
    results = response.json()["results"]
    while response.json()["next"]:
        response = client.get(response.json()["next"])
        assert response.status_code == 200, response.content
        results += response.json()["results"]
    return results


def inspected(client):
    """The inspector's countries, each with ``factories`` read from its ``factories_url``
    (None where the country does not share them)."""
    countries = every_page(client, "/api/v2/enterprise/inspectorate")
    for country in countries:
        url = country["factories_url"]
        country["factories"] = every_page(client, url) if url else None
    return countries
