"""Production-safe base settings. Every value that differs between machines comes from the
environment, parsed once in the block below; dev and test only loosen what they must."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONCE, NONE, SELF
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
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")  # public: image renditions only
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private_media")
REQUEST_BODY_MAX_MB = env.int("REQUEST_BODY_MAX_MB", default=12)
ADMIN_UPLOAD_MAX_MB = env.int("ADMIN_UPLOAD_MAX_MB", default=60)  # admin documents and images
IMS_UPLOAD_MAX_MB = env.int("IMS_UPLOAD_MAX_MB", default=200)  # admin IMS export upload
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
SITE_BASE_URL = env.str("SITE_BASE_URL", default="http://127.0.0.1:8000")
EMAIL_URL = env.str("EMAIL_URL", default="consolemail://")
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Better Work portal <no-reply@localhost>"
)
SECURE_SSL = env.bool("SECURE_SSL", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if SECURE_SSL else 0)
SECURE_PROXY_SSL_HEADER_NAME = env.str("SECURE_PROXY_SSL_HEADER", default="")
# Personal API tokens (portal/api_auth.py): the accounts app's model.
API_TOKEN_MODEL = "communities.ApiToken"

IMS_API_URL = env.str("IMS_API_URL", default="")
IMS_API_TOKEN = env.str("IMS_API_TOKEN", default="")
IMS_IMPORT_LEASE_SECONDS = env.float("IMS_IMPORT_LEASE_SECONDS", default=300.0)
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
# Whole pages for readers without a session (portal/page_cache.py): how long a copy may live
# at most (it is dropped at once by any change it depends on; 0 turns the cache off), and the
# Cache-Control max-age for browsers and s-maxage for a CDN.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
PAGE_CACHE_MAX_AGE = env.int("PAGE_CACHE_MAX_AGE", default=60)
PAGE_CACHE_CDN_MAX_AGE = env.int("PAGE_CACHE_CDN_MAX_AGE", default=300)
# With a cache every process shares (Redis), the cache versions are read from it beside the
# page (a bump writes the database, then the cache); each copy of a token expires after
# CACHE_VERSIONS_SHARED_SECONDS and is read again from the database, the truth.
CACHE_VERSIONS_SHARED = bool(REDIS_URL)
CACHE_VERSIONS_SHARED_SECONDS = env.int("CACHE_VERSIONS_SHARED_SECONDS", default=30)
# Search statistics are counted in each process and written this often (search/analytics.py).
SEARCH_STATS_FLUSH_SECONDS = env.float("SEARCH_STATS_FLUSH_SECONDS", default=1.0)
# Each process keeps the tokens it read for this long (a cached page's hit then reads nothing
# else): a change is seen at once by the process that made it and within this time by the
# others. 0 reads them for every request.
CACHE_VERSIONS_LOCAL_SECONDS = env.float("CACHE_VERSIONS_LOCAL_SECONDS", default=1.0)
# A publish or unpublish purges the page's URL from a CDN or caching proxy: an HTTP PURGE to
# FRONTEND_CACHE_PURGE_URL (Varnish, nginx, Squid), or Cloudflare's API with a zone and token.
WAGTAILFRONTENDCACHE = {}
if env.str("FRONTEND_CACHE_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.str("FRONTEND_CACHE_PURGE_URL"),
    }
if env.str("CLOUDFLARE_ZONEID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env.str("CLOUDFLARE_ZONEID"),
        "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN", default=""),
    }
# Where portal/pdf.py looks for Noto (Sans, Khmer, Bengali, Naskh Arabic) and DejaVu Sans
PDF_FONT_DIRS = env.list(
    "PDF_FONT_DIRS",
    default=["/usr/share/fonts/truetype/noto", "/usr/share/fonts/truetype/dejavu"],
)
TRUSTED_PROXY_COUNT = env.int(
    "TRUSTED_PROXY_COUNT", default=0
)  # proxies that append X-Forwarded-For
LOGIN_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=10)  # per account
LOGIN_IP_FAILURE_LIMIT = env.int("LOGIN_IP_FAILURE_LIMIT", default=50)  # per client IP
PASSWORD_RESET_LIMIT = env.int("PASSWORD_RESET_LIMIT", default=5)  # per e-mail address
SIGNUP_IP_LIMIT = env.int("SIGNUP_IP_LIMIT", default=20)  # per client IP
AXES_COOLOFF_MINUTES = env.int("AXES_COOLOFF_MINUTES", default=15)
# API writes (POST/PUT/PATCH/DELETE) per personal token or signed-in user, and per client IP
# ("<count>/<s|m|h|d>"; portal/api_throttling.py).
API_WRITE_RATE_PER_TOKEN = env.str("API_WRITE_RATE_PER_TOKEN", default="300/h")
API_WRITE_RATE_PER_IP = env.str("API_WRITE_RATE_PER_IP", default="1200/h")
# Machine translation in the translation editor: off unless one of these is set (README).
DEEPL_API_KEY = env.str("DEEPL_API_KEY", default="")
LIBRETRANSLATE_URL = env.str("LIBRETRANSLATE_URL", default="")
LIBRETRANSLATE_API_KEY = env.str("LIBRETRANSLATE_API_KEY", default="")
# Headless front ends (docs/api.md): Wagtail's content API, preview, CORS.
# Origin of the content API's links; empty: links are paths ("/api/v2/pages/3/", "/fr/about/").
WAGTAILAPI_BASE_URL = env.str("WAGTAILAPI_BASE_URL", default="")
HEADLESS_PREVIEW_URL = env.str("HEADLESS_PREVIEW_URL", default="")  # empty: Wagtail's preview
HEADLESS_PREVIEW_MAX_AGE = env.int("HEADLESS_PREVIEW_MAX_AGE", default=3600)  # token, seconds
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])  # empty: no CORS headers

# --- applications ------------------------------------------------------------------------------
INSTALLED_APPS = [
    "portal",
    "knowledge",
    "communities",
    "ims_bridge",
    "ims_bridge.enterprise",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",  # purges a CDN on publish, when one is configured
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",  # /api/v2/pages|images|documents/ (portal/api_content.py)
    "wagtail",
    "wagtail_headless_preview",  # preview on a headless front end (HEADLESS_PREVIEW_URL)
    "rest_framework",  # used by wagtail.api.v2
    "corsheaders",  # CORS on /api/ for CORS_ALLOWED_ORIGINS only
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "ninja",  # serves the API docs' Swagger UI from static files instead of a CDN
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything that answers (preflight, errors): CORS headers on /api/ only.
    "corsheaders.middleware.CorsMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.headers.PermissionsPolicyMiddleware",
    "portal.admin_csp.WagtailAdminCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session middleware: it drops cookies with a NUL before a session is looked up
    # (path and query string here; bodies after the size cap, MalformedBodyMiddleware).
    "portal.middleware.MalformedInputMiddleware",
    "portal.middleware.ApiJsonErrorsMiddleware",
    # Before the session is read: a hit for a reader without a session costs one query.
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.csv_safety.SpreadsheetFormulaMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Under /api/: a bearer token (portal/api_auth.py) replaces the session's user.
    "portal.api_auth.ApiTokenMiddleware",
    # Before anything reads the body (CSRF's process_view, the views), after the language and
    # the user are known (its 413 page is a normal page in the reader's language).
    "portal.body_limits.RequestBodyLimitMiddleware",
    # After the cap: reads form fields and JSON bodies to refuse a NUL or broken UTF-8.
    "portal.middleware.MalformedBodyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Keeps translators to their languages in wagtail-localize's views (snippets have no
    # per-language permission of their own).
    "portal.translation_access.TranslationLanguageMiddleware",
    # Last, as axes documents: turns a locked-out attempt into the 429 answer.
    "axes.middleware.AxesMiddleware",
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
            # local_number, local_percent, local_date, local_count in every template.
            "builtins": ["portal.templatetags.reader_formats"],
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
    # Room for the anonymous pages and fragments a worker serves (Django's default is 300).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": env.int("LOCMEM_CACHE_MAX_ENTRIES", default=3000)},
        }
    }

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

SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Every page, site and admin, loads only from this origin: no inline script (every script is a
# static file), no third-party host. The admin adds a nonce for Wagtail's own initialiser
# scripts and allows inline styles (portal/admin_csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],  # a nonce only in the admin: see portal/admin_csp.py
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "accelerometer=(), gyroscope=(), magnetometer=()"
)

# Login and abuse throttling (django-axes; portal/throttling). Axes' backend refuses a locked-out
# key before any password is checked; the next one logs in by the username's normal form.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "portal.throttling.backends.NormalisedUsernameBackend",
]
THROTTLE_LIMITS = {  # allowance per purpose and lockout parameter within AXES_COOLOFF_TIME
    "login": {"username": LOGIN_FAILURE_LIMIT, "ip_address": LOGIN_IP_FAILURE_LIMIT},
    "password-reset": {"username": PASSWORD_RESET_LIMIT, "ip_address": 4 * PASSWORD_RESET_LIMIT},
    "signup": {"ip_address": SIGNUP_IP_LIMIT},
}
AXES_HANDLER = "portal.throttling.policy.ThrottleHandler"
AXES_LOCKOUT_PARAMETERS = "portal.throttling.policy.lockout_parameters"
AXES_FAILURE_LIMIT = "portal.throttling.policy.failure_limit"
AXES_USERNAME_CALLABLE = "portal.throttling.policy.lockout_key"
AXES_CLIENT_IP_CALLABLE = "portal.throttling.policy.client_ip"
AXES_LOCKOUT_CALLABLE = "portal.throttling.responses.lockout_response"
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES)
# Never store what was typed into these fields in axes' attempt records.
AXES_SENSITIVE_PARAMETERS = [
    "username",
    "ip_address",
    "email",
    "password1",
    "password2",
    "new_password1",
    "new_password2",
    "csrfmiddlewaretoken",
]
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
# Numbers and dates for readers go through portal/formatting.py (the local_* template filters);
# no automatic grouping, which would also change numbers written for machines (ids, attributes).
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["portal.formats"]
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
# Uploaded files are private unless a field asks for "public" (see portal/storage.py): Wagtail
# documents, original images, community attachments, IMS uploads and bundles live under
# PRIVATE_MEDIA_ROOT and are served only by views that check permission. MEDIA_ROOT (served at
# MEDIA_URL) holds image renditions only.
STORAGES = {
    "default": {"BACKEND": "portal.storage.PrivateStorage"},
    "private": {"BACKEND": "portal.storage.PrivateStorage"},
    "public": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WAGTAILIMAGES_RENDITION_STORAGE = "public"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip", "json"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # documents always go through Wagtail's permission check
WAGTAILDOCS_INLINE_CONTENT_TYPES = []  # every document downloads (Content-Disposition: attachment)
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.documents.DocumentForm"  # content must match extension
WAGTAILDOCS_MAX_UPLOAD_SIZE = min(50, ADMIN_UPLOAD_MAX_MB - 1) * 1024 * 1024
# Request bodies over these sizes are refused with 413 before they are read (the longest
# matching path prefix wins); portal/body_limits.py.
REQUEST_BODY_MAX_SIZE = REQUEST_BODY_MAX_MB * 1024 * 1024
REQUEST_BODY_MAX_SIZE_BY_PATH = {
    "/admin/documents/": ADMIN_UPLOAD_MAX_MB * 1024 * 1024,
    "/admin/images/": ADMIN_UPLOAD_MAX_MB * 1024 * 1024,
    "/admin/snippets/ims_bridge/importbatch/": IMS_UPLOAD_MAX_MB * 1024 * 1024,
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- e-mail ------------------------------------------------------------------------------------
vars().update(environ.Env.email_url_config(EMAIL_URL))
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail -----------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Better Work knowledge portal"
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatar requests to a third party
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine drafts are never published before a person has reviewed every machine string
# (portal/machine_translation.py).
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }
elif LIBRETRANSLATE_URL:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": LIBRETRANSLATE_URL, "API_KEY": LIBRETRANSLATE_API_KEY},
    }

# Wagtail's content API (portal/api_content.py): rich text as HTML with real links, pages of 50.
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_RICH_TEXT_FORMAT = "html"

# CORS (django-cors-headers): only /api/, only the configured origins, never with cookies.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_CREDENTIALS = False
if HEADLESS_PREVIEW_URL:
    # The admin's preview panel frames the front end's preview page.
    _preview = urlsplit(HEADLESS_PREVIEW_URL)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"].append(
        f"{_preview.scheme}://{_preview.netloc}"
    )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # One line per background task and per publish is noise at INFO.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "axes": {"level": "WARNING"},  # one line per failed login, not three
    },
}
