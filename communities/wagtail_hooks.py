from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal import cache_versions
from portal.fragments import cached_items
from portal.providers import ProvidedItem, section_link

from .models import Community, EventIndexPage, Membership, ModerationLog, Thread, Visibility
from .trainers import admin as trainer_admin  # noqa: F401 - registers the Trainers admin menu


class CommunityViewSet(SnippetViewSet):
    model = Community
    icon = "group"
    menu_label = _("Communities")
    list_display = ["name", "slug", "visibility", "created_at"]
    list_filter = ["visibility"]
    search_fields = ["name", "slug", "description"]
    # The ORM's `icontains`, not the search backend: SQLite's FTS backend answered 500 for a
    # query with quotes, and for a viewset's own search_fields.
    search_backend_name = None


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    list_display = ["user", "community", "role", "status"]
    list_filter = ["community", "role", "status"]


class ModerationLogViewSet(SnippetViewSet):
    model = ModerationLog
    icon = "history"
    menu_label = _("Moderation log")
    list_display = ["action", "community", "actor", "target_user", "created_at"]
    list_filter = ["community", "action"]
    inspect_view_enabled = True


class CommunitiesGroup(SnippetViewSetGroup):
    items = (CommunityViewSet, MembershipViewSet, ModerationLogViewSet)
    menu_icon = "group"
    menu_label = _("Communities")
    menu_name = "communities"


register_snippet(CommunitiesGroup)


def _language_filter(qs, language):
    if not language:
        return qs

    return qs.filter(
        Q(community__languages__isnull=True) | Q(community__languages__language_code=language)
    ).distinct()


@hooks.register("portal_provides_latest_discussions")
@cached_items(kinds=(cache_versions.CONTENT, cache_versions.COMMUNITIES))
def latest_discussions(language=None, limit=4, country=None, **kwargs):

    # The block is the same for every reader (and may be cached): what anyone may read.
    threads = (
        Thread.objects.readable_by(AnonymousUser())
        .select_related("community")
        .prefetch_related("community__translations")
    )
    threads = _language_filter(threads, language)
    if country is not None:
        threads = threads.filter(community__countries__slug=country.slug)
    return [
        ProvidedItem(
            title=t.title,
            url=t.get_absolute_url(),
            summary=t.community.localized(language).name,
            meta=[
                ngettext("%(count)s reply", "%(count)s replies", t.reply_count)
                % {"count": t.reply_count}
            ],
            language=language or "",
        )
        for t in threads.order_by("-last_activity_at")[:limit]
    ]


@hooks.register("portal_provides_country_communities")
@cached_items(kinds=(cache_versions.CONTENT, cache_versions.COMMUNITIES))
def country_communities(language=None, limit=4, country=None, **kwargs):
    communities = Community.objects.exclude(visibility=Visibility.PRIVATE)
    if country is not None:
        communities = communities.filter(countries__slug=country.slug)
    if language:
        communities = communities.filter(
            Q(languages__isnull=True) | Q(languages__language_code=language)
        )
    communities = communities.distinct().prefetch_related("translations").order_by("name")
    items = []
    for c in communities[:limit]:
        local = c.localized(language)
        items.append(
            ProvidedItem(
                title=local.name,
                url=c.get_absolute_url(),
                summary=local.description[:200],
                meta=[str(c.get_visibility_display()).split(":")[0]],
                # the original's language when the community has no translation for the reader
                language=local.name_language if language else "",
            )
        )
    return items


@hooks.register("portal_provides_navigation")
def navigation_entry(language, **context):
    return [ProvidedItem(title=gettext("Communities"), url=reverse("communities:list"))]


@hooks.register("portal_provides_navigation")
def events_navigation_entry(**context):
    return section_link(EventIndexPage)


# The newsletter's admin report and its menu item register their own hooks.
from .newsletter import admin_views as newsletter_admin  # noqa: E402, F401
