"""Background work (django-tasks): notification e-mails and the daily digest."""

from django_tasks import task

from . import notifications


@task()
def send_immediate_notifications(notification_ids):
    return notifications.send_immediate(notification_ids)


@task()
def send_daily_digests():
    return notifications.send_digests()
