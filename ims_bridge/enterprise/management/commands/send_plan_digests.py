from django.core.management.base import BaseCommand

from ...plans_mail import send_plan_digests


class Command(BaseCommand):
    help = "E-mail buyers with an active grant the plan actions completed since their last digest."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_plan_digests()} digests sent")
