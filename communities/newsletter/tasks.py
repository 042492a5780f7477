"""Background work of the newsletter (django-tasks)."""

from django_tasks import task

from . import sending


@task()
def send_newsletters():
    """Send every digest that is due; running it again in the same period sends nothing."""
    return sending.send_due()
