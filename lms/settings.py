"""Passage settings: one module, read from the environment.

With no environment at all the site runs in the embedded mode: SQLite and media under
``var/``, console email, the database task queue, DEBUG off. Scale-out is configured only by
environment variables (``DATABASE_URL``, ``REDIS_URL``, ``AWS_STORAGE_BUCKET_NAME``...).
"""

import ipaddress
import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("PASSAGE_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _embedded_secret_key() -> str:
    # Generated once into var/ (git-ignored) so the embedded mode needs no configuration
    # and keeps sessions and invitation links valid across restarts.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


# --- Core -------------------------------------------------------------------------------------

DEBUG = env_bool("DEBUG", False)
PRODUCTION = env_bool("PASSAGE_PRODUCTION", False)
SECRET_KEY = os.environ.get("SECRET_KEY") or _embedded_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The public address of the site, used in emails and QR codes: never taken from a request.
# `make run` sets it to where it serves (scripts/run.sh) unless it is already set.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "lms",
    "content",
    "courses",
    "assessments",
    "certificates",
    "records",
    "workshops",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    # Translators' workflow (segments, PO files, sync); its locales app replaces wagtail.locales.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "polymorphic",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "csp",
    "django_ratelimit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # allauth's security-key list uses naturaltime.
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: times the whole answer, and every later line logged carries the request's id.
    "lms.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside WhiteNoise so that static files get the header too.
    "lms.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lms.middleware.PrivateResponseMiddleware",
    "lms.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "lms.mfa.SecondFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "content.context_processors.branding",
                "records.context_processors.records_nav",
            ],
        },
    },
]

# --- Database, cache, sessions --------------------------------------------------------------

DATABASES = {
    # An empty DATABASE_URL (as in `DATABASE_URL= make test`) means the embedded SQLite file too.
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'passage.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Connections are kept (CONN_MAX_AGE, 60 s by default), as on PostgreSQL: opening one runs
    # the pragmas below and closing the last one checkpoints the WAL, about 2 ms a request.
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the web server and the task worker write without "database is locked".
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests use a file, not memory, so threads in concurrency tests share it with WAL locking.
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("SQLITE_TEST_NAME") or str(VAR_DIR / "test.sqlite3")}
elif os.environ.get("TEST_DATABASE_NAME"):
    # Two test runs on one server (two checkouts, two developers) each need their own database.
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
# Redis answers in well under a millisecond: after half a second it is not coming.
REDIS_TIMEOUTS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
if REDIS_URL:
    CACHES = {
        "default": {
            # Redis, falling back to misses while it is unreachable (lms/cache.py): sessions are
            # then read from and written to their database copy (cached_db).
            "BACKEND": "lms.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "passage",
            "OPTIONS": REDIS_TIMEOUTS,
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "passage",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Rate limits (lms.ratelimit) count in a cache of their own that every process shares, with an
# atomic increment: Redis INCR, or diskcache's increment inside a SQLite transaction under var/.
# The default cache is per process in the embedded mode, where two web workers doubled each limit.
# Without Redis a limit cannot be counted and lms.ratelimit refuses (it is not lifted).
if REDIS_URL:
    CACHES["ratelimit"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "passage-ratelimit",
        "OPTIONS": REDIS_TIMEOUTS,
    }
else:
    CACHES["ratelimit"] = {
        "BACKEND": "diskcache.DjangoCache",
        "LOCATION": str(VAR_DIR / "ratelimit"),
        "TIMEOUT": 24 * 60 * 60,
        # SQLite busy timeout per try; diskcache retries until the increment is made.
        "DATABASE_TIMEOUT": 0.1,
        "OPTIONS": {"size_limit": 64 * 1024 * 1024},
    }
RATELIMIT_USE_CACHE = "ratelimit"
RATELIMIT_IP_META_KEY = "lms.ratelimit.remote_address"
# Reverse proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated, e.g.
# "10.0.0.0/8,127.0.0.1"). Empty: REMOTE_ADDR only. Behind a proxy listed here, the client is
# the right-most address of X-Forwarded-For that is not itself a listed proxy.
try:
    TRUSTED_PROXIES = tuple(
        ipaddress.ip_network(entry.strip(), strict=False) for entry in os.environ.get("TRUSTED_PROXIES", "").split(",") if entry.strip()
    )
except ValueError as error:
    raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error} (expected addresses or networks such as 10.0.0.0/8, comma-separated).") from None

# --- Tasks ------------------------------------------------------------------------------------

TASK_BACKEND = os.environ.get("TASK_BACKEND", "database")
# Every task of Passage and of Wagtail runs on the default queue.
TASK_QUEUES = ["default"]
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }.get(TASK_BACKEND, TASK_BACKEND),
    }
}
# A database-queue task "running" this long on a worker of another machine is taken for abandoned
# and queued again (lms/task_recovery.py); longer than any task runs.
TASKS_DB_STALE_AFTER = int(os.environ.get("TASKS_DB_STALE_AFTER", "3600"))
if TASK_BACKEND == "rq":
    # The queue on Redis, run by `manage.py rqworker --job-class django_tasks_rq.Job default`.
    # A failed or abandoned job runs again after 10 s, 1 min, 5 min (lms/taskqueue.py); while
    # Redis is unreachable, tasks wait in the database ("outbox") and the periodic job hands
    # them over when it answers.
    _task_redis = os.environ.get("TASK_REDIS_URL") or REDIS_URL
    if not _task_redis:
        raise ImproperlyConfigured("TASK_BACKEND=rq needs REDIS_URL (or TASK_REDIS_URL).")
    _task_redis += ("&" if "?" in _task_redis else "?") + "socket_connect_timeout=0.5&socket_timeout=1"
    TASKS = {
        "default": {
            "BACKEND": "lms.taskqueue.RQBackend",
            "QUEUES": TASK_QUEUES,
            "OPTIONS": {
                "retries": int(os.environ.get("TASK_RETRIES", "3")),
                "retry_intervals": [10, 60, 300],
                "outbox": "outbox",
            },
        },
        "outbox": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES},
    }
    # A job running longer than this is stopped (a bulk export of the largest scope stays under it).
    RQ_QUEUES = {name: {"URL": _task_redis, "DEFAULT_TIMEOUT": 30 * 60} for name in TASK_QUEUES}
    # Only here: the embedded mode's processes never load rq (memory).
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]

# --- Accounts ---------------------------------------------------------------------------------

AUTH_USER_MODEL = "lms.User"
# django-allauth signs people in by email address (any letter case), with the same work done
# for unknown addresses as for known ones; it extends Django's model backend (permissions).
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
LOGIN_URL = "account_login"
# Restricted pages and documents send visitors to the same sign-in page as everything else.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_ADAPTER = "lms.accounts.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "lms.forms.SignupProfileForm"
ACCOUNT_FORMS = {"login": "lms.accounts.LoginForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
# Registration and password reset answer the same whether or not an address has an account;
# the owner of a known address gets an email saying so instead.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
# A signed-in trainee sent to the sign-in page by the admin (no access) sees it, not a loop.
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Passage: "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PUBLIC_BASE_URL.startswith("https") else "http"
# Failed sign-ins per address: PASSAGE_LOGIN_ATTEMPTS within PASSAGE_LOGIN_LOCKOUT seconds, then
# even the right password is refused until the window has passed. Counted in the shared
# "ratelimit" cache (see LmsConfig.ready), so several web processes count together.
PASSAGE_LOGIN_ATTEMPTS = int(os.environ.get("PASSAGE_LOGIN_ATTEMPTS", "5"))
PASSAGE_LOGIN_LOCKOUT = int(os.environ.get("PASSAGE_LOGIN_LOCKOUT", str(15 * 60)))
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": f"20/m/ip,{PASSAGE_LOGIN_ATTEMPTS}/{PASSAGE_LOGIN_LOCKOUT}s/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "reauthenticate": "10/m/user",
    "confirm_email": "1/3m/key",
}
# Second factor: an authenticator app (TOTP) with recovery codes, or security keys / passkeys.
# Sensitive actions ask again for the password or the second factor, never for a code sent by
# email (whoever holds a session on a shared computer may well read that mailbox too).
ACCOUNT_REAUTHENTICATION_METHODS = ("password", "mfa")
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Passage"
# Passkeys need HTTPS; allow plain http only when asked (development on another machine).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env_bool("MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", DEBUG)
# Roles that must set up a second factor before anything else opens (lms.mfa). Administrators
# are always included, whatever this says.
PASSAGE_MFA_REQUIRED_ROLES = env_list("PASSAGE_MFA_REQUIRED_ROLES", "Administrator,Ministry officer")
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# "open": anyone may create an account; "invitation": only invited trainees can join.
PASSAGE_REGISTRATION = os.environ.get("PASSAGE_REGISTRATION", "open")
PASSAGE_INVITATION_DAYS = int(os.environ.get("PASSAGE_INVITATION_DAYS", "14"))
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3
# Gender and year of birth are asked only when a programme needs them.
PASSAGE_COLLECT_GENDER = env_bool("PASSAGE_COLLECT_GENDER", False)
PASSAGE_COLLECT_YEAR_OF_BIRTH = env_bool("PASSAGE_COLLECT_YEAR_OF_BIRTH", False)
# Retention, applied by the periodic job (lms.retention); 0 keeps for ever. A trainee account
# unused for this many years is erased (as on request) after a warning email and this many days.
PASSAGE_INACTIVE_ACCOUNT_YEARS = int(os.environ.get("PASSAGE_INACTIVE_ACCOUNT_YEARS", "5"))
PASSAGE_INACTIVE_WARNING_DAYS = int(os.environ.get("PASSAGE_INACTIVE_WARNING_DAYS", "30"))
# Audit entries older than this many years are deleted (the chain stays verifiable).
PASSAGE_AUDIT_KEEP_YEARS = int(os.environ.get("PASSAGE_AUDIT_KEEP_YEARS", "10"))
# What erasing a person does to their certificates: "keep" only what the verify page shows (the
# PDF is deleted), or "revoke" them as well.
PASSAGE_ERASURE_CERTIFICATES = os.environ.get("PASSAGE_ERASURE_CERTIFICATES", "keep")
PASSAGE_INVITE_MAX_BYTES = int(os.environ.get("PASSAGE_INVITE_MAX_BYTES", str(2 * 1024 * 1024)))
PASSAGE_INVITE_MAX_ROWS = int(os.environ.get("PASSAGE_INVITE_MAX_ROWS", "2000"))
# "Send again" on invitations, per trainer and hour (each one emails someone).
PASSAGE_INVITE_RESENDS_PER_HOUR = int(os.environ.get("PASSAGE_INVITE_RESENDS_PER_HOUR", "30"))

# --- Completion records -------------------------------------------------------------------------

# Counts below this are shown as "< N" in aggregates (dashboard, PDF, API summary).
RECORDS_MIN_CELL = int(os.environ.get("RECORDS_MIN_CELL", "5"))
# Days a file made in the background is kept before it is deleted (it holds personal data).
RECORDS_EXPORT_KEEP_DAYS = int(os.environ.get("RECORDS_EXPORT_KEEP_DAYS", "7"))
# Requests a minute per API token.
RECORDS_API_RATE = int(os.environ.get("RECORDS_API_RATE", "120"))

# --- Languages --------------------------------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("ar", "العربية"),
    ("ru", "Русский"),
    ("es", "Español"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# Dates and numbers for people: Django's formats per language, English made day-first (lms/formatting.py).
FORMAT_MODULE_PATH = ["lms.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_TZ = True

# --- Static and media ---------------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Personal files (certificates, training records, records exports, question imports) have no
# URL: only access-checked views read them (lms/storage.py). Never inside the public media.
PRIVATE_ROOT = Path(os.environ.get("PASSAGE_PRIVATE_ROOT", VAR_DIR / "private"))
if PRIVATE_ROOT.resolve().is_relative_to(MEDIA_ROOT.resolve()):
    raise ImproperlyConfigured("PASSAGE_PRIVATE_ROOT must not be inside MEDIA_ROOT.")

AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_PRIVATE_BUCKET_NAME = os.environ.get("AWS_PRIVATE_BUCKET_NAME", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "lms.storage.PrivateFileSystemStorage", "OPTIONS": {"location": PRIVATE_ROOT}},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
if AWS_STORAGE_BUCKET_NAME:
    # Any S3-compatible store: AWS_S3_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
    # AWS_S3_REGION_NAME are read from the environment by django-storages.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    if not AWS_PRIVATE_BUCKET_NAME or AWS_PRIVATE_BUCKET_NAME == AWS_STORAGE_BUCKET_NAME:
        raise ImproperlyConfigured("AWS_STORAGE_BUCKET_NAME is set: AWS_PRIVATE_BUCKET_NAME must name another bucket.")
    # A bucket of its own, never public, whatever is done to the media bucket's policy. The app
    # streams its files; no code asks it for a URL (the short signed one is a last safeguard).
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_PRIVATE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 60,
            "file_overwrite": False,
        },
    }
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 30
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Email ------------------------------------------------------------------------------------

EMAIL_URL = os.environ.get("EMAIL_URL", "")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Passage <no-reply@passage.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = os.environ.get(
        "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
    )

# --- Wagtail ----------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Passage"
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
# One door: the admin signs in through the account login (lockout, second factor), and
# passwords are reset and changed only there.
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# A new translation starts as a draft, even of a live page: it goes live once translated and
# published by someone allowed to (course authors submit for approval, like any page).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_USER_CUSTOM_FIELDS = ["certificate_name", "preferred_language", "organisation", "sector", "country"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No Gravatar: avatars would tell a third party which staff use the admin (and the admin's
# Content Security Policy loads images from the site only).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Security ---------------------------------------------------------------------------------

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Wagtail's live preview shows pages in a same-origin frame, so DENY would break authoring;
# SAMEORIGIN still stops other sites from framing Passage.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = [
    "security.W019",
    # django-ratelimit lists only memcached and django-redis as supported. Both stores used here
    # increment atomically across processes: Django's RedisCache adds with SET NX and counts with
    # INCR; diskcache.DjangoCache adds and increments inside one SQLite transaction (a file lock
    # shared by every process). Its E003 (known non-atomic backends) still guards any change.
    "django_ratelimit.W001",
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content Security Policy (django-csp; lms.middleware.ContentSecurityPolicyMiddleware), enforced.
# Site pages run only the project's own script files: no inline script, no eval. <style> elements
# (the branding colour, a few page styles) carry the request's nonce. Style *attributes* stay
# allowed (a few templates size a box with one); an attribute cannot load anything (images and
# fonts stay 'self') nor select other elements, as a <style> could. Lesson videos play in a plain
# <video> element from the site's own document view (media-src), never in a third-party frame.
_MEDIA_ORIGINS = []
if AWS_STORAGE_BUCKET_NAME:
    # Images are then served by the object store, at signed URLs on its own address.
    from urllib.parse import urlsplit

    _endpoint = urlsplit(os.environ.get("AWS_S3_ENDPOINT_URL") or "https://s3.amazonaws.com")
    _MEDIA_ORIGINS = [f"{_endpoint.scheme}://{_endpoint.netloc}", f"{_endpoint.scheme}://*.{_endpoint.netloc}"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:", *_MEDIA_ORIGINS],
        # Videos and their caption tracks: the document view, or the object store if it redirects there.
        "media-src": [SELF, *_MEDIA_ORIGINS],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # Wagtail's live preview frames the site's own pages.
        "frame-ancestors": [SELF],
    },
}
# The Wagtail admin (and the previews it frames, served under /admin/) runs inline scripts and
# styles of its own: it gets this policy instead (lms.middleware picks it by path).
ADMIN_PATH_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *_MEDIA_ORIGINS],
        "media-src": [SELF, *_MEDIA_ORIGINS],
        "frame-src": [SELF, "https:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
# Powerful browser features no page of Passage uses, refused to the page and to anything it
# embeds (lms.middleware.PermissionsPolicyMiddleware). Names as browsers know them today:
# browsing-topics replaced FLoC's interest-cohort, which Chromium now reports as unknown.
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
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # A load balancer probes these over plain HTTP inside the private network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if not os.environ.get("SECRET_KEY"):
        raise ImproperlyConfigured("PASSAGE_PRODUCTION is set: SECRET_KEY must come from the environment.")

# LOG_FORMAT=json (make serve-prod, production): one JSON object per line with the request's
# id, and one line per request (lms/logs.py); no query strings, addresses or names in either.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {"()": "lms.logs.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json" if LOG_FORMAT == "json" else "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "passage": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # The per-request line: JSON logs only (the embedded mode has gunicorn's access log).
        "passage.request": {"level": "INFO" if LOG_FORMAT == "json" else "WARNING"},
    },
}
CSRF_FAILURE_VIEW = "lms.views.csrf_failure"
