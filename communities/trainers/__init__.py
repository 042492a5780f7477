"""Trainer development: profiles, programme records, certificates and the directory."""
