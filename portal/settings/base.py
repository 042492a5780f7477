"""Production-safe base settings. Every value that differs between machines comes from the
environment, parsed once in the block below; dev and test only loosen what they must."""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from search.backend_settings import database_backends, elasticsearch_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

# --- environment (one typed block) -------------------------------------------------------------
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY")  # required: no default outside dev/test
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
DATABASE_URL = env.str("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
REDIS_URL = env.str("REDIS_URL", default="")
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
ELASTICSEARCH_INDEX_PREFIX = env.str("ELASTICSEARCH_INDEX_PREFIX", default="portal_")
ELASTICSEARCH_ICU = env.bool("ELASTICSEARCH_ICU", default=False)  # analysis-icu plugin installed
TASKS_BACKEND = env.str("TASKS_BACKEND", default="immediate")  # immediate | database
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
SITE_BASE_URL = env.str("SITE_BASE_URL", default="http://127.0.0.1:8000")
EMAIL_URL = env.str("EMAIL_URL", default="consolemail://")
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Better Work portal <no-reply@localhost>"
)
SECURE_SSL = env.bool("SECURE_SSL", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if SECURE_SSL else 0)
SECURE_PROXY_SSL_HEADER_NAME = env.str("SECURE_PROXY_SSL_HEADER", default="")
IMS_API_URL = env.str("IMS_API_URL", default="")
IMS_API_TOKEN = env.str("IMS_API_TOKEN", default="")
IMS_PDF_FONT_DIR = env.str("IMS_PDF_FONT_DIR", default="/usr/share/fonts/truetype/dejavu")
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")

# --- applications ------------------------------------------------------------------------------
INSTALLED_APPS = [
    "portal",
    "knowledge",
    "communities",
    "ims_bridge",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.postgres",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session middleware: it drops cookies with a NUL before a session is looked up.
    "portal.middleware.MalformedInputMiddleware",
    "portal.middleware.ApiJsonErrorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
# The portal's own login page, resolved in the reader's language (/fr/accounts/login/ …).
LOGIN_URL = "accounts:login"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- data --------------------------------------------------------------------------------------
DATABASES = {"default": environ.Env.db_url_config(DATABASE_URL)}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Per-connection planner settings (no server change): SSD costs, so the search index's GIN
    # index is used for common words, and no JIT, which costs more than it saves on search's
    # counting query. DATABASE_SESSION_OPTIONS="" keeps the server's own settings.
    _session = env("DATABASE_SESSION_OPTIONS", default="-c random_page_cost=1.1 -c jit=off")
    if _session:
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", _session)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if TASKS_BACKEND == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# --- security ----------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SECURE_SSL_REDIRECT = SECURE_SSL
SESSION_COOKIE_SECURE = SECURE_SSL
CSRF_COOKIE_SECURE = SECURE_SSL
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its own preview views SAMEORIGIN
SESSION_COOKIE_HTTPONLY = True
if SECURE_PROXY_SSL_HEADER_NAME:
    SECURE_PROXY_SSL_HEADER = (SECURE_PROXY_SSL_HEADER_NAME, "https")

# --- internationalisation ----------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ar", "العربية"),
    ("vi", "Tiếng Việt"),
    ("km", "ភាសាខ្មែរ"),
    ("id", "Bahasa Indonesia"),
    ("bn", "বাংলা"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# Names shown to users in their own language; the switcher uses LANGUAGES' native names.
LANGUAGE_NAMES_TRANSLATED = {
    "en": _("English"),
    "fr": _("French"),
    "es": _("Spanish"),
    "ar": _("Arabic"),
    "vi": _("Vietnamese"),
    "km": _("Khmer"),
    "id": _("Indonesian"),
    "bn": _("Bengali"),
}

# --- search ------------------------------------------------------------------------------------
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = elasticsearch_backends(
        ELASTICSEARCH_URL,
        ELASTICSEARCH_INDEX_PREFIX,
        [code for code, _name in LANGUAGES],
        icu=ELASTICSEARCH_ICU,
    )
else:
    WAGTAILSEARCH_BACKENDS = database_backends(DATABASES["default"]["ENGINE"])

# --- files -------------------------------------------------------------------------------------
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STATICFILES_DIRS = [BASE_DIR / "portal" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip", "json"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # documents always go through Wagtail's permission check
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- e-mail ------------------------------------------------------------------------------------
vars().update(environ.Env.email_url_config(EMAIL_URL))
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail -----------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Better Work knowledge portal"
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # One line per background task and per publish is noise at INFO.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
