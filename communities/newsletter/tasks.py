"""Background work of the newsletter (django-tasks)."""

from django_tasks import task

from . import sending, subscriptions


@task()
def send_newsletters():
    """Delete the expired confirmation requests (``subscriptions.purge_expired``), then send every
    digest that is due; running it again in the same period sends nothing."""
    subscriptions.purge_expired()
    return sending.send_due()
