"""The communities a reader may see, and one community with what the reader is and may do
there. Mounted last: its "/{slug}/" would take the literal paths of the others."""

from django.http import Http404
from ninja import Query, Router

from portal.api_auth import reader
from portal.api_pagination import Paged, PageParams

from .. import permissions, services
from ..models import Subscription
from .common import (
    _community,
    _community_out,
    _page,
    _reader_language,
)
from .schemas import (
    LANG_HELP,
    CommunityDetailOut,
    CommunityOut,
)

router = Router()


# --- one community (last: "/{slug}/" would take the literal paths above) --------------------


def _viewer(user, community):
    if not user.is_authenticated:
        return None
    m = permissions.membership(user, community)
    return {
        "role": m.role if m else None,
        "status": m.status if m else None,
        "pending_request": services.pending_join_request(user, community) is not None,
        "following": Subscription.objects.filter(
            user=user, community=community, thread=None
        ).exists(),
        "can_read": permissions.can_read(user, community),
        "can_post": permissions.can_post(user, community),
        "can_join": permissions.can_join(user, community),
        "can_leave": permissions.can_leave(user, community),
        "can_moderate": permissions.can_moderate(user, community),
    }


@router.get(
    "/{slug}/",
    response=CommunityDetailOut,
    summary="One community, with what the signed-in reader is and may do there",
    description=LANG_HELP,
)
def get_community(request, slug: str, lang: str | None = None):
    language = _reader_language(lang)
    user = reader(request)
    community = _community(slug, "languages", "translations")
    if not permissions.can_see_exists(user, community):
        raise Http404
    return {**_community_out(community, language), "viewer": _viewer(user, community)}


@router.get(
    "/",
    response=Paged[CommunityOut],
    summary="Communities the reader may see (paged, by name)",
    description=LANG_HELP,
)
def list_communities(request, params: Query[PageParams], lang: str | None = None):
    language = _reader_language(lang)
    user = reader(request)
    qs = (
        permissions.visible_communities(user)
        .prefetch_related("languages", "translations")
        .order_by("name", "pk")
    )
    return _page(request, qs, params, lambda cs: [_community_out(c, language) for c in cs])
