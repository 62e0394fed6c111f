"""PeerCircle settings: every value that differs between machines comes from the environment."""

from pathlib import Path
from urllib.parse import unquote

import environ
from django.utils.translation import gettext_lazy as _
from xstatic.pkg import bootstrap as xstatic_bootstrap

PACKAGE_DIR = Path(__file__).resolve().parent
# Where the SQLite file, uploads and collected static files live: the checkout in development.
_checkout = PACKAGE_DIR.parent.parent
BASE_DIR = Path(
    environ.Env().str(
        "PEERCIRCLE_HOME",
        default=str(_checkout if (_checkout / "pyproject.toml").exists() else Path.cwd()),
    )
)

env = environ.Env(
    DEBUG=(bool, False),
    SECURE=(bool, False),
)
env_file = BASE_DIR / ".env"
if env_file.exists():
    environ.Env.read_env(env_file)

DEBUG = env("DEBUG")
# The development key is only accepted while DEBUG is on; production must set SECRET_KEY.
SECRET_KEY = env.str("SECRET_KEY", default="") or (
    "peercircle-development-only-key-never-use-in-production-0123456789" if DEBUG else ""
)
if not SECRET_KEY:
    raise environ.ImproperlyConfigured("Set SECRET_KEY (or DEBUG=true for development).")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_filters",
    # before django-tasks-db: its `db_worker` command is replaced by core's, which survives faults
    "peercircle.core",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "peercircle.accounts",
    "peercircle.organisations",
    "peercircle.people",
    "peercircle.volunteers",
    "peercircle.consulting",
    "peercircle.wellbeing",
    "peercircle.library",
    "peercircle.training",
    "peercircle.mentoring",
    "peercircle.groups",
    "peercircle.events",
    "peercircle.reporting",
    "peercircle.imports",
    "peercircle.shell",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "peercircle.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "peercircle.accounts.middleware.RequireTwoFactorMiddleware",
    "peercircle.core.middleware.OrganisationScopeMiddleware",
    "peercircle.core.middleware.ContentSecurityPolicyMiddleware",
]

# No inline script or style anywhere: behaviour lives in static files (docs/deployment.md).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)

# How many proxies of our own stand before the application (the TLS proxy of
# docs/deployment.md is one). Each appends the address it saw to X-Forwarded-For; the client's
# address is the right-most one none of them added. 0: the header is ignored.
TRUSTED_PROXY_HOPS = env.int("TRUSTED_PROXY_HOPS", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_HOPS

ROOT_URLCONF = "peercircle.urls"
WSGI_APPLICATION = "peercircle.wsgi.application"
ASGI_APPLICATION = "peercircle.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "peercircle.core.context_processors.organisation",
            ],
        },
    }
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'peercircle.sqlite3'}"),
}
# A Unix-socket directory may be given percent-encoded as the host (postgres://u@%2Frun%2Fpg/db).
DATABASES["default"]["HOST"] = unquote(DATABASES["default"].get("HOST", ""))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://peercircle")}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "account_login"

# django-allauth: e-mail login, no open sign-up (people join by invitation), lockout, TOTP.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_ADAPTER = "peercircle.accounts.adapters.AccountAdapter"
ACCOUNT_LOGOUT_ON_GET = False
# A new address replaces the old one only once verified (a link sent to it): nobody can make
# someone else's address theirs, and with it that address's event registrations (finding 8).
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_MAX_EMAIL_ADDRESSES = 2
ACCOUNT_RATE_LIMITS = {
    # Five wrong passwords for one account lock it for fifteen minutes.
    "login_failed": env.str("LOGIN_FAILED_RATE", default="20/m/ip,5/15m/key"),
    # A one-time code by e-mail: three an hour per account, so it cannot flood a mailbox.
    "request_login_code": env.str("LOGIN_CODE_RATE", default="20/m/ip,3/h/key"),
}
# A locked account (someone kept typing wrong passwords) still signs in with a one-time code
# sent to its address, so locking a person out is no longer a cheap attack; a second factor,
# where the person has one, is asked after the code as after a password.
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 600
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_ADAPTER = "peercircle.accounts.adapters.MFAAdapter"
MFA_FORMS = {
    "activate_totp": "peercircle.accounts.forms.ActivateTOTP",
    "authenticate": "peercircle.accounts.forms.Authenticate",
    "reauthenticate": "peercircle.accounts.forms.Reauthenticate",
}
# Fernet key(s) encrypting TOTP secrets and recovery seeds at rest (accounts/secrets.py); generate
# one with `peercircle mfa_key`. Required when DEBUG is off.
MFA_ENCRYPTION_KEY = env.str("MFA_ENCRYPTION_KEY", default="")
MFA_TOTP_ISSUER = "PeerCircle"
MFA_RECOVERY_CODE_COUNT = 10

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian")), ("pl", _("Polish"))]
# Polish short dates as Polish offices write them (peercircle/formats/pl/formats.py)
FORMAT_MODULE_PATH = ["peercircle.formats"]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "peercircle_language"
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Moscow")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    ("bootstrap", xstatic_bootstrap.BASE_DIR),
]
STORAGES = {
    # files written whole or not at all; a full disk leaves nothing behind (core/storage.py)
    "default": {"BACKEND": "peercircle.core.storage.SafeFileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_STORAGE",
            default="django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
# Uploaded documents (signed consents) are private: never served as static files.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "private-media")))
MEDIA_URL = "/private-media/"  # never routed: documents are served by permission-checked views
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# an upload larger than the free space is refused before it is read (core/storage.py)
FILE_UPLOAD_HANDLERS = [
    "peercircle.core.storage.SpaceCheckingUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
FREE_SPACE_MARGIN_BYTES = env.int("FREE_SPACE_MARGIN_BYTES", default=50 * 1024 * 1024)
# Background jobs (core/jobs.py): a running job beats every JOB_HEARTBEAT_SECONDS; one silent for
# JOB_STALE_SECONDS lost its worker and is retried (up to JOB_MAX_ATTEMPTS) or failed.
JOB_HEARTBEAT_SECONDS = env.float("JOB_HEARTBEAT_SECONDS", default=10)
JOB_STALE_SECONDS = env.int("JOB_STALE_SECONDS", default=60)
JOB_MAX_ATTEMPTS = env.int("JOB_MAX_ATTEMPTS", default=3)
JOB_RETRY_BACKOFF_SECONDS = tuple(int(s) for s in env.list("JOB_RETRY_BACKOFF_SECONDS",
                                                          default=["10", "60", "300"]))
CONSENT_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# The installation's public address, for links in e-mails sent by background jobs.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="PeerCircle <noreply@peercircle.invalid>")

# Background jobs (core/jobs.py): a django-tasks-db queue in the database, run by `peercircle db_worker`
# (`make demo` starts one). TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend runs jobs
# inside the request instead (no worker needed; the tests do this).
TASKS = {
    "default": {"BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.backend.DatabaseBackend")}
}

# Network figures: cells below this count are shown as "<N" so no person can be singled out.
SMALL_NUMBER_THRESHOLD = 5
# Project figures are kept in the cache until a record of a counted organisation changes
# (reporting/freshness.py); this is only the longest they are kept. 0 computes every view.
REPORTING_CACHE_SECONDS = env.int("REPORTING_CACHE_SECONDS", default=6 * 3600)
INVITATION_VALID_DAYS = 14
# where people report an accessibility barrier (the accessibility statement shows it)
ACCESSIBILITY_CONTACT = env.str("ACCESSIBILITY_CONTACT", default="")

SECURE = env("SECURE")
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
LANGUAGE_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
