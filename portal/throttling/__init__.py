"""Login and abuse throttling with django-axes, for every way in: the public login, the Wagtail
and Django admin logins (all through ``django.contrib.auth.authenticate``), password reset and
sign-up (through :func:`guard.refuse_if_throttled`). See README, *Security*.

- ``usernames``: one normal form of a username (NFKC, trimmed, case-folded) for lookups and keys;
- ``backends``: the authentication backend that logs in by that normal form;
- ``policy``: the callables axes is configured with (client IP, lockout key, limits, handler);
- ``guard``: throttling for the views that send e-mail instead of checking a password;
- ``views``: password reset (the portal's and Wagtail's admin's) through that guard;
- ``responses``: the 429 answer (a page in the reader's language, JSON under /api/).
"""
