"""Settings for investportal.

One module for every machine: values that differ come from environment
variables (see the table in README.md). The defaults suit a first run on a
laptop: SQLite, local-memory cache, DEBUG off unless `make run` turns it on.
"""

import re
from datetime import timedelta
from pathlib import Path

from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from investportal.env import (
    env_bool,
    env_database,
    env_int,
    env_list,
    env_storage,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it to a long random string "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DEBUG=1 for local development."
        )
    SECRET_KEY = "django-insecure-development-only-key-not-for-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal.apps.PortalAdminConfig",  # django.contrib.admin under the site's name
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    # Django's own form templates for TemplatesSetting (FORM_RENDERER below).
    "django.forms",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "taggit",
    "csp",
    "django_prose_editor",
    "reversion",
    # The open-data API (api/): DRF, its OpenAPI schema and the sidecar's
    # Swagger UI files, served from our own static files.
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "core.apps.AxesConfig",
    "core",
    "zones",
    "facts",
    "news",
    "search",
    "inquiries",
    "projects",
    "api",
    "portal",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside WhiteNoise and the page cache: every response gets the headers,
    # a stored page included, and a stored page never keeps a request's nonce.
    "core.security_headers.PermissionsPolicyMiddleware",
    "core.security_headers.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETags and 304s for every page, stored ones included.
    "django.middleware.http.ConditionalGetMiddleware",
    # Before the rest: a stored page is answered without running them.
    "core.cache.PageCacheMiddleware",
    # Public or private Cache-Control for a shared cache in front
    # (core/http_cache.py); inside the page cache, so a page is stored with
    # its header and a replay needs no second decision.
    "core.http_cache.SharedCacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "investportal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "investportal.wsgi.application"

# Database: SQLite in the project folder unless DATABASE_URL says otherwise.
DATABASES = {
    "default": env_database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Persistent connections save a connect per request; health checks drop a
    # connection the server closed before it is reused.
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, otherwise memory of this process.
REDIS_URL = env_str("REDIS_URL")
CACHE_TIMEOUT = env_int("CACHE_TIMEOUT", 300)
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            f"REDIS_URL={REDIS_URL!r} is not a Redis URL (redis://host:port/db)."
        )
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "TIMEOUT": CACHE_TIMEOUT,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "investportal"),
            # Bounded waits: a Redis that is down or hangs costs a page at
            # most these, then core.cache.guarded() rests it (README).
            "OPTIONS": {
                "socket_connect_timeout": env_int("REDIS_CONNECT_TIMEOUT_MS", 250)
                / 1000,
                "socket_timeout": env_int("REDIS_TIMEOUT_MS", 500) / 1000,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "TIMEOUT": CACHE_TIMEOUT,
        }
    }

# After a cache failure, each process serves without the cache this long
# before trying it again.
CACHE_RETRY_SECONDS = env_int("CACHE_RETRY_SECONDS", 5)

# Whole pages for anonymous readers, in the shared cache (core/cache.py). On
# by default where there is Redis and DEBUG is off: with the local-memory
# cache each process would keep its own pages, and an edit made through one
# process would not reach the others' copies.
# How long browsers and a shared cache (nginx, a CDN) may keep a public page
# for readers without a session; they revalidate with the ETag after that.
SHARED_CACHE_SECONDS = env_int("SHARED_CACHE_SECONDS", 60)
PAGE_CACHE = env_bool("PAGE_CACHE", bool(REDIS_URL) and not DEBUG)
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 300)

# django-axes counts failed logins before Django's own backend checks the
# password; it needs the request, so tests log in with force_login().
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
# Lock the guessed account from the guessing address only, so an attacker
# elsewhere cannot lock an editor out of their own office; and throttle an
# address that fails against many accounts (core.lockout).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "core.lockout.AddressThrottledHandler"
AXES_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 30)
# The client's address for the lockout (core.lockout.client_address):
# behind proxies (nginx as README deploys it: 1), the entry the outermost
# trusted proxy appended to X-Forwarded-For; without them, the connection's.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "core.lockout.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "core.lockout.lockout_response"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"  # noqa: E501
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Chinese first; English under /en/.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
# Our catalogue, then Chinese for third-party apps that ship none (kept by
# hand, out of makemessages' way).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale-vendor"]
# 2019年11月12日 on Chinese pages, 12 Nov 2019 on English ones.
FORMAT_MODULE_PATH = ["investportal.formats"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = env_str("STATIC_URL", "/static/")
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# In production nginx serves /media/; Django does only when asked to.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)
# Uploads above this size are refused by the forms that take them.
MAX_UPLOAD_MB = env_int("MAX_UPLOAD_MB", 10)
# Files chosen in a form that came back with errors are kept this long
# (core/uploads.py); `manage.py purge_pending_uploads` removes older ones.
PENDING_UPLOAD_HOURS = env_int("PENDING_UPLOAD_HOURS", 24)
# Widgets render through TEMPLATES, so templates/ can hold widget templates.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
# Images with more pixels are refused from their header, before decoding: a
# decoded image costs up to 4 bytes a pixel however small its file.
MAX_IMAGE_PIXELS = env_int("MAX_IMAGE_MEGAPIXELS", 50) * 1_000_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

STORAGES = {
    # Media: the local MEDIA_ROOT, or object storage with STORAGE_URL=s3://…
    # (README, "Several machines"), so that every app server sees every upload.
    "default": env_storage("STORAGE_URL"),
    "staticfiles": {
        # Hashed, compressed names in production; plain files while developing
        # and testing, so no collectstatic is needed before either.
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Without the manifest (development, tests) WhiteNoise serves straight from
# the app and project static folders, so no collectstatic is needed first.
WHITENOISE_USE_FINDERS = not STORAGES["staticfiles"]["BACKEND"].startswith("whitenoise")

# Security: strict by default when DEBUG is off, each switch configurable for
# running behind a proxy that terminates TLS (see README, "Deployment").
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("SECURE_PROXY_SSL", False) else None
)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp; README, "Security headers"). Public
# pages run no script of their own and no inline script or style at all.
# Origins that media or static files come from when they are not this site
# (object storage, a CDN as STATIC_URL or MEDIA_URL) are added per request by
# core.security_headers from the URLs the storages build.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "upgrade-insecure-requests": SECURE_SSL_REDIRECT,
    }
}
# Views with a policy of their own, by URL namespace or view name. The admin
# renders django-prose-editor's import map, an inline <script>, with the
# request's nonce (core.security_headers). The editor's Tiptap adds one
# <style> of its own, allowed by its hash: a django-prose-editor upgrade that
# changes it fails the browser tests, and Chromium's message names the new
# hash. Nothing else inline runs or styles there.
TIPTAP_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
CONTENT_SECURITY_POLICY_BY_VIEW = {
    "admin": CONTENT_SECURITY_POLICY["DIRECTIVES"]
    | {
        "script-src": [SELF, NONCE],
        "style-src": [SELF, TIPTAP_STYLE_HASH],
    },
}
# Permissions-Policy: powerful features no page here uses are off for the
# pages and for anything they could embed.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "noreply@investportal.local")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The public address of the site, for links in emails sent without a request
# to take it from (a management command); the admin uses the request's.
SITE_URL = env_str("SITE_URL", "http://localhost:8000").rstrip("/")
ADMINS = [("Admin", addr) for addr in env_list("ADMIN_EMAILS")]

TAGGIT_CASE_INSENSITIVE = True

# Inquiries (README, "Inquiries"). Links in their emails start with SITE_URL.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
# Closed inquiries older than this are anonymised by purge_inquiries.
INQUIRY_RETENTION_DAYS = env_int("INQUIRY_RETENTION_DAYS", 365)
# Inquiries per hour from one address, and to one email address.
INQUIRY_RATE_LIMIT = env_int("INQUIRY_RATE_LIMIT", 5)
# A form sent sooner than this after it was shown is refused (bots are fast).
INQUIRY_MIN_FILL_SECONDS = env_int("INQUIRY_MIN_FILL_SECONDS", 3)
INQUIRY_MAX_LINKS = env_int("INQUIRY_MAX_LINKS", 3)
# Send inquiry emails in a background thread after the commit, so that no
# request waits on the mail server (tests send them in line).
INQUIRY_EMAIL_BACKGROUND = env_bool("INQUIRY_EMAIL_BACKGROUND", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "client_errors_on_one_line": {"()": "core.logging.ClientErrorsOnOneLine"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["client_errors_on_one_line"],
        },
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "django.utils.log.AdminEmailHandler",
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {
        # Django's default configuration gives "django" a console handler of
        # its own; records also reach the root's, so each printed twice.
        # Here they go to the root's console once, and errors to ADMINS.
        "django": {"handlers": ["mail_admins"], "level": "INFO", "propagate": True},
    },
}
ADMIN_URL = env_str("ADMIN_URL", "admin/")

# The read-only open-data API under /api/v1/ (README, "Open data API").
# Requests per client address without a session, counted in the shared
# cache: "120/minute", "5000/day" (s, m, h, d and their long forms); "off"
# removes the limit. When the cache is down the API serves unthrottled.
API_ANON_RATE = env_str("API_ANON_RATE", "120/minute").strip()
if API_ANON_RATE.lower() in ("off", "none", ""):
    API_ANON_RATE = None
elif not re.fullmatch(
    r"[1-9][0-9]{0,8}/(s|m|h|d|sec|second|min|minute|hour|day)", API_ANON_RATE
):
    raise ImproperlyConfigured(
        f"API_ANON_RATE={API_ANON_RATE!r} is not a rate; write it like "
        "120/minute or 5000/day, or off."
    )
REST_FRAMEWORK = {
    # JSON only: the browsable HTML renderer would add forms, a session and
    # inline script; /api/v1/docs/ is the human face of the API.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    # Everyone reads the same public data: no sign-in, so no answer depends
    # on who asks and every 200 may be kept by a shared cache.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonymousRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "api.schema.ApiAutoSchema",
    "URL_FORMAT_OVERRIDE": None,
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "investportal open data API",
    "DESCRIPTION": (
        "Read-only JSON of what the portal publishes: regions, development "
        "zones, news articles, investment projects, zone figures and "
        "incentives. Lists are paged by cursor: follow `next` and `previous`. "
        "Each dataset's sources and licence: the portal's open data page, /data/."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": False,
    # Several models have a "level", "kind" or "status" of their own.
    "ENUM_NAME_OVERRIDES": {
        "RegionLevelEnum": "zones.models.Region.Level",
        "ZoneLevelEnum": "zones.models.Zone.Level",
        "ZoneKindEnum": "zones.models.Zone.Kind",
        "ArticleKindEnum": "news.models.Article.Kind",
        "IncentiveKindEnum": "facts.models.Incentive.Kind",
        "ProjectStatusEnum": "projects.models.Project.Status",
        "IncentiveStatusEnum": "facts.models.Incentive.Status",
    },
}
