"""The editorial roles every install has: Editors (everything, in every language), Moderators
(review), and one translator group per non-default content language, with page rights only under
that language's home page. Called by a data migration (with its historical `apps`) and by
signals when a locale or a locale's home page appears later (with the live app registry).
Every step looks before it creates, so running it again changes nothing."""

from django.apps import apps as live_apps
from django.conf import settings
from django.db.models.signals import post_save
from wagtail.models import Locale, Page

EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS_PREFIX = "Translators: "
REVIEW_WORKFLOW = "Review"
REVIEW_TASK = "Review by editors or moderators"
# Accounts a factory may share its reports with (ims_bridge's access grants); the group is
# created by ims_bridge/enterprise's migration 0002, which keeps its own copy of the name.
BUYERS = "Buyers"

# Translatable snippets translators may translate (in their languages only: see
# portal/translation_access.py). (app_label, model)
TRANSLATABLE_SNIPPETS = [
    ("portal", "country"),
    ("portal", "industry"),
    ("portal", "topic"),
    ("portal", "audience"),
    ("portal", "cluster"),
    ("portal", "compliancepoint"),
    ("enterprise", "questionguidance"),
    ("knowledge", "publicationseries"),
    ("knowledge", "glossaryterm"),
    ("knowledge", "lawreference"),
]
EDITOR_PAGE_RIGHTS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
TRANSLATOR_PAGE_RIGHTS = ["add_page", "change_page", "publish_page"]
MEDIA_RIGHTS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}


def translator_group_name(language_code):
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    return f"{TRANSLATORS_PREFIX}{names.get(language_code, language_code)}"


def translator_languages():
    default = settings.LANGUAGE_CODE
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != default]


def _permissions(apps, app_label, codenames):
    Permission = apps.get_model("auth", "Permission")
    return list(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )


def _snippet_permissions(apps, actions):
    found = []
    for app_label, model in TRANSLATABLE_SNIPPETS:
        codenames = [f"{action}_{model}" for action in actions]
        found += _permissions(apps, app_label, codenames)
    return found


def _common_permissions(apps):
    return _permissions(apps, "wagtailadmin", ["access_admin"]) + _permissions(
        apps, "wagtail_localize", ["submit_translation"]
    )


def _grant_pages(apps, group, page, codenames):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for permission in _permissions(apps, "wagtailcore", codenames):
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page.pk, permission=permission
        )


def _grant_media(apps, group):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for app_label, codenames in MEDIA_RIGHTS.items():
        for permission in _permissions(apps, app_label, codenames):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


def _review_workflow(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    workflow = Workflow.objects.filter(name=REVIEW_WORKFLOW).first()
    if workflow is not None:
        return workflow
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(
        name=REVIEW_TASK, content_type=content_type, active=True
    )
    task.groups.set(Group.objects.filter(name__in=[EDITORS, MODERATORS]))
    workflow = Workflow.objects.create(name=REVIEW_WORKFLOW, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def ensure_groups(apps):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    root = Page.objects.filter(depth=1).first()
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(
        *_common_permissions(apps),
        *_snippet_permissions(apps, ["add", "change", "delete", "view"]),
    )
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    moderators.permissions.add(*_common_permissions(apps))
    for group in (editors, moderators):
        _grant_media(apps, group)
        if root is not None:
            _grant_pages(apps, group, root, EDITOR_PAGE_RIGHTS)
    for code in translator_languages():
        ensure_translator_group(apps, code)


def ensure_translator_group(apps, language_code):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=translator_group_name(language_code))
    group.permissions.add(
        *_common_permissions(apps), *_snippet_permissions(apps, ["add", "change", "view"])
    )
    _grant_media(apps, group)
    return group


def ensure_home_page_rights(apps, page):
    """Rights and review on a language's home page (a child of the tree root)."""
    Locale = apps.get_model("wagtailcore", "Locale")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    language_code = Locale.objects.get(pk=page.locale_id).language_code
    if language_code in translator_languages():
        group = ensure_translator_group(apps, language_code)
        _grant_pages(apps, group, page, TRANSLATOR_PAGE_RIGHTS)
    if not WorkflowPage.objects.filter(page_id=page.pk).exists():
        WorkflowPage.objects.create(page_id=page.pk, workflow=_review_workflow(apps))


def ensure_roles(apps):
    ensure_groups(apps)
    Page = apps.get_model("wagtailcore", "Page")
    for page in Page.objects.filter(depth=2):
        ensure_home_page_rights(apps, page)


def _home_page_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        ensure_home_page_rights(live_apps, instance)


def _locale_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.language_code in translator_languages():
        ensure_translator_group(live_apps, instance.language_code)


def connect_signals():
    post_save.connect(_home_page_created, dispatch_uid="portal.roles.home_page_created")
    post_save.connect(_locale_created, sender=Locale, dispatch_uid="portal.roles.locale_created")
