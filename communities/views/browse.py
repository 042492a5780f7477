"""Reading: the list of communities, a community's landing page, a thread, a person."""

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.shortcuts import get_object_or_404, render
from django.template import Context
from django.template.loader import get_template
from django.utils.html import format_html_join
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal import cache_versions, formatting, fragments
from portal.components import Card

from .. import permissions
from ..forms import FlagForm, JoinRequestForm, MoveForm, PostForm
from ..models import Community, JoinRequest, Membership, Status, Subscription, Thread
from ..paging import LongListPaginator
from .guards import community_view, thread_view

# Each post renders its byline, body, linked pages, files and actions: 50 a page keeps a
# thread page under 100 ms at any depth of a 5,000-reply thread (bench/communities_scale.py).
POSTS_PER_PAGE = 50
THREADS_PER_PAGE = 30


def community_list(request):
    cache_versions.depend(cache_versions.COMMUNITIES)
    readable = Thread.objects.readable_by(request.user)
    communities = (
        permissions.visible_communities(request.user)
        .annotate(thread_total=Count("threads", filter=Q(threads__in=readable), distinct=True))
        .prefetch_related("languages", "translations")
        .order_by("name")
    )
    mine = set()
    if request.user.is_authenticated:
        mine = set(
            Membership.objects.filter(user=request.user, status=Status.ACTIVE).values_list(
                "community_id", flat=True
            )
        )
    return render(
        request,
        "communities/community_list.html",
        {"cards": [_community_card(community, community.pk in mine) for community in communities]},
    )


def _community_card(community, mine):
    local = community.local
    reader_language = get_language()
    threads = community.thread_total
    return Card(
        title=local.name,
        url=community.get_absolute_url(),
        summary=local.description,
        language=local.name_lang,
        summary_language=local.description_lang or reader_language,
        meta=[
            str(community.get_visibility_display()),
            ngettext("%(counter)s thread", "%(counter)s threads", threads)
            % {"counter": formatting.format_number(threads)},
        ],
        badges=[gettext("You are a member")] if mine else [],
        chips=[locale.get_display_name() for locale in community.languages.all()],
        chips_label=gettext("Languages"),
        css="community-card community-card-mine" if mine else "community-card",
    )


@community_view(permissions.can_see_exists)
def community_detail(request, community):
    user = request.user
    can_read = permissions.can_read(user, community)
    threads = None
    if can_read:
        qs = permissions.community_threads(user, community).select_related(
            "author__community_profile"
        )
        q = request.GET.get("q", "").strip()[:200]
        if q:
            qs = qs.filter(Q(title__icontains=q) | Q(posts__body__icontains=q)).distinct()
            paginator = Paginator(qs, THREADS_PER_PAGE)
        else:
            paginator = LongListPaginator(qs.order_by(*Thread.LIST_ORDER), THREADS_PER_PAGE)
        threads = paginator.get_page(request.GET.get("page"))
    pending = (
        user.is_authenticated
        and JoinRequest.objects.filter(
            community=community, user=user, status=JoinRequest.Decision.PENDING
        ).exists()
    )
    following = (
        user.is_authenticated
        and Subscription.objects.filter(user=user, community=community).exists()
    )
    return render(
        request,
        "communities/community_detail.html",
        {
            "community": community,
            "threads": threads,
            "can_read": can_read,
            "membership": permissions.membership(user, community),
            "pending_request": pending,
            "following": following,
            "can_post": permissions.can_post(user, community),
            "can_join": user.is_authenticated and permissions.can_join(user, community),
            "can_moderate": permissions.can_moderate(user, community),
            "join_form": JoinRequestForm(),
            "query": request.GET.get("q", ""),
        },
    )


def _quote(post):
    name = post.author.get_username() if post.author else _("someone")
    quoted = "\n".join(f"> {line}" for line in post.body.splitlines())
    return f"@{name} {_('wrote:')}\n{quoted}\n\n"


_LINKED_PAGE_FIELDS = (
    "id",
    "title",
    "url_path",
    "search_description",
    "locale_id",
    "depth",
    "path",
    "content_type_id",
)


@thread_view(permissions.can_read_thread)
def thread_detail(request, thread):
    community = thread.community
    user = request.user
    moderator = permissions.can_moderate(user, community)
    posts = permissions.visible_posts(user, thread).select_related("author__community_profile")
    page = LongListPaginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("page"))
    for post in page.object_list:
        post.can_edit = permissions.can_edit_post(user, post)
        post.can_flag = permissions.can_flag(user, post)
    contents = post_contents(request, community, page.object_list)
    for post, content in zip(page.object_list, contents, strict=True):
        post.content_html = content
    initial = {}
    quote_id = request.GET.get("quote", "")
    if quote_id.isdigit():
        quoted = (
            thread.posts.filter(pk=int(quote_id), hidden=False).select_related("author").first()
        )
        if quoted is not None:
            initial["body"] = _quote(quoted)
    following = (
        user.is_authenticated and Subscription.objects.filter(user=user, thread=thread).exists()
    )
    return render(
        request,
        "communities/thread_detail.html",
        {
            "community": community,
            "thread": thread,
            "posts": page,
            "moderator": moderator,
            "can_reply": permissions.can_reply(user, thread),
            "following": following,
            "form": PostForm(initial=initial),
            # The reasons' <option>s once for every post's flag form.
            "flag_options": format_html_join(
                "", '<option value="{}">{}</option>', FlagForm().fields["reason"].choices
            ),
            "move_form": MoveForm(communities=Community.objects.exclude(pk=community.pk))
            if moderator
            else None,
        },
    )


def post_contents(request, community, posts):
    """The part of each post every reader who may see it sees alike (byline, body, linked
    pages, files: ``post_content.html``), cached per post, language and version of the
    community (a post edited, hidden, a member's role or name changed) and of the content (a
    linked page's title); only the posts not cached fetch their authors' roles, pages and
    files."""

    def render_missing(missing):
        roles = permissions.author_roles(community, {post.author_id for post in missing})
        for post in missing:
            post.author_role = roles.get(post.author_id)
        prefetch_related_objects(
            missing,
            "attachments",
            Prefetch("linked_pages", queryset=Page.objects.live().only(*_LINKED_PAGE_FIELDS)),
        )
        # A plain Context: the page's context processors ran once already.
        template = get_template("communities/includes/post_content.html").template
        return [template.render(Context({"post": p, "request": request})) for p in missing]

    kinds = (cache_versions.community(community.pk), cache_versions.CONTENT)
    return fragments.cached_each(request, "post_content", posts, render_missing, kinds=kinds)


def person(request, username):
    cache_versions.depend(cache_versions.COMMUNITIES)
    User = get_user_model()
    user = get_object_or_404(
        User.objects.select_related("community_profile"),
        **{User.USERNAME_FIELD: username, "is_active": True},
    )
    return render(request, "communities/person.html", {"person": user})
