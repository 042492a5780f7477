"""THE permission matrix: per endpoint (URL name, page type and route, or API operation id),
per case (which object the URL points at), per method and per role, what must happen.

Values: "200", "201", "202", "400", "401", "403", "404", "405"; "302" a redirect; "302 login"
a redirect to a login page that returns to the URL (``?next=``). A case parameter or form
value "@name" is ``World.ids[name]`` ("@page:<model label>": that page's path); other strings
are literal, with ``{name}`` filled from ``World.ids``. GET is checked for every case; POST
where a case gives one (write endpoints), with ``data`` (a form) or ``json`` (API). A refused
POST must write nothing (no statement writes, no table's row count changes).

An endpoint discovered in endpoints.py without an entry here fails
``test_every_endpoint_has_an_entry``; a cell that differs fails its own test. Cells that are
known defects are listed in KNOWN_DEFECTS (run as strict xfail, so a fix shows up).
"""

from dataclasses import dataclass, field

from .world import ROLES

OK, CREATED, ACCEPTED, NO_CONTENT = "200", "201", "202", "204"
REDIRECT, LOGIN = "302", "302 login"
BAD, UNAUTHORISED, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = "400", "401", "403", "404", "405"
CONFLICT = "409"
# Outcomes that refuse: a refused write must leave every table as it was.
REFUSALS = {LOGIN, UNAUTHORISED, FORBIDDEN, NOT_FOUND, NOT_ALLOWED}

ANONYMOUS = ("anonymous",)
SIGNED_IN = tuple(r for r in ROLES if r != "anonymous")
COMMUNITY_EDITORS = ("editor", "superuser")  # moderate every community
READERS = ("member", "moderator", *COMMUNITY_EDITORS)  # may read members-only and private
MODERATORS = ("moderator", *COMMUNITY_EDITORS)
OUTSIDERS = tuple(r for r in SIGNED_IN if r not in READERS)
NOT_MODERATORS = tuple(r for r in ROLES if r not in MODERATORS)
ADMIN_USERS = ("editor", "translator", "superuser")  # Wagtail admin access, is_staff
FACTORY_F1_READERS = ("factory_user", "buyer_with", "country_staff", "superuser")
# Member, staff or active buyer of some factory: they choose their plan e-mails.
ENTERPRISE_FOLLOWERS = ("factory_user", "buyer_with", "country_staff", "superuser")
VISIBILITIES = ("public", "members", "private")


class Expect(dict):
    """Role -> outcome; ``every(x).but(y, *roles)`` reads as the policy does."""

    def but(self, outcome, *roles):
        unknown = set(roles) - set(ROLES)
        assert not unknown, unknown
        return Expect({**self, **dict.fromkeys(roles, outcome)})


def every(outcome):
    return Expect(dict.fromkeys(ROLES, outcome))


def community(visibility, allowed, success=OK):
    """A community view: `success` for the allowed roles; others are refused (a login for the
    anonymous, 403 for the signed-in), except that a private community is not found by anyone
    who may not know it exists."""
    cells = every(FORBIDDEN).but(LOGIN, *ANONYMOUS)
    if visibility == "private":
        cells = cells.but(NOT_FOUND, *ANONYMOUS, *OUTSIDERS)
    return cells.but(success, *allowed)


def community_api(visibility, allowed, success=OK, anonymous=FORBIDDEN):
    cells = every(FORBIDDEN).but(anonymous, *ANONYMOUS)
    if visibility == "private":
        cells = cells.but(NOT_FOUND, *OUTSIDERS)
        if anonymous == FORBIDDEN:
            cells = cells.but(NOT_FOUND, *ANONYMOUS)
    return cells.but(success, *allowed)


def readable_by(visibility):
    return tuple(ROLES) if visibility == "public" else READERS


@dataclass(frozen=True)
class Case:
    params: dict = field(default_factory=dict)
    query: str = ""
    GET: Expect | None = None
    POST: Expect | None = None
    data: dict | None = None  # form fields of the POST
    json: dict | None = None  # JSON body of the POST (API)


def per_visibility(make):
    """One case per community visibility: ``make(visibility, ids_prefix)`` returns a Case."""
    return {v: make(v) for v in VISIBILITIES}


def _moderation_write(path_params, data=None):
    return per_visibility(
        lambda v: Case(
            path_params(v),
            GET=every(NOT_ALLOWED),
            POST=community(v, MODERATORS, REDIRECT),
            data=data,
        )
    )


def _join_api(visibility):
    """Joining over the API: a public community at once (201), a members-only one by request
    (202); members already are (409); a private one is invitation-only: not found by those who
    may not know it, 403 for editors, who do."""
    outsiders = {"public": CREATED, "members": ACCEPTED, "private": NOT_FOUND}[visibility]
    editors = {"public": CREATED, "members": ACCEPTED, "private": FORBIDDEN}[visibility]
    return (
        every(outsiders)
        .but(UNAUTHORISED, *ANONYMOUS)
        .but(CONFLICT, "member", "moderator")
        .but(editors, *COMMUNITY_EDITORS)
    )


PUBLIC = every(OK)
SIGNED_IN_ONLY = every(OK).but(LOGIN, *ANONYMOUS)
POST_ONLY = every(NOT_ALLOWED)
F1 = every(NOT_FOUND).but(LOGIN, *ANONYMOUS).but(OK, *FACTORY_F1_READERS)
V1 = every(NOT_FOUND).but(LOGIN, *ANONYMOUS).but(OK, "superuser")
F1_API = every(NOT_FOUND).but(UNAUTHORISED, *ANONYMOUS).but(OK, *FACTORY_F1_READERS)
F1_API = every(NOT_FOUND).but(UNAUTHORISED, *ANONYMOUS).but(OK, *FACTORY_F1_READERS)  # plans
PRIVATE_PAGE = every(LOGIN).but(OK, "editor", "superuser")  # Wagtail: restricted to Editors


API_F1 = every(NOT_FOUND).but(UNAUTHORISED, *ANONYMOUS).but(OK, *FACTORY_F1_READERS)
API_V1 = every(NOT_FOUND).but(UNAUTHORISED, *ANONYMOUS).but(OK, "superuser")
API_REFUSED = every(NOT_FOUND).but(UNAUTHORISED, *ANONYMOUS)
GRANT_READERS = API_REFUSED.but(OK, "factory_user", "country_staff", "superuser").but(
    FORBIDDEN, "buyer_with"
)


def _resource_routes(label, material_key):
    page = {"page_path": f"@page:{label}"}
    return {
        f"page:{label}:detail": {"": Case(page, GET=PUBLIC)},
        f"page:{label}:download": {
            "": Case({**page, "material_id": f"@{material_key}"}, GET=PUBLIC),
        },
        f"page:{label}:bundle": {"": Case(page, GET=PUBLIC)},
    }


RESOURCE_LABELS = (
    "knowledge.TrainingProgrammePage",
    "knowledge.TrainingModulePage",
    "knowledge.ModelPolicyPage",
    "knowledge.GoodPracticeGuidePage",
    "knowledge.WorkbookPage",
    "knowledge.AwarenessMaterialPage",
    "knowledge.SelfGuidedToolPage",
    "knowledge.PublicationPage",
)

COMPLIANCE = "page:ims_bridge.ComplianceIndexPage"
COMPLIANCE_PAGE = {"page_path": "@page:ims_bridge.ComplianceIndexPage"}
GUIDE = "page:knowledge.GoodPracticeGuidePage"

TABLE = {
    # --- admin sites (a sample each) ---------------------------------------------------------
    "django-admin": {
        "index": Case({"sample": ""}, GET=every(LOGIN).but(OK, *ADMIN_USERS)),
        "users": Case(
            {"sample": "auth/user/"},
            GET=every(LOGIN).but(FORBIDDEN, "editor", "translator").but(OK, "superuser"),
        ),
    },
    "wagtail-admin": {
        "dashboard": Case({"sample": ""}, GET=every(LOGIN).but(OK, *ADMIN_USERS)),
        "pages": Case(
            {"sample": "pages/"},
            # A translator's explorer opens at the page their permissions start from.
            GET=every(LOGIN).but(OK, "editor", "superuser").but(REDIRECT, "translator"),
        ),
        # The translator translates into French: the French home page, not the English one.
        "edit home": Case(
            {"sample": "pages/{home_page}/edit/"},
            GET=every(LOGIN).but(OK, "editor", "superuser").but(REDIRECT, "translator"),
        ),
        "edit French home": Case(
            {"sample": "pages/{home_page_fr}/edit/"}, GET=every(LOGIN).but(OK, *ADMIN_USERS)
        ),
        "users": Case(
            {"sample": "users/"},
            GET=every(LOGIN).but(REDIRECT, "editor", "translator").but(OK, "superuser"),
        ),
        "communities": Case(
            {"sample": "snippets/communities/community/"},
            GET=every(LOGIN).but(REDIRECT, "translator").but(OK, "editor", "superuser"),
        ),
        "import batches": Case(
            {"sample": "snippets/ims_bridge/importbatch/"},
            GET=every(LOGIN).but(REDIRECT, "editor", "translator").but(OK, "superuser"),
        ),
        # portal/translation_admin: admin users who may submit translations.
        "translation dashboard": Case(
            {"sample": "translations/"}, query="language=fr", GET=every(LOGIN).but(OK, *ADMIN_USERS)
        ),
        "translation batch export": Case(
            {"sample": "translations/export/"},
            query="language=fr",
            GET=every(LOGIN).but(OK, *ADMIN_USERS),
        ),
        "translation batch upload": Case(
            {"sample": "translations/upload/"},
            GET=every(LOGIN).but(OK, *ADMIN_USERS),
            POST=every(LOGIN).but(BAD, *ADMIN_USERS),  # no file: the form's error
            data={"language": "fr"},
        ),
        # wagtail-localize's PO upload URL, answered by the checked upload (POST only).
        "translation PO upload": Case(
            {"sample": "localize/translate/0/pofile/upload/"},
            GET=every(LOGIN).but(NOT_ALLOWED, *ADMIN_USERS),
            POST=every(LOGIN).but(NOT_FOUND, *ADMIN_USERS),
        ),
    },
    # --- Wagtail documents ---------------------------------------------------------------------
    "wagtaildocs_serve": {
        "public": Case(
            {"document_id": "@public_document", "document_filename": "@public_document_file"},
            GET=PUBLIC,
        ),
        "restricted": Case(
            {"document_id": "@private_document", "document_filename": "@private_document_file"},
            GET=every(FORBIDDEN).but(LOGIN, *ANONYMOUS).but(OK, "editor", "superuser"),
        ),
    },
    "wagtaildocs_authenticate_with_password": {
        "not a collection restriction": Case(
            {"restriction_id": "@password_restriction"}, GET=every(NOT_FOUND)
        ),
    },
    # --- issue 18: news, the glossary and events ------------------------------------------------
    "page:knowledge.NewsIndexPage": {"": Case(query="country=cambodia", GET=PUBLIC)},
    "page:knowledge.NewsArticlePage": {"": Case(GET=PUBLIC)},
    "page:knowledge.GlossaryPage": {"": Case(query="q=term", GET=PUBLIC)},
    "page:communities.EventIndexPage:listing": {"": Case(query="country=cambodia", GET=PUBLIC)},
    "page:communities.EventIndexPage:feed": {"": Case(GET=PUBLIC)},
    "page:communities.EventIndexPage:country_feed": {
        "": Case({"country": "@country"}, GET=PUBLIC),
        "unknown country": Case({"country": "atlantis"}, GET=every(NOT_FOUND)),
    },
    "page:communities.EventPage:detail": {
        "": Case(GET=PUBLIC),
        "restricted": Case({"page_path": "@restricted_event_path"}, GET=PRIVATE_PAGE),
    },
    "page:communities.EventPage:ics": {
        "": Case(GET=PUBLIC),
        "restricted": Case({"page_path": "@restricted_event_path"}, GET=PRIVATE_PAGE),
    },
    # Signed-in readers register (or wait); the member of the world is registered already.
    "page:communities.EventPage:register": {
        "": Case(GET=POST_ONLY, POST=every(REDIRECT).but(LOGIN, *ANONYMOUS), data={}),
        "restricted": Case(
            {"page_path": "@restricted_event_path"},
            GET=PRIVATE_PAGE.but(NOT_ALLOWED, "editor", "superuser"),
            POST=PRIVATE_PAGE.but(REDIRECT, "editor", "superuser"),
            data={},
        ),
    },
    "page:communities.EventPage:cancel": {
        "": Case(
            GET=POST_ONLY,
            POST=every(CONFLICT).but(LOGIN, *ANONYMOUS).but(REDIRECT, "member"),
            data={},
        ),
    },
    # Who registered: Editors (communities.view_eventregistration, by migration) only.
    **{
        f"page:communities.EventPage:{route}": {
            "": Case(GET=every(FORBIDDEN).but(LOGIN, *ANONYMOUS).but(OK, "editor", "superuser"))
        }
        for route in ("registrations", "registrations_csv")
    },
    # --- API ------------------------------------------------------------------------------------
    "api_index": {"": Case(GET=PUBLIC)},
    "api_index_v2": {"": Case(GET=PUBLIC)},
    "api:api-root": {"": Case(GET=PUBLIC)},  # /api/v2/ is the index (api_index_v2)
    "api:openapi-json": {"": Case(GET=PUBLIC)},
    "api:openapi-view": {"": Case(GET=PUBLIC)},
    "api_moved": {  # version 1's paths: a 308 to the same path under /api/v2/
        "": Case({"rest": "taxonomy/"}, GET=every(REDIRECT), POST=every(REDIRECT))
    },
    "portal.api_views.api_not_found": {
        "": Case({"rest": "no-such-thing/"}, GET=every(NOT_FOUND), POST=every(NOT_FOUND))
    },
    "api:portal_api_taxonomy_taxonomy": {"": Case(GET=PUBLIC)},
    "api:knowledge_api_listing": {"": Case(query="country=cambodia", GET=PUBLIC)},
    "api:knowledge_api_detail": {
        "public": Case({"resource_id": "@resource_id"}, GET=PUBLIC),
        "restricted": Case({"resource_id": "@private_resource_id"}, GET=every(NOT_FOUND)),
    },
    "api:communities_api_list_communities": {"": Case(GET=PUBLIC)},
    # Issue 18: events (register is POST, cancel DELETE on one path), the glossary, labour law.
    "api:communities_events_api_list_events": {"": Case(query="country=cambodia", GET=PUBLIC)},
    "api:communities_events_api_get_event": {
        "public": Case({"event_id": "@event"}, GET=PUBLIC),
        "restricted": Case({"event_id": "@restricted_event"}, GET=every(NOT_FOUND)),
    },
    "api:communities_events_api_register": {
        "public": Case(
            {"event_id": "@event"},
            GET=POST_ONLY,
            POST=every(OK).but(UNAUTHORISED, *ANONYMOUS),
            json={},
        ),
        "restricted": Case(
            {"event_id": "@restricted_event"},
            GET=POST_ONLY,
            POST=every(NOT_FOUND).but(UNAUTHORISED, *ANONYMOUS),
            json={},
        ),
    },
    "api:communities_events_api_cancel": {"": Case({"event_id": "@event"}, GET=POST_ONLY)},
    "api:knowledge_api_glossary_glossary": {"": Case(query="q=term", GET=PUBLIC)},
    "api:knowledge_api_glossary_term": {
        "": Case({"slug": "@glossary_term"}, GET=PUBLIC),
        "unknown": Case({"slug": "no-such-term"}, GET=every(NOT_FOUND)),
    },
    "api:knowledge_api_labour_law_labour_law": {
        "": Case({"country": "@country"}, GET=PUBLIC),
        "unknown country": Case({"country": "atlantis"}, GET=every(NOT_FOUND)),
    },
    # Trainer development (issue 18): the directory and certificate checks are public.
    "api:communities_trainers_api_directory": {"": Case(query="country=cambodia", GET=PUBLIC)},
    "api:communities_trainers_api_verify": {"": Case({"number": "@certificate"}, GET=PUBLIC)},
    # The reader's own notifications, re-checked against what they may read now.
    "api:communities_api_list_notifications": {
        "": Case(GET=every(OK).but(UNAUTHORISED, *ANONYMOUS))
    },
    "api:communities_api_get_community": per_visibility(
        lambda v: Case(
            {"slug": f"@{v}"},
            GET=PUBLIC if v != "private" else every(NOT_FOUND).but(OK, *READERS),
        )
    ),
    "api:communities_api_list_threads": per_visibility(
        lambda v: Case({"slug": f"@{v}"}, GET=community_api(v, readable_by(v)))
    ),
    "api:communities_api_create_thread": per_visibility(
        lambda v: Case(
            {"slug": f"@{v}"},
            GET=community_api(v, readable_by(v)),  # the same URL lists the threads
            POST=community_api(v, READERS, CREATED, anonymous=UNAUTHORISED),
            json={"title": "Via the API", "body": "Hello."},
        )
    ),
    "api:communities_api_get_thread": {
        **per_visibility(
            lambda v: Case({"thread_id": f"@{v}_thread"}, GET=community_api(v, readable_by(v)))
        ),
        "hidden": Case({"thread_id": "@hidden_thread"}, GET=every(NOT_FOUND).but(OK, *MODERATORS)),
    },
    "api:communities_api_create_reply": per_visibility(
        lambda v: Case(
            {"thread_id": f"@{v}_thread"},
            GET=every(NOT_ALLOWED),
            POST=community_api(v, READERS, CREATED, anonymous=UNAUTHORISED),
            json={"body": "A reply through the API."},
        )
    ),
    # The caller's own account (PATCH, PUT and DELETE: tests/communities/test_api_tokens.py).
    **{
        f"api:communities_accounts_api_{name}": {
            "": Case(GET=every(OK).but(UNAUTHORISED, *ANONYMOUS))
        }
        for name in (
            "get_me",
            "update_me",
            "get_notification_preferences",
            "set_notification_preferences",
            "list_tokens",
        )
    },
    "api:communities_accounts_api_create_token": {
        "": Case(
            GET=every(OK).but(UNAUTHORISED, *ANONYMOUS),  # the same URL lists the tokens
            POST=every(CREATED).but(UNAUTHORISED, *ANONYMOUS),
            json={"name": "From the matrix", "scope": "read"},
        )
    },
    "api:communities_accounts_api_revoke_token": {
        "member's token": Case({"token_id": "@member_api_token"}, GET=POST_ONLY)
    },
    # Issue 16: every communities operation of the HTML site (communities/api/). PATCH and
    # DELETE operations are checked here for GET (405) only; tests/communities/test_api_*.py
    # send them as each role.
    "api:communities_api_list_posts": {
        **per_visibility(
            lambda v: Case({"thread_id": f"@{v}_thread"}, GET=community_api(v, readable_by(v)))
        ),
        "hidden": Case({"thread_id": "@hidden_thread"}, GET=every(NOT_FOUND).but(OK, *MODERATORS)),
    },
    "api:communities_api_upload_attachment": per_visibility(
        lambda v: Case(
            {"slug": f"@{v}"},
            GET=every(NOT_ALLOWED),
            # Whoever may post gets as far as the missing file (400).
            POST=community_api(v, READERS, BAD, anonymous=UNAUTHORISED),
            data={},
        )
    ),
    **{
        f"api:communities_api_{name}": per_visibility(
            lambda v: Case({"post_id": f"@{v}_post"}, GET=every(NOT_ALLOWED))
        )
        for name in ("edit_post",)  # PATCH
    },
    "api:communities_api_flag_post": per_visibility(
        lambda v: Case(
            {"post_id": f"@{v}_post"},
            GET=every(NOT_ALLOWED),
            POST=community_api(
                v, SIGNED_IN if v == "public" else READERS, CREATED, anonymous=UNAUTHORISED
            ),
            json={"reason": "spam", "detail": "Via the API"},
        )
    ),
    "api:communities_api_join_community": per_visibility(
        lambda v: Case(
            {"slug": f"@{v}"},
            GET=every(NOT_ALLOWED),
            POST=_join_api(v),
            json={"message": "Hello"},
        )
    ),
    **{
        f"api:communities_api_{name}": per_visibility(
            lambda v: Case({"slug": f"@{v}"}, GET=every(NOT_ALLOWED))
        )
        for name in ("cancel_join_request", "unfollow_community")  # DELETE
    },
    "api:communities_api_leave_community": per_visibility(
        lambda v: Case(
            {"slug": f"@{v}"},
            GET=every(NOT_ALLOWED),
            POST=community_api(v, ("member", "moderator"), NO_CONTENT, anonymous=UNAUTHORISED),
        )
    ),
    "api:communities_api_follow_community": per_visibility(
        lambda v: Case(
            {"slug": f"@{v}"},
            GET=every(NOT_ALLOWED),
            POST=community_api(
                v, SIGNED_IN if v == "public" else READERS, OK, anonymous=UNAUTHORISED
            ),
        )
    ),
    "api:communities_api_follow_thread": {
        **per_visibility(
            lambda v: Case(
                {"thread_id": f"@{v}_thread"},
                GET=every(NOT_ALLOWED),
                POST=community_api(
                    v, SIGNED_IN if v == "public" else READERS, OK, anonymous=UNAUTHORISED
                ),
            )
        ),
        "hidden": Case(
            {"thread_id": "@hidden_thread"},
            GET=every(NOT_ALLOWED),
            POST=every(NOT_FOUND).but(UNAUTHORISED, *ANONYMOUS).but(OK, *MODERATORS),
        ),
    },
    "api:communities_api_unfollow_thread": per_visibility(
        lambda v: Case({"thread_id": f"@{v}_thread"}, GET=every(NOT_ALLOWED))  # DELETE
    ),
    "api:communities_api_mark_all_notifications_read": {
        "": Case(GET=every(NOT_ALLOWED), POST=every(OK).but(UNAUTHORISED, *ANONYMOUS))
    },
    "api:communities_api_mark_notification_read": {
        "missing": Case(
            {"notification_id": "999999"},
            GET=every(NOT_ALLOWED),
            POST=every(NOT_FOUND).but(UNAUTHORISED, *ANONYMOUS),
        )
    },
    **{
        f"api:communities_api_{name}": per_visibility(
            lambda v: Case(
                {"slug": f"@{v}"}, GET=community_api(v, MODERATORS, anonymous=UNAUTHORISED)
            )
        )
        for name in ("list_flags", "list_join_requests", "list_members")
    },
    "api:communities_api_resolve_flag": per_visibility(
        lambda v: Case(
            {"flag_id": f"@{v}_flag"},
            GET=every(NOT_ALLOWED),
            POST=community_api(v, MODERATORS, NO_CONTENT, anonymous=UNAUTHORISED),
        )
    ),
    **{
        f"api:communities_api_{name}": per_visibility(
            lambda v: Case(
                {"post_id": f"@{v}_reply"},
                GET=every(NOT_ALLOWED),
                POST=community_api(v, MODERATORS, anonymous=UNAUTHORISED),
                json={"reason": "Off topic."},
            )
        )
        for name in ("hide_post", "unhide_post")
    },
    "api:communities_api_moderate_thread": per_visibility(
        lambda v: Case(
            {"thread_id": f"@{v}_thread"},
            GET=every(NOT_ALLOWED),
            POST=community_api(v, MODERATORS, anonymous=UNAUTHORISED),
            json={"action": "lock"},
        )
    ),
    "api:communities_api_decide_join_request": {
        "members": Case(
            {"slug": "@members", "request_id": "@join_request"},
            GET=every(NOT_ALLOWED),
            POST=community_api("members", MODERATORS, anonymous=UNAUTHORISED),
            json={"decision": "approve"},
        )
    },
    **{
        f"api:communities_api_{name}": per_visibility(
            lambda v: Case(
                {"slug": f"@{v}", "user_id": "@author_id"},
                GET=every(NOT_ALLOWED),
                POST=community_api(v, MODERATORS, anonymous=UNAUTHORISED),
            )
        )
        for name in ("suspend_member", "reinstate_member")
    },
    "api:communities_api_moderation_log": per_visibility(
        lambda v: Case({"slug": f"@{v}"}, GET=community_api(v, MODERATORS, anonymous=UNAUTHORISED))
    ),
    "api:communities_api_post_history": per_visibility(
        lambda v: Case(
            {"post_id": f"@{v}_post"}, GET=community_api(v, MODERATORS, anonymous=UNAUTHORISED)
        )
    ),
    "api:communities_api_move_thread": per_visibility(
        lambda v: Case(
            {"thread_id": f"@{v}_thread"},
            GET=every(NOT_ALLOWED),
            POST=community_api(v, MODERATORS, anonymous=UNAUTHORISED),
            json={"community": "@members" if v == "public" else "@public"},
        )
    ),
    "api:communities_api_invite": per_visibility(
        lambda v: Case(
            {"slug": f"@{v}"},
            GET=every(NOT_ALLOWED),
            POST=community_api(v, MODERATORS, CREATED, anonymous=UNAUTHORISED),
            json={"email": "new@example.org"},
        )
    ),
    "api:ims_bridge_api_aggregates": {"": Case(query="level=cluster", GET=PUBLIC)},
    "api:ims_bridge_api_transparency": {"": Case(query="country=cambodia", GET=PUBLIC)},
    "api:ims_bridge_api_factories": {"": Case(GET=every(OK).but(UNAUTHORISED, *ANONYMOUS))},
    "api:ims_bridge_api_factory_report": {
        "shared factory": Case(
            {"star_id": "@factory"},
            GET=every(NOT_FOUND).but(UNAUTHORISED, *ANONYMOUS).but(OK, *FACTORY_F1_READERS),
        ),
        "other factory": Case(
            {"star_id": "@other_factory"},
            GET=every(NOT_FOUND).but(UNAUTHORISED, *ANONYMOUS).but(OK, "superuser"),
        ),
    },
    "api:ims_bridge_api_country": {"": Case({"slug": "@country"}, GET=PUBLIC)},
    # A factory's buyer grants: its users list and manage them, programme staff list them, a
    # buyer who sees the factory is refused (403), anyone who cannot see it gets 404.
    "api:ims_bridge_api_list_grants": {
        "shared factory": Case({"star_id": "@factory"}, GET=GRANT_READERS),
        "other factory": Case({"star_id": "@other_factory"}, GET=API_V1),
    },
    "api:ims_bridge_api_create_grant": {
        "shared factory": Case(
            {"star_id": "@factory"},
            GET=GRANT_READERS,  # the same URL lists them
            POST=API_REFUSED.but(FORBIDDEN, "buyer_with", "country_staff", "superuser").but(
                CREATED, "factory_user"
            ),
            json={"buyer": "sec-buyer-without"},
        ),
        "other factory": Case(
            {"star_id": "@other_factory"},
            GET=API_V1,
            POST=API_REFUSED.but(FORBIDDEN, "superuser"),
            json={"buyer": "sec-buyer-without"},
        ),
    },
    # DELETE (tests/ims_bridge/test_grants_api.py); "999999" is no grant.
    "api:ims_bridge_api_revoke_grant": {
        "missing grant": Case({"star_id": "@factory", "grant_id": "999999"}, GET=every(NOT_ALLOWED))
    },
    "api:search_api_search": {"": Case(query="q=thread", GET=PUBLIC)},
    "api:search_api_autocomplete": {"": Case(query="q=sec", GET=PUBLIC)},
    # --- Wagtail's content API (portal/api_content.py): public content, the same for everybody;
    # a page or document under any restriction is not found, even by those who may read it on
    # the site (tests/portal/test_api_content.py).
    **{
        f"wagtailapi:{name}:listing": {"": Case(GET=PUBLIC, POST=every(NOT_ALLOWED))}
        for name in ("pages", "images", "documents")
    },
    "wagtailapi:pages:detail": {
        "public": Case({"pk": "@resource_id"}, GET=PUBLIC),
        "restricted": Case({"pk": "@private_resource_id"}, GET=every(NOT_FOUND)),
        "password": Case({"pk": "@password_page"}, GET=every(NOT_FOUND)),
    },
    "wagtailapi:pages:find": {
        "public": Case(query="html_path=/en/", GET=every(REDIRECT)),
        "restricted": Case(query="html_path={private_page_path}", GET=every(NOT_FOUND)),
        "restricted by id": Case(query="id={private_resource_id}", GET=every(NOT_FOUND)),
    },
    "wagtailapi:documents:detail": {
        "public": Case({"pk": "@public_document"}, GET=PUBLIC),
        "restricted": Case({"pk": "@private_document"}, GET=every(NOT_FOUND)),
    },
    "wagtailapi:documents:find": {
        "public": Case(query="id={public_document}", GET=every(REDIRECT)),
        "restricted": Case(query="id={private_document}", GET=every(NOT_FOUND)),
    },
    "wagtailapi:images:detail": {"": Case({"pk": "999999"}, GET=every(NOT_FOUND))},
    "wagtailapi:images:find": {"": Case(query="id=999999", GET=every(NOT_FOUND))},
    # The headless front end's preview: the signed token is the only key (test_headless_preview).
    "wagtailapi:page_preview:listing": {
        "no token": Case(GET=every(BAD), POST=every(NOT_ALLOWED)),
        "bad token": Case(
            query="content_type=portal.standardpage&token=1:abc:def", GET=every(NOT_FOUND)
        ),
    },
    # --- project-level views --------------------------------------------------------------------
    "health": {"": Case(GET=PUBLIC)},
    "favicon": {"": Case(GET=every(REDIRECT))},
    "sitemap_index": {"": Case(GET=PUBLIC)},
    "sitemap": {
        "language": Case({"section": "fr"}, GET=PUBLIC),
        "unknown": Case({"section": "xx"}, GET=every(NOT_FOUND)),
    },
    "search:search": {"": Case(query="q=thread", GET=PUBLIC)},
    "search:suggest": {"": Case(query="q=sec", GET=PUBLIC)},
    # --- communities ----------------------------------------------------------------------------
    "communities:list": {"": Case(GET=PUBLIC)},
    "communities:discuss": {
        # No thread about the page yet: GET asks to confirm, POST starts the thread.
        "": Case(
            query="page={discuss_page}",
            GET=every(OK).but(LOGIN, *ANONYMOUS),
            POST=every(REDIRECT).but(LOGIN, *ANONYMOUS),
            data={},
        )
    },
    "communities:notifications": {
        "": Case(GET=SIGNED_IN_ONLY, POST=every(REDIRECT).but(LOGIN, *ANONYMOUS), data={})
    },
    "communities:unsubscribe": {
        # The signed token is the credential (the link in an e-mail), whoever follows it.
        "": Case({"token": "@unsubscribe_token"}, GET=PUBLIC, POST=PUBLIC, data={})
    },
    # The newsletter: anyone subscribes (the answer is the same for every address); the signed
    # links are the credential, whoever follows them; a reader's own subscription needs sign-in.
    "newsletter:subscribe": {
        "": Case(
            GET=PUBLIC,
            POST=PUBLIC,
            data={"email": "sec-someone@example.org", "language": "en", "frequency": "weekly"},
        )
    },
    "newsletter:confirm": {
        "": Case({"token": "@newsletter_confirm_token"}, GET=PUBLIC, POST=PUBLIC, data={})
    },
    "newsletter:unsubscribe": {
        "": Case({"token": "@newsletter_unsubscribe_token"}, GET=PUBLIC, POST=PUBLIC, data={})
    },
    "newsletter:account": {
        "": Case(
            GET=SIGNED_IN_ONLY,
            POST=every(OK).but(LOGIN, *ANONYMOUS),
            data={"language": "en", "frequency": "weekly"},
        )
    },
    "communities:person": {"": Case({"username": "@author"}, GET=PUBLIC)},
    # --- trainer development (issue 18): the member is the world's trainer ----------------
    "trainers:directory": {"": Case(query="language=en", GET=PUBLIC)},
    "trainers:verify_lookup": {"": Case(GET=PUBLIC)},
    "trainers:verify": {"": Case({"number": "@certificate"}, GET=PUBLIC)},
    # Only its trainer and trainer coordinators (view_certificate) download the PDF.
    "trainers:certificate_pdf": {
        "": Case(
            {"number": "@certificate"},
            GET=every(FORBIDDEN).but(LOGIN, *ANONYMOUS).but(OK, "member", "superuser"),
        )
    },
    # Writing to a listed trainer: signed in (the message is e-mailed to them).
    "trainers:contact": {
        "": Case(
            {"pk": "@trainer"},
            GET=SIGNED_IN_ONLY,
            POST=every(REDIRECT).but(LOGIN, *ANONYMOUS),
            data={"message": "We need supervisor training for our factory in Phnom Penh."},
        )
    },
    # One's own trainer profile: an account without one is told so (404).
    "trainers:profile": {
        "": Case(
            GET=every(NOT_FOUND).but(LOGIN, *ANONYMOUS).but(OK, "member"),
            POST=every(NOT_FOUND).but(LOGIN, *ANONYMOUS).but(REDIRECT, "member"),
            data={"name": "Sec Trainer", "bio": "Trains supervisors."},
        )
    },
    "communities:attachment": per_visibility(
        lambda v: Case(
            {"pk": f"@{v}_attachment", "token": f"@{v}_attachment_token"},
            GET=community(v, readable_by(v)),
        )
    ),
    "communities:invitation": {
        # The invitation is for guest@example.org, which no role's account has: accepting it
        # is refused (issue 12, part 3); signed out, the page offers to sign in or up.
        "": Case(
            {"token": "@invitation_token"},
            GET=every(FORBIDDEN).but(OK, *ANONYMOUS),
            POST=every(FORBIDDEN).but(OK, *ANONYMOUS),
            data={},
        )
    },
    "communities:edit_post": per_visibility(
        lambda v: Case(
            {"pk": f"@{v}_post"},
            GET=community(v, MODERATORS),
            POST=community(v, MODERATORS, REDIRECT),
            data={"body": "Edited.", "title": "Edited title"},
        )
    ),
    "communities:post_history": per_visibility(
        lambda v: Case({"pk": f"@{v}_post"}, GET=community(v, MODERATORS))
    ),
    "communities:hide_post": _moderation_write(lambda v: {"pk": f"@{v}_reply"}, {"reason": "x"}),
    "communities:unhide_post": _moderation_write(lambda v: {"pk": f"@{v}_reply"}),
    "communities:flag_post": per_visibility(
        lambda v: Case(
            {"pk": f"@{v}_post"},
            GET=every(NOT_ALLOWED),
            POST=community(v, SIGNED_IN if v == "public" else READERS, REDIRECT),
            data={"reason": "spam"},
        )
    ),
    "communities:resolve_flag": _moderation_write(lambda v: {"pk": f"@{v}_flag"}),
    "communities:community": per_visibility(
        lambda v: Case({"slug": f"@{v}"}, GET=community(v, ROLES if v != "private" else READERS))
    ),
    "communities:join": per_visibility(
        lambda v: Case(
            {"slug": f"@{v}"},
            GET=every(NOT_ALLOWED),
            POST=community(v, SIGNED_IN if v != "private" else READERS, REDIRECT),
            data={"message": "Hello"},
        )
    ),
    "communities:leave": per_visibility(
        lambda v: Case(
            {"slug": f"@{v}"},
            GET=every(NOT_ALLOWED),
            # Only a member can leave; anyone else who may know the community is refused.
            POST=community(v, ("member", "moderator"), REDIRECT),
            data={},
        )
    ),
    "communities:follow": per_visibility(
        lambda v: Case(
            {"slug": f"@{v}"},
            GET=every(NOT_ALLOWED),
            POST=community(v, SIGNED_IN if v == "public" else READERS, REDIRECT),
            data={},
        )
    ),
    "communities:new_thread": per_visibility(
        lambda v: Case(
            {"slug": f"@{v}"},
            GET=community(v, READERS),
            POST=community(v, READERS, REDIRECT),
            data={"title": "New thread", "body": "Its first post."},
        )
    ),
    "communities:moderation": per_visibility(
        lambda v: Case({"slug": f"@{v}"}, GET=community(v, MODERATORS))
    ),
    "communities:invite": _moderation_write(
        lambda v: {"slug": f"@{v}"}, {"email": "new@example.org"}
    ),
    "communities:decide_request": {
        "members": Case(
            {"slug": "@members", "pk": "@join_request", "decision": "approve"},
            GET=every(NOT_ALLOWED),
            POST=community("members", MODERATORS, REDIRECT),
            data={},
        )
    },
    "communities:suspend": _moderation_write(lambda v: {"slug": f"@{v}", "user_id": "@author_id"}),
    "communities:reinstate": _moderation_write(
        lambda v: {"slug": f"@{v}", "user_id": "@author_id"}
    ),
    "communities:thread": {
        **per_visibility(
            lambda v: Case(
                {"slug": f"@{v}", "pk": f"@{v}_thread"}, GET=community(v, readable_by(v))
            )
        ),
        # A thread whose opening post a moderator hid is hidden, title included.
        "hidden": Case(
            {"slug": "@public", "pk": "@hidden_thread"},
            GET=every(NOT_FOUND).but(OK, *MODERATORS),
        ),
    },
    "communities:reply": per_visibility(
        lambda v: Case(
            {"slug": f"@{v}", "pk": f"@{v}_thread"},
            GET=community(v, READERS, REDIRECT),
            POST=community(v, READERS, REDIRECT),
            data={"body": "A reply."},
        )
    ),
    "communities:follow_thread": per_visibility(
        lambda v: Case(
            {"slug": f"@{v}", "pk": f"@{v}_thread"},
            GET=every(NOT_ALLOWED),
            POST=community(v, SIGNED_IN if v == "public" else READERS, REDIRECT),
            data={},
        )
    ),
    "communities:move_thread": per_visibility(
        lambda v: Case(
            {"slug": f"@{v}", "pk": f"@{v}_thread"},
            GET=every(NOT_ALLOWED),
            POST=community(v, MODERATORS, REDIRECT),
            data={"community": "@public_pk" if v != "public" else "@members_pk"},
        )
    ),
    "communities:moderate_thread": _moderation_write(
        lambda v: {"slug": f"@{v}", "pk": f"@{v}_thread", "action": "lock"}
    ),
    # --- accounts -------------------------------------------------------------------------------
    "accounts:signup": {
        "": Case(
            GET=every(REDIRECT).but(OK, *ANONYMOUS),
            POST=every(REDIRECT).but(OK, *ANONYMOUS),
            data={
                "username": "newcomer",
                "email": "newcomer@example.org",
                "display_name": "Newcomer",
                "password1": "a-Long-pass-phrase-9",
                "password2": "a-Long-pass-phrase-9",
            },
        )
    },
    "accounts:verify": {
        "": Case({"token": "@verify_token"}, GET=PUBLIC, POST=every(REDIRECT), data={})
    },
    "accounts:login": {"": Case(GET=every(REDIRECT).but(OK, *ANONYMOUS))},
    "accounts:logout": {"": Case(GET=every(NOT_ALLOWED))},
    "accounts:password_reset": {"": Case(GET=PUBLIC)},
    # Wagtail's "forgot password" form, throttled like the portal's (portal/throttling).
    "wagtailadmin_password_reset": {"": Case(GET=PUBLIC)},
    "accounts:password_reset_done": {"": Case(GET=PUBLIC)},
    "accounts:password_reset_confirm": {
        "": Case({"uidb64": "@reset_uid", "token": "@reset_token"}, GET=every(REDIRECT))
    },
    "accounts:password_reset_complete": {"": Case(GET=PUBLIC)},
    "accounts:profile": {
        "": Case(
            GET=SIGNED_IN_ONLY,
            POST=every(REDIRECT).but(LOGIN, *ANONYMOUS),
            data={"display_name": "Me", "organisation": "", "country": "", "bio": ""},
        )
    },
    "accounts:preferences": {
        "": Case(
            GET=SIGNED_IN_ONLY,
            POST=every(REDIRECT).but(LOGIN, *ANONYMOUS),
            data={"email_mode": "daily"},
        )
    },
    # Personal API tokens on the profile page: the new key is shown in the POST's answer.
    "accounts:token_create": {
        "": Case(
            GET=POST_ONLY,
            POST=every(OK).but(LOGIN, *ANONYMOUS),
            data={"name": "From the matrix", "scope": "read"},
        )
    },
    "accounts:token_revoke": {
        "member's token": Case(
            {"pk": "@member_api_token"},
            GET=POST_ONLY,
            POST=every(NOT_FOUND).but(LOGIN, *ANONYMOUS).but(REDIRECT, "member"),
            data={},
        )
    },
    # --- Wagtail front-end utilities ------------------------------------------------------------
    "wagtailcore_authenticate_with_password": {
        "": Case(
            {"page_view_restriction_id": "@password_restriction", "page_id": "@password_page"},
            GET=PUBLIC,
        )
    },
    "wagtailcore_login": {"": Case(GET=PUBLIC)},
    # --- pages ----------------------------------------------------------------------------------
    "page:portal.HomePage": {"": Case({"page_path": "@page:portal.HomePage"}, GET=PUBLIC)},
    "page:portal.StandardPage": {
        "": Case({"page_path": "@page:portal.StandardPage"}, GET=PUBLIC),
        "password-protected": Case({"page_path": "@password_page_path"}, GET=PUBLIC),
    },
    "page:portal.CountryIndexPage": {
        "": Case({"page_path": "@page:portal.CountryIndexPage"}, GET=PUBLIC)
    },
    "page:portal.CountryPage": {"": Case({"page_path": "@page:portal.CountryPage"}, GET=PUBLIC)},
    "page:knowledge.ResourceLibraryPage": {
        "": Case(
            {"page_path": "@page:knowledge.ResourceLibraryPage"},
            query="country=cambodia",
            GET=PUBLIC,
        )
    },
    **{
        key: cases
        for label in RESOURCE_LABELS
        for key, cases in _resource_routes(label, f"material:{label}").items()
    },
    # Outside the page (which is cached for anonymous readers): a same-origin POST, no token.
    "knowledge:tool_progress": {
        "": Case(
            {"page_id": "@tool_pk"},
            GET=every(NOT_ALLOWED),
            POST=every(REDIRECT),
            data={"step": "0", "done": "1"},
        ),
        "restricted": Case(
            {"page_id": "@private_tool_pk"},
            GET=every(NOT_ALLOWED),
            POST=every(LOGIN).but(REDIRECT, "editor", "superuser"),
            data={"step": "0", "done": "1"},
        ),
        "unknown page": Case(
            {"page_id": "999999"},
            GET=every(NOT_ALLOWED),
            POST=every(NOT_FOUND),
            data={"step": "0", "done": "1"},
        ),
    },
    f"{GUIDE}:detail": {
        "": Case({"page_path": "@page:knowledge.GoodPracticeGuidePage"}, GET=PUBLIC),
        "restricted": Case({"page_path": "@private_page_path"}, GET=PRIVATE_PAGE),
    },
    f"{GUIDE}:download": {
        "": Case(
            {
                "page_path": "@page:knowledge.GoodPracticeGuidePage",
                "material_id": "@material:knowledge.GoodPracticeGuidePage",
            },
            GET=PUBLIC,
        ),
        "restricted": Case(
            {"page_path": "@private_page_path", "material_id": "@private_material"},
            GET=PRIVATE_PAGE,
        ),
    },
    f"{GUIDE}:bundle": {
        "": Case({"page_path": "@page:knowledge.GoodPracticeGuidePage"}, GET=PUBLIC),
        "restricted": Case({"page_path": "@private_page_path"}, GET=PRIVATE_PAGE),
    },
    f"{COMPLIANCE}:comparison": {"": Case(COMPLIANCE_PAGE, GET=PUBLIC)},
    f"{COMPLIANCE}:comparison_csv": {"": Case(COMPLIANCE_PAGE, GET=PUBLIC)},
    f"{COMPLIANCE}:transparency": {"": Case(COMPLIANCE_PAGE, GET=PUBLIC)},
    f"{COMPLIANCE}:dashboard": {"": Case(COMPLIANCE_PAGE, GET=SIGNED_IN_ONLY)},
    f"{COMPLIANCE}:country": {"": Case({**COMPLIANCE_PAGE, "slug": "@country"}, GET=PUBLIC)},
    f"{COMPLIANCE}:country_csv": {
        "": Case({**COMPLIANCE_PAGE, "slug": "@country", "table": "clusters"}, GET=PUBLIC)
    },
    **{
        f"{COMPLIANCE}:{route}": {
            "shared factory": Case({**COMPLIANCE_PAGE, "star_id": "@factory"}, GET=F1),
            "other factory": Case({**COMPLIANCE_PAGE, "star_id": "@other_factory"}, GET=V1),
        }
        for route in ("factory", "factory_csv", "factory_pdf")
    },
    f"{COMPLIANCE}:factory_access": {
        "shared factory": Case(
            {**COMPLIANCE_PAGE, "star_id": "@factory"},
            GET=every(NOT_FOUND).but(LOGIN, *ANONYMOUS).but(OK, "factory_user"),
            POST=every(NOT_FOUND).but(LOGIN, *ANONYMOUS).but(REDIRECT, "factory_user"),
            data={"buyer": "sec-buyer-without", "expires": ""},
        ),
        "other factory": Case(
            {**COMPLIANCE_PAGE, "star_id": "@other_factory"},
            GET=every(NOT_FOUND).but(LOGIN, *ANONYMOUS),
            POST=every(NOT_FOUND).but(LOGIN, *ANONYMOUS),
            data={"buyer": "sec-buyer-without", "expires": ""},
        ),
    },
    # --- enterprise (ims_bridge/enterprise) ---------------------------------------------------
    "enterprise:factories": {"": Case(GET=every(OK).but(LOGIN, *ANONYMOUS))},
    "enterprise:dashboard": {
        "shared factory": Case({"star_id": "@factory"}, GET=F1),
        "other factory": Case({"star_id": "@other_factory"}, GET=V1),
    },
    "api:ims_bridge_enterprise_api_factories": {
        "": Case(GET=every(OK).but(UNAUTHORISED, *ANONYMOUS))
    },
    "api:ims_bridge_enterprise_api_factory": {
        "shared factory": Case(
            {"star_id": "@factory"},
            GET=every(NOT_FOUND).but(UNAUTHORISED, *ANONYMOUS).but(OK, *FACTORY_F1_READERS),
        ),
        "other factory": Case(
            {"star_id": "@other_factory"},
            GET=every(NOT_FOUND).but(UNAUTHORISED, *ANONYMOUS).but(OK, "superuser"),
        ),
    },
    # --- enterprise: self-assessment (ims_bridge/enterprise/views/self_assessment) ----------
    # No self-assessment exists in the world: "missing" is an id of none, so a role allowed
    # past the factory and role checks gets 404, and the checks' 403s show before it.
    **{
        f"enterprise:{name}": {
            "shared factory": Case(
                {"star_id": "@factory", **params},
                GET=get_f1,
                POST=post_f1,
                data={"step": "1"},
            ),
            "other factory": Case(
                {"star_id": "@other_factory", **params},
                GET=get_v1,
                POST=post_v1,
                data={"step": "1"},
            ),
        }
        for name, params, get_f1, post_f1, get_v1, post_v1 in (
            (
                "self_assessments",
                {},
                F1,
                None,
                V1,
                None,
            ),
            (
                "self_assessment_start",
                {},
                every(NOT_ALLOWED).but(LOGIN, *ANONYMOUS),
                every(NOT_FOUND)
                .but(LOGIN, *ANONYMOUS)
                .but(FORBIDDEN, "buyer_with", "country_staff", "superuser")
                .but(REDIRECT, "factory_user"),
                every(NOT_ALLOWED).but(LOGIN, *ANONYMOUS),
                every(NOT_FOUND).but(LOGIN, *ANONYMOUS).but(FORBIDDEN, "superuser"),
            ),
            *(
                (
                    name,
                    {"pk": "999999"},
                    get,
                    every(NOT_FOUND)
                    .but(LOGIN, *ANONYMOUS)
                    .but(FORBIDDEN, "buyer_with", "country_staff", "superuser"),
                    get_other,
                    every(NOT_FOUND).but(LOGIN, *ANONYMOUS).but(FORBIDDEN, "superuser"),
                )
                for name, get, get_other in (
                    (
                        "self_assessment",
                        every(NOT_FOUND)
                        .but(LOGIN, *ANONYMOUS)
                        .but(FORBIDDEN, "buyer_with", "country_staff", "superuser"),
                        every(NOT_FOUND).but(LOGIN, *ANONYMOUS).but(FORBIDDEN, "superuser"),
                    ),
                    (
                        "self_assessment_share",
                        every(NOT_FOUND)
                        .but(LOGIN, *ANONYMOUS)
                        .but(FORBIDDEN, "buyer_with", "country_staff", "superuser"),
                        every(NOT_FOUND).but(LOGIN, *ANONYMOUS).but(FORBIDDEN, "superuser"),
                    ),
                    (
                        "self_assessment_submit",
                        every(NOT_ALLOWED).but(LOGIN, *ANONYMOUS),
                        every(NOT_ALLOWED).but(LOGIN, *ANONYMOUS),
                    ),
                )
            ),
            *(
                (
                    name,
                    {"pk": "999999"},
                    every(NOT_FOUND).but(LOGIN, *ANONYMOUS),
                    None,
                    every(NOT_FOUND).but(LOGIN, *ANONYMOUS),
                    None,
                )
                for name in ("self_assessment_result", "self_assessment_result_pdf")
            ),
            (
                "self_assessment_compare",
                {"pk": "999999"},
                every(NOT_FOUND).but(LOGIN, *ANONYMOUS).but(FORBIDDEN, "buyer_with"),
                None,
                every(NOT_FOUND).but(LOGIN, *ANONYMOUS),
                None,
            ),
        )
    },
    **{
        f"api:ims_bridge_enterprise_api_self_assessment_{name}": {
            "shared factory": Case(
                {"star_id": "@factory", **params}, GET=get_f1, POST=post_f1, json=body
            ),
            "other factory": Case(
                {"star_id": "@other_factory", **params}, GET=get_v1, POST=post_v1, json=body
            ),
        }
        for name, params, get_f1, post_f1, get_v1, post_v1, body in (
            ("self_assessments", {}, API_F1, None, API_V1, None, None),
            (
                "start_self_assessment",
                {},
                API_F1,  # the same URL lists them
                API_REFUSED.but(FORBIDDEN, "buyer_with", "country_staff", "superuser").but(
                    CREATED, "factory_user"
                ),
                API_V1,
                API_REFUSED.but(FORBIDDEN, "superuser"),
                None,
            ),
            (
                "self_assessment",
                {"pk": "999999"},
                API_REFUSED.but(FORBIDDEN, "buyer_with"),
                None,
                API_REFUSED,
                None,
                None,
            ),
            (
                "self_assessment_result",
                {"pk": "999999"},
                API_REFUSED,
                None,
                API_REFUSED,
                None,
                None,
            ),
            (
                "compare_self_assessment",
                {"pk": "999999"},
                API_REFUSED.but(FORBIDDEN, "buyer_with"),
                None,
                API_REFUSED,
                None,
                None,
            ),
            *(
                (
                    name,
                    {"pk": "999999"},
                    every(NOT_ALLOWED),
                    API_REFUSED.but(FORBIDDEN, "buyer_with", "country_staff", "superuser"),
                    every(NOT_ALLOWED),
                    API_REFUSED.but(FORBIDDEN, "superuser"),
                    body,
                )
                for name, body in (
                    ("save_answers", {"answers": [{"question": 1, "value": 1}]}),
                    ("submit_self_assessment", None),
                )
            ),
        )
    },
    # --- enterprise: capacity (trainings, indicators, progress report) -------------------------
    # No training exists in the world: edit/delete address a missing one (404 once allowed).
    **{
        f"enterprise:{name}": {"shared factory": Case({"star_id": "@factory"}, GET=F1)}
        for name in ("progress", "progress_csv", "progress_pdf")
    },
    "enterprise:trainings": {
        "shared factory": Case(
            {"star_id": "@factory"},
            GET=F1,
            POST=F1.but(REDIRECT, "factory_user", "country_staff", "superuser").but(
                FORBIDDEN, "buyer_with"
            ),
            data={
                "programme": "Matrix training",
                "start_date": "2022-01-05",
                "managers": "0",
                "supervisors": "0",
                "workers": "2",
                "women": "1",
                "men": "1",
            },
        )
    },
    "enterprise:training_edit": {
        "missing training": Case(
            {"star_id": "@factory", "pk": "999999"},
            GET=F1.but(NOT_FOUND, "factory_user", "country_staff", "superuser").but(
                FORBIDDEN, "buyer_with"
            ),
            POST=F1.but(NOT_FOUND, "factory_user", "country_staff", "superuser").but(
                FORBIDDEN, "buyer_with"
            ),
            data={"programme": "X"},
        )
    },
    "enterprise:training_delete": {
        "missing training": Case(
            {"star_id": "@factory", "pk": "999999"},
            GET=POST_ONLY,
            POST=F1.but(NOT_FOUND, "factory_user", "country_staff", "superuser").but(
                FORBIDDEN, "buyer_with"
            ),
        )
    },
    **{  # buyers read indicators only when the factory shares them (not in the world)
        f"enterprise:{name}": {
            "shared factory": Case({"star_id": "@factory"}, GET=F1.but(FORBIDDEN, "buyer_with"))
        }
        for name in ("indicators_csv",)
    },
    "enterprise:indicators": {
        "shared factory": Case(
            {"star_id": "@factory"},
            GET=F1.but(FORBIDDEN, "buyer_with"),
            POST=F1.but(FORBIDDEN, "buyer_with", "country_staff", "superuser").but(
                REDIRECT, "factory_user"
            ),
            data={"month": "2022-01", "value_efficiency": "70"},
        )
    },
    "enterprise:indicators_upload": {
        "shared factory": Case(
            {"star_id": "@factory"},
            GET=F1.but(FORBIDDEN, "buyer_with", "country_staff", "superuser"),
            POST=F1.but(FORBIDDEN, "buyer_with", "country_staff", "superuser").but(
                BAD,
                "factory_user",  # no file
            ),
            data={},
        )
    },
    "enterprise:sharing": {
        "shared factory": Case(
            {"star_id": "@factory"},
            GET=F1.but(FORBIDDEN, "buyer_with"),
            POST=F1.but(FORBIDDEN, "buyer_with", "country_staff", "superuser").but(
                REDIRECT, "factory_user"
            ),
            data={"indicators_with_buyers": "on"},
        )
    },
    **{
        f"api:ims_bridge_enterprise_api_capacity_{name}": {
            "shared factory": Case({"star_id": "@factory"}, GET=F1_API)
        }
        for name in ("trainings", "progress")
    },
    "api:ims_bridge_enterprise_api_capacity_training_create": {
        "shared factory": Case(
            {"star_id": "@factory"},
            GET=F1_API,  # the same URL lists the trainings
            POST=F1_API.but(CREATED, "factory_user", "country_staff", "superuser").but(
                FORBIDDEN, "buyer_with"
            ),
            json={"programme": "Via the API", "start_date": "2022-02-01", "workers": 1, "men": 1},
        )
    },
    "api:ims_bridge_enterprise_api_capacity_indicators": {
        "shared factory": Case({"star_id": "@factory"}, GET=F1_API.but(FORBIDDEN, "buyer_with"))
    },
    "api:ims_bridge_enterprise_api_capacity_indicators_month": {
        "shared factory": Case({"star_id": "@factory", "month": "2022-01"}, GET=POST_ONLY)
    },
    "api:ims_bridge_enterprise_api_capacity_indicators_upload": {
        "shared factory": Case(
            {"star_id": "@factory"},
            GET=POST_ONLY,
            POST=F1_API.but(FORBIDDEN, "buyer_with", "country_staff", "superuser").but(
                OK, "factory_user"
            ),
            json={"csv": "month,indicator,value\n2022-01,efficiency,70\n"},
        )
    },
    # --- enterprise: improvement plans (ims_bridge/enterprise/views/plans, api/plans.py) ----
    # A missing action or file ("999999") is a 404 once the role may act at all; a refused or
    # misaddressed write is checked before the read is logged.
    **{
        f"enterprise:{name}": {"shared factory": Case({"star_id": "@factory"}, GET=F1)}
        for name in ("plan", "plan_timeline")
    },
    "enterprise:plan_notifications": {
        "shared factory": Case(
            {"star_id": "@factory"}, GET=F1, POST=F1.but(REDIRECT, *FACTORY_F1_READERS), data={}
        )
    },
    "enterprise:plan_action": {
        "missing action": Case(
            {"star_id": "@factory", "pk": "999999"}, GET=every(NOT_FOUND).but(LOGIN, *ANONYMOUS)
        )
    },
    **{
        f"enterprise:{name}": {
            "missing action": Case(
                {"star_id": "@factory", "pk": "999999"},
                GET=every(NOT_FOUND).but(LOGIN, *ANONYMOUS).but(FORBIDDEN, "buyer_with"),
                POST=every(NOT_FOUND).but(LOGIN, *ANONYMOUS).but(FORBIDDEN, "buyer_with"),
                data={"status": "completed"},
            )
        }
        for name in ("plan_action_edit", "plan_evidence_upload")
    },
    "enterprise:plan_evidence_download": {
        "missing file": Case(
            {"star_id": "@factory", "pk": "999999"},
            GET=every(NOT_FOUND).but(LOGIN, *ANONYMOUS).but(FORBIDDEN, "buyer_with"),
        )
    },
    "enterprise:plan_action_add": {
        "shared factory": Case(
            {"star_id": "@factory"},
            GET=F1.but(FORBIDDEN, "buyer_with"),
            POST=F1.but(FORBIDDEN, "buyer_with").but(
                BAD, "factory_user", "country_staff", "superuser"
            ),
            data={"action": ""},
        )
    },
    "enterprise:plan_from_results": {
        "shared factory": Case(
            {"star_id": "@factory"},
            GET=F1.but(FORBIDDEN, "buyer_with"),
            POST=F1.but(FORBIDDEN, "buyer_with").but(
                BAD, "factory_user", "country_staff", "superuser"
            ),
            data={"kind": "assessment", "source": "0"},
        )
    },
    "enterprise:plan_participants": {
        "shared factory": Case(
            {"star_id": "@factory"},
            GET=F1.but(FORBIDDEN, "buyer_with"),
            POST=F1.but(FORBIDDEN, "buyer_with", "country_staff", "superuser").but(
                BAD, "factory_user"
            ),
            data={"name": ""},
        )
    },
    "api:ims_bridge_enterprise_api_plans_list_actions": {
        "shared factory": Case({"star_id": "@factory"}, GET=F1_API)
    },
    "api:ims_bridge_enterprise_api_plans_create_action": {
        "shared factory": Case(
            {"star_id": "@factory"},
            GET=F1_API,  # the same URL lists the actions
            POST=F1_API.but(FORBIDDEN, "buyer_with").but(
                BAD, "factory_user", "country_staff", "superuser"
            ),
            json={"compliance_point_id": 0, "action": "Via the API"},
        )
    },
    **{
        f"api:ims_bridge_enterprise_api_plans_{name}": {
            "missing action": Case(
                {"star_id": "@factory", "pk": "999999"},
                GET=every(NOT_FOUND).but(UNAUTHORISED, *ANONYMOUS),
            )
        }
        for name in ("get_action", "update_action")  # PATCH: tests/enterprise/test_plans_api.py
    },
    "api:ims_bridge_enterprise_api_plans_from_results": {
        "shared factory": Case(
            {"star_id": "@factory"},
            GET=every(NOT_ALLOWED),
            POST=F1_API.but(FORBIDDEN, "buyer_with").but(
                BAD, "factory_user", "country_staff", "superuser"
            ),
            json={"assessment_id": 0, "compliance_point_ids": [1]},
        )
    },
    "api:ims_bridge_enterprise_api_plans_participants": {
        "shared factory": Case({"star_id": "@factory"}, GET=F1_API.but(FORBIDDEN, "buyer_with"))
    },
    # --- enterprise API operations of issue 13 (PUT/PATCH/DELETE: tests/enterprise/
    # test_api_operations.py). Nothing "999999" exists: a 404 once the role may act at all.
    **{
        f"api:ims_bridge_enterprise_api_self_assessment_{name}": {
            "missing self-assessment": Case(
                {"star_id": "@factory", "pk": "999999"},
                GET=API_REFUSED.but(FORBIDDEN, "buyer_with", "country_staff", "superuser"),
            )
        }
        for name in ("self_assessment_sharing", "share_self_assessment")
    },
    "api:ims_bridge_enterprise_api_plans_add_participant": {
        "shared factory": Case(
            {"star_id": "@factory"},
            GET=F1_API.but(FORBIDDEN, "buyer_with"),  # the same URL lists them
            POST=F1_API.but(FORBIDDEN, "buyer_with", "country_staff", "superuser").but(
                BAD, "factory_user"
            ),
            json={"name": "", "side": "workers"},
        )
    },
    "api:ims_bridge_enterprise_api_plans_remove_participant": {
        "missing participant": Case({"star_id": "@factory", "pk": "999999"}, GET=POST_ONLY)
    },
    **{
        f"api:ims_bridge_enterprise_api_plans_{name}": {
            "": Case(
                GET=every(OK)
                .but(UNAUTHORISED, *ANONYMOUS)
                .but(FORBIDDEN, *(r for r in SIGNED_IN if r not in ENTERPRISE_FOLLOWERS))
            )
        }
        for name in ("notifications", "set_notifications")
    },
    **{
        f"api:ims_bridge_enterprise_api_evidence_{name}": {
            "missing action": Case(
                {"star_id": "@factory", "pk": "999999"},
                GET=API_REFUSED.but(FORBIDDEN, "buyer_with"),
                POST=API_REFUSED.but(FORBIDDEN, "buyer_with"),
            )
        }
        for name in ("list_evidence", "upload_evidence")
    },
    "api:ims_bridge_enterprise_api_evidence_download_evidence": {
        "missing file": Case(
            {"star_id": "@factory", "pk": "999999"}, GET=API_REFUSED.but(FORBIDDEN, "buyer_with")
        )
    },
    **{
        f"api:ims_bridge_enterprise_api_capacity_{name}": {
            "missing training": Case({"star_id": "@factory", "pk": "999999"}, GET=POST_ONLY)
        }
        for name in ("training_update", "training_delete")
    },
    **{
        f"api:ims_bridge_enterprise_api_capacity_{name}": {
            "shared factory": Case({"star_id": "@factory"}, GET=F1_API.but(FORBIDDEN, "buyer_with"))
        }
        for name in ("indicator_sharing", "set_indicator_sharing")
    },
    # --- enterprise: staff and inspectorates (views/staff, api/staff) --------------------------
    "enterprise:programme": {
        "": Case(GET=every(FORBIDDEN).but(LOGIN, *ANONYMOUS).but(OK, "country_staff", "superuser"))
    },
    "enterprise:inspectorate": {"": Case(GET=every(FORBIDDEN).but(LOGIN, *ANONYMOUS))},
    "api:ims_bridge_enterprise_api_staff_programme_overview": {
        "": Case(
            GET=every(FORBIDDEN).but(UNAUTHORISED, *ANONYMOUS).but(OK, "country_staff", "superuser")
        )
    },
    "api:ims_bridge_enterprise_api_staff_inspectorate_overview": {
        "": Case(GET=every(FORBIDDEN).but(UNAUTHORISED, *ANONYMOUS))
    },
    "api:ims_bridge_enterprise_api_staff_inspected_factories": {
        "the programme's country": Case(
            {"country": "@country"}, GET=every(FORBIDDEN).but(UNAUTHORISED, *ANONYMOUS)
        )
    },
}


# (endpoint, case, method, role) -> the defect, for cells that fail today (strict xfail, so the
# fix shows up). The four found by this suite (issue 12, part 3) are fixed.
KNOWN_DEFECTS = {}

# GETs that write by design; no other GET may write anything (the house rule).
COUNTERS = {"knowledge_materialdownloads", "knowledge_resourceentry"}  # download counts
GET_WRITES = {
    **{f"page:{label}:download": COUNTERS for label in RESOURCE_LABELS},
    **{  # every read of factory-level data is logged
        key: {"ims_bridge_factoryaccesslog"}
        for key in (
            f"{COMPLIANCE}:factory",
            f"{COMPLIANCE}:factory_csv",
            f"{COMPLIANCE}:factory_pdf",
            "api:ims_bridge_api_factory_report",
            "enterprise:dashboard",
            "api:ims_bridge_enterprise_api_factory",
            # improvement plans
            "enterprise:plan",
            "enterprise:plan_timeline",
            "enterprise:plan_notifications",
            "enterprise:plan_action_add",
            "enterprise:plan_from_results",
            "enterprise:plan_participants",
            "api:ims_bridge_enterprise_api_plans_list_actions",
            "api:ims_bridge_enterprise_api_plans_create_action",
            "api:ims_bridge_enterprise_api_plans_participants",
            # the enterprise API operations of issue 13 that read factory data
            "api:ims_bridge_enterprise_api_plans_add_participant",  # the list at its URL
            "api:ims_bridge_enterprise_api_self_assessment_self_assessment_sharing",
            "api:ims_bridge_enterprise_api_self_assessment_share_self_assessment",
            "api:ims_bridge_enterprise_api_evidence_list_evidence",
            "api:ims_bridge_enterprise_api_evidence_upload_evidence",
            "api:ims_bridge_enterprise_api_evidence_download_evidence",
            "api:ims_bridge_enterprise_api_capacity_indicator_sharing",
            "api:ims_bridge_enterprise_api_capacity_set_indicator_sharing",
        )
    },
    **{  # self-assessment reads (and refused reads past the factory check) are logged
        key: {"ims_bridge_factoryaccesslog"}
        for key in (
            *(
                f"enterprise:self_assessment{suffix}"
                for suffix in ("s", "", "_result", "_result_pdf", "_share", "_compare")
            ),
            *(
                f"api:ims_bridge_enterprise_api_self_assessment_{name}"
                for name in (
                    "self_assessments",
                    "start_self_assessment",
                    "self_assessment",
                    "self_assessment_result",
                    "compare_self_assessment",
                )
            ),
        )
    },
    **{  # capacity (enterprise): every read of the factory is logged too
        key: {"ims_bridge_factoryaccesslog"}
        for key in (
            *(
                f"enterprise:{name}"
                for name in (
                    "trainings",
                    "training_edit",
                    "indicators",
                    "indicators_upload",
                    "indicators_csv",
                    "sharing",
                    "progress",
                    "progress_csv",
                    "progress_pdf",
                )
            ),
            *(
                f"api:ims_bridge_enterprise_api_capacity_{name}"
                for name in ("trainings", "training_create", "indicators", "progress")
            ),
        )
    },
    # An inspector's list of their country's factories logs each factory listed.
    "enterprise:inspectorate": {"ims_bridge_factoryaccesslog"},
    "api:ims_bridge_enterprise_api_staff_inspectorate_overview": {"ims_bridge_factoryaccesslog"},
    "api:ims_bridge_enterprise_api_staff_inspected_factories": {"ims_bridge_factoryaccesslog"},
    # Anonymous daily query statistics; Wagtail counts the query for editors' picks.
    "search:search": {"search_searchquerystat", "wagtailsearchpromotions_query"},
    "api:search_api_search": {"search_searchquerystat"},
    # The profile with its defaults, made on the first visit to one's own settings.
    "accounts:profile": {"communities_profile"},
    "accounts:preferences": {"communities_profile"},
    # Wagtail's editor records who is editing a page (and subscribes them to its comments).
    "wagtail-admin": {"wagtailadmin_editingsession", "wagtailcore_pagesubscription"},
}
