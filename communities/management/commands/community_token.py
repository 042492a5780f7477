from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from communities.models import ApiToken


class Command(BaseCommand):
    help = "Issue a personal API token for the communities API (printed once)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="")

    def handle(self, *args, username, name, **options):
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        _token, key = ApiToken.issue(user, name)
        self.stdout.write(key)
