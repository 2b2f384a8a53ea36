"""Content-Security-Policy and Permissions-Policy on every response.

The policies themselves are settings (README, "Security headers"):
CONTENT_SECURITY_POLICY is the strict one public pages get;
CONTENT_SECURITY_POLICY_BY_VIEW gives the views of a URL namespace (the
admin) or one named view a policy of their own, chosen per request from the
URL that answered, so it follows ADMIN_URL and the /en/ prefix.

Origins that media and static files are served from when they are not this
site (object storage, a CDN in STATIC_URL or MEDIA_URL) are added to the
directives that load them, taken from the URLs the storages really build.

A header without a nonce depends only on the settings and on which policy the
view chose, so it is built once per process and policy and reused: a stored
page is otherwise answered in less time than django-csp takes to build it.
"""

import functools
from urllib.parse import urlsplit

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse


def _origin(url):
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    if not parts.scheme and parts.netloc:  # //cdn.example.com/static/
        return f"https://{parts.netloc}"
    return None


@functools.cache
def asset_origins():
    """Directives to extend with the origins of media and static URLs.

    Asks the storages for a URL rather than reading their options, so an S3
    custom domain, an endpoint with path- or host-style buckets and an
    absolute MEDIA_URL all come out as browsers will see them.
    """
    from django.core.files.storage import storages

    extra = {}
    media = _origin(storages["default"].url("csp-origin-probe"))
    static = _origin(storages["staticfiles"].base_url or settings.STATIC_URL)
    if media:
        for directive in ("img-src", "media-src"):
            extra.setdefault(directive, []).append(media)
    if static:
        for directive in ("script-src", "style-src", "img-src", "font-src"):
            extra.setdefault(directive, []).append(static)
    return {key: list(dict.fromkeys(value)) for key, value in extra.items()}


# Headers built without a nonce, by the policy_key() they were built for.
_built_headers = {}


@receiver(setting_changed)
def _forget_origins(setting, **kwargs):
    if setting in ("STORAGES", "MEDIA_URL", "STATIC_URL"):
        asset_origins.cache_clear()
    if setting in ("STORAGES", "MEDIA_URL", "STATIC_URL", "DEBUG") or (
        setting.startswith("CONTENT_SECURITY_POLICY")
    ):
        _built_headers.clear()


def policy_key(request):
    """The CONTENT_SECURITY_POLICY_BY_VIEW key chosen for this request, or None.

    None means the default policy (CONTENT_SECURITY_POLICY). A view name
    ("admin:index") is looked up before its namespace ("admin").
    """
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None
    by_view = getattr(settings, "CONTENT_SECURITY_POLICY_BY_VIEW", {})
    for key in (match.view_name, match.namespace):
        if key and key in by_view:
            return key
    return None


def scoped_policy(request):
    """The directives of the policy chosen for this request's view, or None."""
    key = policy_key(request)
    if key is None:
        return None
    return settings.CONTENT_SECURITY_POLICY_BY_VIEW[key]


# What a view can set on its response to change its policy (csp.decorators).
_RESPONSE_POLICY_ATTRIBUTES = tuple(
    f"_csp_{name}{suffix}"
    for name in ("config", "update", "replace", "exempt")
    for suffix in ("", "_ro")
)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with a policy per view and asset origins.

    A nonce is in the header only when the page used it (NonceMediaAdminMixin
    below); django-csp leaves it out otherwise. Headers without one are
    reused (the module docstring); a header with a nonce never is.
    """

    def process_response(self, request, response):
        if not self._is_reusable(request, response):
            return super().process_response(request, response)
        key = policy_key(request)
        headers = _built_headers.get(key)
        if headers is None:
            # django-csp builds it, on a response that asks for nothing.
            built = super().process_response(request, HttpResponse())
            headers = [
                (name, built[name])
                for name in (HEADER, HEADER_REPORT_ONLY)
                if name in built
            ]
            _built_headers[key] = headers
        for name, value in headers:
            if name not in response:
                response[name] = value
        # As django-csp does: a nonce asked for after this point would not be
        # in the header, so asking is an error rather than a silent gap.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    @staticmethod
    def _is_reusable(request, response):
        if getattr(request, "_csp_nonce", None) is not None:
            return False
        if any(hasattr(response, name) for name in _RESPONSE_POLICY_ATTRIBUTES):
            return False
        if settings.DEBUG and response.status_code in (404, 500):
            return False  # django-csp leaves the debug pages alone
        return not any(
            (getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES")
            for name in (
                "CONTENT_SECURITY_POLICY",
                "CONTENT_SECURITY_POLICY_REPORT_ONLY",
            )
        )

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None:
            parts.config = scoped_policy(request)
        origins = asset_origins()
        if origins:
            config = parts.config or settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
            update = dict(parts.update or {})
            for directive, values in origins.items():
                if directive not in update and not config.get(directive):
                    # A directive the policy leaves to default-src: keep
                    # what that allows when naming the origin.
                    update[directive] = list(config.get("default-src") or ())
                update[directive] = [*update.get(directive, ()), *values]
            parts.update = update
        return parts


class NonceMediaAdminMixin:
    """Render a change form's media with the request's CSP nonce.

    django-prose-editor's import map is an inline <script>: js_asset's Media
    puts the nonce it holds on it. Given here, where the change form's
    context is made, so that the views rendering the form themselves
    (django-reversion's version and recover pages) get it too.
    """

    def render_change_form(self, request, context, *args, **kwargs):
        media = context.get("media")
        nonce = getattr(request, "csp_nonce", None)
        if nonce is not None and hasattr(media, "with_nonce"):
            context["media"] = media.with_nonce(nonce)
        return super().render_change_form(request, context, *args, **kwargs)


class PermissionsPolicyMiddleware:
    """Send PERMISSIONS_POLICY as the Permissions-Policy header.

    Django has no setting for it; one header from one dict needs no
    dependency. A feature mapped to an empty list is off for every origin.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})"
            for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.header
        return response
