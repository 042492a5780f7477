"""For the tests of the demo itself (`seed_demo`, portal/demo and each app's demo module): they
run the demo on a database without the test baseline. ``clear_baseline()`` removes the
baseline's sites, page trees (Wagtail's welcome page among them), navigation, taxonomy and
translation sources inside the caller's transaction (rolled back after the test), so what the
demo then seeds is the demo's own."""

from tests.baseline import clear as clear_baseline

__all__ = ["clear_baseline"]
