"""The enterprise side: a factory's self-assessments, improvement plan, trainings and
productivity indicators. Factory-private, read through ``Factory.objects.visible_to(user)``
and the roles in ``access``."""
