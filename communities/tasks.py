"""Background work (django-tasks): the notification fan-out of a new post, notification e-mails
and the daily digest."""

from django_tasks import task

from . import notifications


@task()
def fan_out_post(post_id, only_mentions=False):
    """Notify the followers (and those mentioned) of a new post; enqueued once the post is
    committed, so the request that posted does not wait for one row per follower."""
    return len(notifications.notify_new_post(post_id, only_mentions=only_mentions))


@task()
def send_immediate_notifications(notification_ids):
    return notifications.send_immediate(notification_ids)


@task()
def send_daily_digests():
    return notifications.send_digests()
