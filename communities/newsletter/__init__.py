"""The newsletter: an e-mail digest of new public content (``portal.digest`` sources) per
language and country, with double opt-in and one-click unsubscribe (RFC 8058)."""
