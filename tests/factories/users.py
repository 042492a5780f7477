"""Accounts. Every factory user has the password ``PASSWORD``; ``groups`` takes group names
(made if missing, as the roles migrations make the editorial ones)."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from factory.django import DjangoModelFactory

PASSWORD = "pw-Secret-1"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        if create and names:
            user.groups.add(*[Group.objects.get_or_create(name=name)[0] for name in names])

    @factory.post_generation
    def permissions(user, create, codenames, **kwargs):
        if create and codenames:
            user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
