from django.core.management.base import BaseCommand

from ...plans_mail import send_plan_reminders


class Command(BaseCommand):
    help = "E-mail factory users about plan actions due soon (PLAN_REMINDER_DAYS) or overdue."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_plan_reminders()} reminders sent")
