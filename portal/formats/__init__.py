"""The portal's corrections to Django's format modules (settings.FORMAT_MODULE_PATH): only the
names set here replace Django's; see portal/formatting.py for how they are used."""
