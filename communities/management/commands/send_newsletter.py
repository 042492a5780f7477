from django.core.management.base import BaseCommand

from communities.newsletter.tasks import send_newsletters


class Command(BaseCommand):
    help = (
        "Queue (or, with the immediate backend, send) the newsletter digests that are due. "
        "Run it daily from cron: each reader gets one digest per week or month."
    )

    def handle(self, *args, **options):
        result = send_newsletters.enqueue()
        if result.is_finished:
            self.stdout.write(f"Sent {result.return_value} newsletter e-mail(s).")
        else:
            self.stdout.write(f"Queued newsletter task {result.id}.")
