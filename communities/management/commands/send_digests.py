from django.core.management.base import BaseCommand

from communities.tasks import send_daily_digests


class Command(BaseCommand):
    help = "Queue (or, with the immediate backend, send) the daily community digest e-mails."

    def handle(self, *args, **options):
        result = send_daily_digests.enqueue()
        if result.is_finished:
            self.stdout.write(f"Sent {result.return_value} digest e-mail(s).")
        else:
            self.stdout.write(f"Queued digest task {result.id}.")
