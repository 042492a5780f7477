"""Background plan e-mails (django-tasks); schedule both daily, like ims_bridge.tasks."""

from django_tasks import task


@task()
def send_plan_reminders():
    from .plans_mail import send_plan_reminders as send

    return send()


@task()
def send_plan_digests():
    from .plans_mail import send_plan_digests as send

    return send()
