"""Background plan e-mails (django-tasks); schedule both daily, like ims_bridge.tasks."""

from django_tasks import task

from . import plans_mail


@task()
def send_plan_reminders():
    return plans_mail.send_plan_reminders()


@task()
def send_plan_digests():
    return plans_mail.send_plan_digests()
