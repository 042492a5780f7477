from django.core.management.base import BaseCommand

from communities.events.tasks import send_event_reminders


class Command(BaseCommand):
    help = (
        "Queue (or, with the immediate backend, send) the reminders of events starting within "
        "24 hours; each registration is reminded once, however often this runs."
    )

    def handle(self, *args, **options):
        result = send_event_reminders.enqueue()
        if result.is_finished:
            self.stdout.write(f"Sent {result.return_value} event reminder(s).")
        else:
            self.stdout.write(f"Queued event reminder task {result.id}.")
