"""Search statistics counted in the process and written together (search/analytics.py): the
counts add up, a burst of searches is one write per query, and nothing waits forever."""

import pytest

from search import analytics
from search.models import SearchQueryStat

pytestmark = pytest.mark.django_db


class Timers:
    """``threading.Timer`` as analytics sees it: started timers are kept, to fire by hand."""

    def __init__(self, monkeypatch):
        self.started = []
        timers = self

        class Timer:
            def __init__(self, seconds, function):
                self.seconds, self.function, self.cancelled = seconds, function, False

            def start(self):
                timers.started.append(self)

            def cancel(self):
                self.cancelled = True

        monkeypatch.setattr(analytics.threading, "Timer", Timer)


@pytest.fixture
def batched(settings, monkeypatch):
    settings.SEARCH_STATS_FLUSH_SECONDS = 1.0
    timers = Timers(monkeypatch)
    yield timers
    analytics._waiting.take()


def test_searches_wait_in_the_process_then_are_written_once_per_query(
    batched, django_assert_num_queries
):
    with django_assert_num_queries(0):
        for _ in range(40):
            analytics.record_search("Overtime  pay", "en", 12)
        analytics.record_search("overtime pay", "en", 0)
        analytics.record_search("heures supplémentaires", "fr", 3)
    assert not SearchQueryStat.objects.exists()
    # One statement per query: an update that finds no row, a savepoint, the insert, the release.
    with django_assert_num_queries(8):
        analytics.flush()
    english = SearchQueryStat.objects.get(language="en", query="overtime pay")
    assert (english.searches, english.zero_result_searches, english.last_hit_count) == (41, 1, 0)
    french = SearchQueryStat.objects.get(language="fr")
    assert (french.searches, french.zero_result_searches) == (1, 0)


def test_a_later_flush_adds_to_the_written_counts(batched):
    analytics.record_search("wages", "en", 5)
    analytics.flush()
    analytics.record_search("wages", "en", 7)
    analytics.record_search("wages", "en", 7)
    analytics.flush()
    row = SearchQueryStat.objects.get(query="wages")
    assert (row.searches, row.last_hit_count) == (3, 7)


def test_a_timer_writes_what_waits_even_if_no_other_search_comes(batched, monkeypatch):
    analytics.record_search("fire safety", "km", 2)
    analytics.record_search("fire safety", "km", 2)
    assert len(batched.started) == 1  # one timer for the whole wait
    timer = batched.started[0]
    assert timer.seconds == 1.0
    monkeypatch.setattr(analytics.connections, "close_all", lambda: None)
    timer.function()
    assert SearchQueryStat.objects.get(query="fire safety", language="km").searches == 2
    analytics.record_search("fire safety", "km", 2)
    assert len(batched.started) == 2  # the next wait has its own timer


def test_a_flush_cancels_the_waiting_timer(batched):
    analytics.record_search("child labour", "en", 9)
    analytics.flush()
    assert batched.started[0].cancelled
    assert SearchQueryStat.objects.get(query="child labour").searches == 1


def test_searches_through_the_page_are_counted_once_flushed(client, batched):
    for _ in range(3):
        assert client.get("/en/search/?q=Overtime").status_code == 200
    assert not SearchQueryStat.objects.filter(query="overtime").exists()
    analytics.flush()
    assert SearchQueryStat.objects.get(query="overtime", language="en").searches == 3
