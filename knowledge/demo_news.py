"""The news part of ``seed_demo`` (called by ``knowledge.demo``): the news index and a few
articles, global and per country, translated into every language of the site. Idempotent:
pages are looked up by slug and translated only into the languages they are not yet in."""

import datetime

from django.utils import timezone
from wagtail.models import Locale, Page

from portal.demo.localize import translate
from portal.models import Country

from .demo_text.news import ARTICLES, INDEX, MEMORY
from .models import NewsArticlePage, NewsIndexPage


def _translate(page):
    return translate(Page.objects.get(pk=page.pk).specific, memory=MEMORY)


def seed_news(home):
    index = NewsIndexPage.objects.child_of(home).first()
    if index is None:
        index = NewsIndexPage(title=INDEX["title"], slug="news", intro=INDEX["intro"])
        home.add_child(instance=index)
        index.save_revision().publish()
    made = _translate(index)
    Page.fix_tree(fix_paths=False)
    default = Locale.get_default()
    today = timezone.localdate()
    for spec in ARTICLES:
        article = NewsArticlePage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if article is None:
            article = NewsArticlePage(
                title=spec["title"],
                slug=spec["slug"],
                date=today - datetime.timedelta(days=spec["days_ago"]),
                summary=spec["summary"],
                body=f"<p>{spec['body']}</p>",
            )
            index.add_child(instance=article)
            article.countries.set(
                Country.objects.filter(slug__in=spec["countries"], locale=default)
            )
            article.save_revision().publish()
        made += _translate(article)
    return made
