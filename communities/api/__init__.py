"""Communities API (mounted at /api/v2/communities/): everything the HTML site offers, for a
headless front end. Read public (or, signed in, readable) communities, threads and posts; post
threads and replies (with attachments uploaded first); join, leave or ask to join; follow; edit
and flag posts; read and clear notifications; and, for moderators, the flag queue, join
requests, hiding posts, pinning and locking threads and suspending members.

Callers are a session (CSRF checked on writes) or a personal bearer token (a read token may not
write). Every decision goes through ``communities.permissions`` and every change through
``communities.services``, exactly as the HTML views do; a refusal never reveals what the reader
may not know exists (a private community, or a thread hidden from them, is 404 like an unknown
one; otherwise 403). Lists are ``portal.api_pagination`` pages (``page``, ``page_size``)."""

from ninja import Router

from . import community, membership, moderation, notifications, posts, threads

# Operation ids stay those of the single module this package was split from (portal.api), so
# clients generated from the OpenAPI document keep their names.
STABLE_OPERATION_IDS = True

router = Router(tags=["communities"])
for _module in (threads, posts, membership, notifications, moderation, community):
    router.add_router("/", _module.router)

__all__ = ["router"]
