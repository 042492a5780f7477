"""View decorators that load what a URL names and ask one rule of communities.permissions.

A refusal never reveals what the reader may not know exists: an invisible community (and
everything in it) answers 404 exactly like an unknown slug; an anonymous reader is sent to log
in; anyone else gets 403."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from portal import cache_versions

from .. import permissions
from ..models import Community, Flag, Post, Thread


def login_url():
    return reverse("accounts:login")


def deny(request, community, obj=None, thread=None):
    """Refuse without revealing what the reader may not know exists: a private community the
    reader is not in, or a thread hidden from them, is not found."""
    if not permissions.can_see_exists(request.user, community):
        raise Http404
    if thread is not None and permissions.thread_hidden_from(request.user, thread):
        raise Http404
    if not request.user.is_authenticated:
        # After logging in, come back to a page that can be read (a form's target is POST-only).
        if request.method in ("GET", "HEAD"):
            back = request.get_full_path()
        else:  # the object's page, or its community's for one without a page (a flag)
            back = getattr(obj, "get_absolute_url", community.get_absolute_url)()
        return redirect_to_login(back, login_url())
    raise PermissionDenied


def _load_community(kwargs):
    community = get_object_or_404(Community, slug=kwargs.pop("slug"))
    return community, community, None


def _load_thread(kwargs):
    thread = get_object_or_404(
        permissions.with_opening_hidden(Thread.objects.select_related("community")),
        pk=kwargs.pop("pk"),
        community__slug=kwargs.pop("slug"),
    )
    return thread, thread.community, thread


def _load_post(kwargs):
    post = get_object_or_404(
        Post.objects.select_related("thread__community", "author"), pk=kwargs.pop("pk")
    )
    return post, post.thread.community, post.thread


def _load_flag(kwargs):
    flag = get_object_or_404(
        Flag.objects.select_related("post__thread__community"), pk=kwargs.pop("pk")
    )
    return flag, flag.post.thread.community, flag.post.thread


def _guard(load, rule, *, of_community=False, signed_in=False):
    """Decorate a view so it receives the loaded object instead of the URL's keys.

    ``rule(user, obj)`` (or ``rule(user, community)`` with ``of_community``) must hold, and,
    with ``signed_in``, the reader must be signed in; otherwise ``deny``."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, **kwargs):
            obj, community, thread = load(kwargs)
            cache_versions.depend(cache_versions.community(community.pk))
            user = request.user
            allowed = (not signed_in or user.is_authenticated) and (
                rule is None or rule(user, community if of_community else obj)
            )
            if not allowed:
                return deny(request, community, obj, thread)
            return view(request, obj, **kwargs)

        return wrapped

    return decorator


def community_view(rule, **options):
    """``view(request, community, …)`` for URLs with ``<slug>``."""
    return _guard(_load_community, rule, **options)


def thread_view(rule, **options):
    """``view(request, thread, …)`` for URLs with ``<slug>/t/<pk>``."""
    return _guard(_load_thread, rule, **options)


def post_view(rule, **options):
    """``view(request, post, …)`` for URLs with ``posts/<pk>``."""
    return _guard(_load_post, rule, **options)


def flag_view(rule, **options):
    """``view(request, flag, …)`` for URLs with ``flags/<pk>``."""
    return _guard(_load_flag, rule, **options)
