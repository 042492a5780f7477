"""The production settings, as `bench/load.py` serves the portal, with one change: the
community posting rate limit (30 an hour per user) is lifted so that the mixed load's signed-in
writers measure posting, not the limiter's refusals."""

from portal.settings.production import *  # noqa: F403

COMMUNITIES_POST_RATE = "1000000/h"
