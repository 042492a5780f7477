"""The newsletter's confirmation link carries only a random token: the request waits in
NewsletterPending (address, choices, the token's SHA-256 hash); the subscription keeps the hash
of the link that confirmed it. Links e-mailed before this migration (signed, carrying the
address) are no longer accepted: their readers subscribe again."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('communities', '0013_event_registration_permissions'),
    ]

    operations = [
        migrations.CreateModel(
            name='NewsletterPending',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('email', models.EmailField(max_length=254, unique=True, verbose_name='e-mail address')),
                ('language', models.CharField(choices=[('en', 'English'), ('fr', 'Français'), ('es', 'Español'), ('ar', 'العربية'), ('vi', 'Tiếng Việt'), ('km', 'ភាសាខ្មែរ'), ('id', 'Bahasa Indonesia'), ('bn', 'বাংলা')], max_length=12, verbose_name='language')),
                ('countries', models.JSONField(blank=True, default=list, verbose_name='countries')),
                ('frequency', models.CharField(choices=[('weekly', 'Weekly'), ('monthly', 'Monthly')], default='weekly', max_length=10, verbose_name='frequency')),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                ('token_hash', models.CharField(editable=False, max_length=64, unique=True)),
            ],
            options={
                'verbose_name': 'pending newsletter subscription',
                'verbose_name_plural': 'pending newsletter subscriptions',
            },
        ),
        migrations.AddField(
            model_name='newslettersubscription',
            name='confirmed_token_hash',
            field=models.CharField(blank=True, editable=False, max_length=64, null=True, unique=True),
        ),
    ]
