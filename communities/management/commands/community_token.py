from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from communities.models import ApiToken


class Command(BaseCommand):
    help = (
        "Issue a personal API token for USERNAME and print its key (shown once, stored only "
        "hashed), or revoke that user's live token(s) whose key starts with --revoke PREFIX."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="What the token is for.")
        parser.add_argument(
            "--scope",
            choices=[ApiToken.READ, ApiToken.WRITE],
            default=ApiToken.READ,
            help="read (the default): reads only; write: may also post and change things.",
        )
        parser.add_argument(
            "--revoke",
            metavar="PREFIX",
            help="Revoke the user's live token whose key starts with PREFIX (the 8 characters "
            "the profile page shows) instead of issuing one.",
        )

    def handle(self, *args, username, name, scope, revoke, **options):
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        if revoke is not None:
            return self._revoke(user, revoke)
        if len(name) > 100 or "\x00" in name:
            raise CommandError("The name must be at most 100 characters, without NUL.")
        _token, key = ApiToken.issue(user, name.strip(), scope)
        self.stdout.write(key)

    def _revoke(self, user, prefix):
        prefix = prefix.strip().rstrip("…")
        if not prefix or len(prefix) > 8 or "\x00" in prefix:
            raise CommandError("Give the token's prefix: the first 1 to 8 characters of its key.")
        tokens = list(
            ApiToken.objects.filter(user=user, prefix__startswith=prefix, revoked_at__isnull=True)
        )
        if not tokens:
            raise CommandError(f"{user} has no live token starting with {prefix!r}.")
        if len(tokens) > 1:
            raise CommandError(
                f"{len(tokens)} live tokens start with {prefix!r}; give more characters."
            )
        tokens[0].revoke()
        self.stdout.write(f"Revoked {tokens[0].prefix}… ({tokens[0].name or 'unnamed'}).")
