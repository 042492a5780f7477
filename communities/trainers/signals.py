"""The directory of certified trainers is cached for anonymous readers under the
``COMMUNITIES`` version (the people's room): a change to a profile, its languages, countries
or topics, a programme record or a certificate (issued or revoked) gives it a new token."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from portal.cache_versions import COMMUNITIES, bump

from ..models import Certificate, ProgrammeRecord, TrainerProfile


def _changed(sender, **kwargs):
    bump(COMMUNITIES)


def connect():
    for model in (TrainerProfile, ProgrammeRecord, Certificate):
        for signal in (post_save, post_delete):
            signal.connect(
                _changed, sender=model, dispatch_uid=f"trainers.cache.{model.__name__}.{id(signal)}"
            )
    for field in ("languages", "countries", "topics"):
        through = getattr(TrainerProfile, field).through
        m2m_changed.connect(_changed, sender=through, dispatch_uid=f"trainers.cache.{field}")
